import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { registrationBody } from '../support/http';
import { useTestServer } from '../support/suite-server';

/**
 * Another process holds the SQLite write lock (BEGIN IMMEDIATE, as a sqlite3 shell or a
 * backup script might). A command must then wait without stopping the event loop: /health
 * and reads are answered while it is pending, and health says the store is locked; when the
 * lock stays, the command is answered 503 problem+json with Retry-After, and appends nothing.
 * Ordering is asserted, not durations.
 */

/** A child process holding the write lock on `file` until told to let go. */
async function holdWriteLock(file: string): Promise<{ child: ChildProcess; release: () => Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  if (line !== 'locked') throw new Error(`The locker said ${line}`);
  return {
    child,
    release: async () => {
      if (child.exitCode !== null) return;
      child.stdin!.write('release\n');
      await once(child, 'exit');
    },
  };
}

interface Health {
  status: string;
  eventStore: { status: string; head?: string; writes?: string };
}

const { server } = useTestServer({ planYears: [2024], failOnErrorLogs: false });

const health = async (): Promise<Health> => (await fetch(`${server.baseUrl}/health`)).json() as Promise<Health>;

it('a command waits for the lock off the event loop: health (saying locked) and reads answer meanwhile; then 503 with Retry-After, nothing appended', async () => {
  const officer = await server.token('district_officer', { district: 'tan-phu' });
  const headBefore = (await health()).eventStore.head;
  const locker = await holdWriteLock(server.databaseFile);
  try {
    let settled = false;
    const command = fetch(`${server.apiUrl}/projects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify(registrationBody('tan-phu', { planYear: 2024 })),
    }).finally(() => (settled = true));

    // Health answers while the command is pending, and comes to say the store is locked.
    let seen: Health;
    for (;;) {
      seen = await health();
      expect(settled).toBe(false);
      if (seen.eventStore.status === 'degraded') break;
    }
    expect(seen).toMatchObject({ status: 'degraded', eventStore: { status: 'degraded', writes: 'locked' } });
    // So do reads.
    const list = await fetch(`${server.apiUrl}/projects`, { headers: { authorization: `Bearer ${officer}` } });
    expect(list.status).toBe(200);
    expect(settled).toBe(false);

    const refused = await command;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ status: 503, code: 'event_store_locked' });
  } finally {
    await locker.release();
  }
  // Nothing of the refused command was appended.
  expect((await health()).eventStore.head).toBe(headBefore);

  // Once the lock is gone the store says so, and takes commands again.
  while ((await health()).eventStore.status !== 'up');
  const accepted = await fetch(`${server.apiUrl}/projects`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
    body: JSON.stringify(registrationBody('tan-phu', { planYear: 2024 })),
  });
  expect(accepted.status).toBe(201);
});
