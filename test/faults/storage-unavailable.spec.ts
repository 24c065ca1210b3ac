import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databasePathIn } from '../../src/event-store/sqlite-database';
import { registrationBody } from '../support/http';
import {
  cleanUpRedis,
  dumpReadModels,
  ensureBuilt,
  FAULTS_ENABLED,
  runCli,
  seedPlans,
  startServer,
  tokenFor,
  waitForProjections,
  type ServerProcess,
} from './server-process';

/**
 * The event store's storage refuses writes while the server runs: the disk is full (a small
 * tmpfs as DATA_DIR, filled to the last byte) or the database file is made read-only (an ext4
 * loop device, the file and its WAL marked immutable: a root process cannot write them either;
 * remounting read-only is refused while the server holds the file open for writing).
 * Commands fail with a 503 problem and Retry-After, nothing is half-written (the log head moves
 * only for commands that were acknowledged, every chain verifies), reads keep answering, and
 * once space or write access returns, commands succeed again without a restart.
 */

interface StorageFault {
  readonly name: string;
  /** Prepares an empty directory on the special storage and returns it. */
  mount(): string;
  /** Makes the storage refuse writes. */
  break(dataDir: string): void;
  /** Gives write access or space back. */
  heal(dataDir: string): void;
  unmount(dataDir: string): void;
}

const run = (command: string, args: readonly string[]) =>
  execFileSync(command, args, { stdio: 'pipe' });

/** Root can mount here: CI runs as root; elsewhere these faults cannot be staged and are skipped. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'khuyencong-mount-probe-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    run('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const diskFull: StorageFault = {
  name: 'the disk is full',
  mount() {
    const dir = mkdtempSync(join(tmpdir(), 'khuyencong-faults-tmpfs-'));
    run('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir]);
    return dir;
  },
  break(dataDir) {
    // Writes until the file system has not one byte left.
    const fd = openSync(join(dataDir, 'filler'), 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (let size = chunk.length; size > 0;) {
        try {
          writeSync(fd, chunk, 0, size);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          size = Math.floor(size / 2);
        }
      }
    } finally {
      closeSync(fd);
    }
  },
  heal(dataDir) {
    unlinkSync(join(dataDir, 'filler'));
  },
  unmount(dataDir) {
    run('umount', ['-l', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  },
};

const images = new Map<string, string>();
const readOnly: StorageFault = {
  name: 'the event store file is made read-only',
  mount() {
    const dir = mkdtempSync(join(tmpdir(), 'khuyencong-faults-ext4-'));
    const image = `${dir}.img`;
    run('truncate', ['-s', '64M', image]);
    run('mkfs.ext4', ['-q', '-F', image]);
    run('mount', ['-o', 'loop', image, dir]);
    images.set(dir, image);
    return dir;
  },
  break(dataDir) {
    const file = databasePathIn(dataDir);
    run('chattr', ['+i', file, `${file}-wal`]);
  },
  heal(dataDir) {
    const file = databasePathIn(dataDir);
    run('chattr', ['-i', file, `${file}-wal`]);
  },
  unmount(dataDir) {
    try {
      this.heal(dataDir);
    } catch {
      // Already writable.
    }
    run('umount', ['-l', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(images.get(dataDir) as string, { force: true });
  },
};

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly retryAfter: string | null;
  readonly body: { code?: string; version?: number; id?: string };
}

async function send(
  server: ServerProcess,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.apiUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

async function head(server: ServerProcess): Promise<number> {
  const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as {
    eventStore: { head: string };
  };
  return Number(health.eventStore.head);
}

const mountable = FAULTS_ENABLED && canMount();

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => cleanUpRedis(), 30_000);

// Outside the faults run, or without root or mount, these cannot be staged: they show as skipped rather than pass.
const describeIfMountable = mountable ? describe : describe.skip;

describeIfMountable.each([diskFull, readOnly])('when $name', (fault) => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let center: string;
  let auditor: string;
  let projectId: string;
  /** Events acknowledged while the storage was failing (a few may still fit in the WAL). */
  let acknowledgedDuringFault = 0;
  let headBeforeFault: number;

  beforeAll(async () => {
    dataDir = fault.mount();
    server = await startServer(dataDir);
    await seedPlans(server.apiUrl);
    [center, auditor] = await Promise.all([tokenFor('center_officer'), tokenFor('auditor')]);
    const registered = await send(server, 'POST', '/projects', center, registrationBody('tan-phu'));
    expect(registered.status).toBe(201);
    projectId = registered.body.id as string;
    await waitForProjections(server.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) fault.unmount(dataDir);
  }, 60_000);

  it('refuses commands with a 503 problem and Retry-After', async () => {
    const live = server as ServerProcess;
    headBeforeFault = await head(live);
    fault.break(dataDir);
    let refusal: Answer | undefined;
    for (let attempt = 0; attempt < 200 && !refusal; attempt++) {
      const answer = await send(live, 'POST', '/projects', center, registrationBody('tan-phu'));
      if (answer.status === 201) acknowledgedDuringFault += 1;
      else refusal = answer;
    }
    expect(refusal).toEqual(
      expect.objectContaining({
        status: 503,
        contentType: expect.stringContaining('application/problem+json'),
        retryAfter: expect.stringMatching(/^\d+$/),
        body: expect.objectContaining({ code: 'event_store_unavailable' }),
      }),
    );
    // And every further command, of any kind, while the fault lasts.
    for (let i = 0; i < 5; i++) {
      expect(
        (await send(live, 'POST', '/projects', center, registrationBody('tan-phu'))).status,
      ).toBe(503);
      expect(
        (await send(live, 'POST', `/projects/${projectId}/appraisal/start`, center)).status,
      ).toBe(503);
    }
  }, 60_000);

  it('has written nothing half-way: the head moved only for acknowledged commands, and the chain verifies', async () => {
    const live = server as ServerProcess;
    expect(await head(live)).toBe(headBeforeFault + acknowledgedDuringFault);
    const verify = await send(live, 'GET', `/projects/${projectId}/verify`, auditor);
    expect(verify.body).toEqual(
      expect.objectContaining({ valid: true, firstBrokenVersion: null, eventsChecked: 1 }),
    );
  });

  it('keeps answering reads', async () => {
    const live = server as ServerProcess;
    expect((await send(live, 'GET', `/projects/${projectId}`, auditor)).status).toBe(200);
    expect((await send(live, 'GET', `/projects/${projectId}/history`, auditor)).status).toBe(200);
    expect((await fetch(`${live.baseUrl}/health`)).status).toBe(200);
  });

  it('takes commands again once the storage recovers, without a restart', async () => {
    const live = server as ServerProcess;
    fault.heal(dataDir);
    const started = await send(live, 'POST', `/projects/${projectId}/appraisal/start`, center);
    expect({ status: started.status, version: started.body.version }).toEqual({
      status: 200,
      version: 2,
    });
    expect(
      (await send(live, 'POST', '/projects', center, registrationBody('tan-phu'))).status,
    ).toBe(201);
    await waitForProjections(live.baseUrl);
  }, 60_000);

  it('leaves a log that verifies and read models equal to a rebuild', async () => {
    await (server as ServerProcess).stop();
    server = undefined;
    expect(runCli('verify-log', dataDir).status).toBe(0);
    const caughtUp = dumpReadModels(dataDir);
    expect(runCli('rebuild-projections', dataDir).status).toBe(0);
    expect(dumpReadModels(dataDir)).toEqual(caughtUp);
  }, 60_000);
});
