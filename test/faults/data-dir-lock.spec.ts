import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registrationBody } from '../support/http';
import {
  cleanUpRedis,
  describeFault,
  ensureBuilt,
  runCli,
  seedPlans,
  startServer,
  tempDataDir,
  tokenFor,
  waitForProjections,
  type ServerProcess,
} from './server-process';

/**
 * One writer per data directory, with real processes: a second `node dist/main.js` on a live
 * DATA_DIR, and the command-line tools that write (`projections:rebuild`, `store:import`),
 * exit at once naming the holder's PID; after `kill -9` of the holder the next start is not
 * blocked. Under umask 022 the directory the server creates is 0700 and its files 0600.
 */

let root: string;
let dataDir: string;
const servers: ServerProcess[] = [];

beforeAll(() => {
  ensureBuilt();
  root = tempDataDir('lock');
  // A directory the server creates itself, under the usual umask.
  dataDir = join(root, 'data');
  process.umask(0o022);
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  rmSync(root, { recursive: true, force: true });
  await cleanUpRedis();
}, 60_000);

async function start(options: Parameters<typeof startServer>[1] = {}): Promise<ServerProcess> {
  const server = await startServer(dataDir, options);
  servers.push(server);
  return server;
}

/** The exit code, or 'still running' if the process has not exited after `boundMs` (it is then stopped). */
async function exited(server: ServerProcess, boundMs = 30_000): Promise<number | null | 'still running'> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code))),
    new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), boundMs))),
  ]);
  clearTimeout(timer);
  if (outcome === 'still running') await server.stop();
  return outcome;
}

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describeFault('one writer per DATA_DIR (real processes)', () => {
  let holder: ServerProcess;

  it('a second server on a live DATA_DIR exits at once, non-zero, naming the holder’s PID', async () => {
    holder = await start();
    await seedPlans(holder.apiUrl, [2024]);
    const second = await start({ waitUntilReady: false });
    const code = await exited(second);
    expect(code).not.toBe('still running');
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`PID ${holder.child.pid}`);
    // The holder goes on answering, and writing.
    const health = await fetch(`${holder.baseUrl}/health`);
    expect(health.status).toBe(200);
    const registered = await fetch(`${holder.apiUrl}/projects`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor('district_officer')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(registrationBody('tan-phu', { planYear: 2024 })),
    });
    expect(registered.status).toBe(201);
  });

  it('npm run projections:rebuild while the server runs is refused: stop the server or use the admin endpoint', () => {
    const result = runCli('rebuild-projections', dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`PID ${holder.child.pid}`);
    expect(result.stderr).toMatch(/Stop the server/);
    expect(result.stderr).toContain('POST /api/v1/admin/projections/rebuild');
  });

  it('npm run store:import while the server runs is refused, naming the holder, and imports nothing', () => {
    const file = join(root, 'empty.jsonl');
    writeFileSync(file, '');
    const result = runCli('store-import', dataDir, ['--in', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`PID ${holder.child.pid}`);
  });

  it('the data directory is 0700 and every file in it 0600, under umask 022', () => {
    expect(modeOf(dataDir)).toBe('700');
    for (const name of [
      'khuyencong.sqlite',
      'khuyencong.sqlite-wal',
      'khuyencong.sqlite-shm',
      'khuyencong.lock',
      'khuyencong.lock.json',
    ]) {
      const path = join(dataDir, name);
      expect([name, existsSync(path)]).toEqual([name, true]);
      expect([name, modeOf(path)]).toEqual([name, '600']);
    }
  });

  it('after kill -9 of the holder the next server starts (the kernel dropped the lock) and says the last one died', async () => {
    await waitForProjections(holder.baseUrl);
    await holder.kill9();
    const next = await start();
    expect((await fetch(`${next.baseUrl}/health`)).status).toBe(200);
    expect(next.output()).toContain(`PID ${holder.child.pid}`);
    expect(next.output()).toMatch(/ended without releasing/);
    await next.stop();
    // A clean stop releases it: the rebuild may run now.
    expect(runCli('rebuild-projections', dataDir).status).toBe(0);
  });
});
