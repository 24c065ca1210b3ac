import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { addDays, businessDateOf } from '../../src/shared/business-date';
import { registrationBody, type Json } from '../support/http';
import {
  describeFault,
  ensureBuilt,
  freePort,
  seedPlans,
  startServer,
  tempDataDir,
  tokenFor,
  type ServerProcess,
} from './server-process';

/**
 * Redis crashes (SIGKILL, nothing saved) while reminders are being delivered, and comes back
 * empty: the queued jobs are gone. Meanwhile the API keeps serving; asking for a scan is a 503.
 * Once Redis is back, a scan queues what was not recorded as sent, and every reminder that was
 * due reaches the webhook. The webhook holds its answers until Redis has died, so the crash
 * lands exactly while deliveries are in flight. The test runs its own redis-server on a free
 * port: the machine's shared Redis is never stopped.
 */

interface Delivery {
  readonly reminderId: string;
  readonly answered: number;
}

let redisPort: number;
let redis: ChildProcess | undefined;
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];
/** Deliveries the webhook has not answered yet; while `holding`, it answers none. */
const held: (() => void)[] = [];
let holding = true;
let dataDir: string;
let server: ServerProcess | undefined;
let admin: string;
let center: string;

async function startRedis(): Promise<void> {
  const child = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redis = child;
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not start on ${redisPort}`);
}

function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const ping = spawn('redis-cli', ['-p', String(redisPort), 'ping'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    ping.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    ping.on('exit', () => resolve(out.trim() === 'PONG'));
  });
}

/** A crash: SIGKILL, with nothing saved (--save ""), so it comes back empty. */
async function killRedis(): Promise<void> {
  const child = redis;
  redis = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; contentType: string; body: Json }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${(server as ServerProcess).apiUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.json(),
  };
}

async function redisHealth(): Promise<string> {
  const health = (await (await fetch(`${(server as ServerProcess).baseUrl}/health`)).json()) as {
    redis?: { status: string };
  };
  return health.redis?.status ?? 'missing';
}

const sentOnce = () => {
  const counts = new Map<string, number>();
  for (const d of deliveries)
    if (d.answered === 200) counts.set(d.reminderId, (counts.get(d.reminderId) ?? 0) + 1);
  return counts;
};

beforeAll(async () => {
  ensureBuilt();
  redisPort = await freePort();
  await startRedis();
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { reminderId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        reminderId: string;
      };
      const answer = () => {
        deliveries.push({ reminderId, answered: 200 });
        response.writeHead(200).end();
      };
      if (holding) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/reminders`;
  dataDir = tempDataDir('redis');
  server = await startServer(dataDir, {
    env: {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      NOTIFY_WEBHOOK_URL: receiverUrl,
      REMINDER_ATTEMPTS: '20',
      REMINDER_BACKOFF_MS: '200',
    },
  });
  await seedPlans(server.apiUrl);
  [admin, center] = await Promise.all([tokenFor('admin'), tokenFor('center_officer')]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await killRedis();
  await new Promise((resolve) => receiver?.close(resolve));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describeFault('Redis crashing and coming back empty while reminders are due', () => {
  /** Twenty days on, every project registered today has waited too long for its appraisal. */
  const asOf = addDays(businessDateOf(new Date()), 20);
  const due = new Set<string>();
  let inFlightAtCrash = 0;

  it('is killed while deliveries are in flight: they are answered 200 only after it died', async () => {
    for (let i = 0; i < 6; i++)
      expect((await call('POST', '/projects', center, registrationBody('tan-phu'))).status).toBe(
        201,
      );
    await waitFor(
      'the read models',
      async () => (await call('GET', '/projects', admin)).body.total === 6,
    );
    const scan = await call('POST', '/reminders/scan', admin, { asOf });
    expect(scan.status).toBe(200);
    for (const reminder of scan.body.reminders as { reminderId: string; rule: string }[])
      due.add(reminder.reminderId);
    expect(
      [...due].filter((id) => id.startsWith('appraisal-pending')).length,
    ).toBeGreaterThanOrEqual(6);
    await waitFor('deliveries in flight', () => held.length > 0);
    await killRedis();
    holding = false;
    inFlightAtCrash = held.length;
    for (const answer of held.splice(0)) answer();
    expect(sentOnce().size).toBe(inFlightAtCrash);
    expect(inFlightAtCrash).toBeLessThan(due.size);
  }, 60_000);

  it('keeps the API serving while Redis is down; a scan is a 503 problem', async () => {
    await waitFor('health to see Redis down', async () => (await redisHealth()) === 'down');
    const registered = await call('POST', '/projects', center, registrationBody('tan-phu'));
    expect(registered.status).toBe(201);
    expect(
      (
        await call(
          'GET',
          `/projects/${registered.body.id}?minPosition=${registered.body.position}`,
          admin,
        )
      ).status,
    ).toBe(200);
    expect((await fetch(`${(server as ServerProcess).baseUrl}/health`)).status).toBe(200);
    const scan = await call('POST', '/reminders/scan', admin, { asOf });
    expect({ status: scan.status, contentType: scan.contentType.split(';', 1)[0] }).toEqual({
      status: 503,
      contentType: 'application/problem+json',
    });
  }, 60_000);

  it('after Redis comes back empty, a scan queues what was not sent, and every due reminder reaches the webhook', async () => {
    await startRedis();
    await waitFor('health to see Redis up', async () => (await redisHealth()) === 'up');
    const scan = await call('POST', '/reminders/scan', admin, { asOf });
    expect(scan.status).toBe(200);
    for (const reminder of scan.body.reminders as { reminderId: string }[])
      due.add(reminder.reminderId);
    await waitFor(
      'every due reminder delivered',
      () => [...due].every((id) => sentOnce().has(id)),
      60_000,
    );
    // Time for a late duplicate to show up, if one were coming.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect([...sentOnce().keys()].filter((id) => !due.has(id))).toEqual([]);
  }, 90_000);

  // A delivery in flight when Redis dies is still recorded in the history (the Redis write of
  // which channels went out is only bookkeeping), so the next scan does not send it again.
  it('sent none of the reminders more than once', () => {
    const counts = sentOnce();
    expect([...due].filter((id) => counts.get(id) !== 1)).toEqual([]);
  });

  it('has nothing left to queue: a last scan finds every reminder recorded as sent', async () => {
    await waitFor(
      'the sent records to reach the read models',
      async () => (await call('POST', '/reminders/scan', admin, { asOf })).body.queued === 0,
    );
    const before = deliveries.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(deliveries.length).toBe(before);
  }, 60_000);
});

describeFault('shutting down while Redis cannot be reached', () => {
  // BullMQ's close never settles while Redis is unreachable; shutdown bounds it and exits.
  it('exits on SIGTERM within 5 seconds', async () => {
    const dir = tempDataDir('redis-down');
    try {
      const lonely = await startServer(dir, {
        env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
      });
      expect(await lonely.stop(5000)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
