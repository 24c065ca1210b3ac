import { createServer as createHttpServer } from 'node:http';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { addDays, businessDateOf } from '../../src/shared/business-date';
import { startTestServer, type TestServer } from '../support/test-server';
import { eventually, startReceiver, type Receiver } from './reminders.support';

/**
 * The reminder endpoints, /health and the queue dashboard through the real application on a
 * real port, with the real Redis, or with Redis away behind a TCP relay the test can cut.
 */

const remindersPart = (health: unknown) =>
  (health as { reminders?: Record<string, unknown> }).reminders;

/**
 * The test server with failed deliveries retried after 50 ms, and the production schedule of
 * the reminder scan (which /health shows) instead of the test servers' 29 February.
 */
function startApp(env: Record<string, string>): Promise<TestServer> {
  return startTestServer({
    planYears: [],
    logLevel: 'silent',
    env: {
      RATE_LIMIT_PER_MINUTE: '0',
      REMINDER_BACKOFF_MS: '50',
      REMINDER_CRON: undefined,
      ...env,
    },
  });
}

async function call(
  app: TestServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, type, body: body as Record<string, unknown> & string };
}

describe('reminders over HTTP, with Redis up', () => {
  let app: TestServer;
  let receiver: Receiver;
  let admin: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startApp({ NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_WEBHOOK_SECRET: 'whsec' });
    admin = await app.token('admin');
    await eventually(
      async () => remindersPart((await call(app, 'GET', '/health')).body)?.status === 'up',
      5000,
      'the queue',
    );
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('shows Redis and the reminder queue on /health, with the scheduler registered', async () => {
    const { status, body } = await call(app, 'GET', '/health');
    expect(status).toBe(200);
    expect(body.redis).toEqual({ status: 'up' });
    expect(body.reminders).toMatchObject({
      status: 'up',
      queue: `${app.settings.queuePrefix}-reminders`,
      scheduler: { pattern: '0 7 * * *', tz: 'Asia/Ho_Chi_Minh' },
      worker: 'running',
    });
  });

  it('scans for an admin, queues what is due, delivers it and records it in the project history', async () => {
    // Projects register against the plan of their year; compiled, so no registration reminder is due.
    const admin = await app.token('admin');
    const center = await app.token('center_officer');
    const programme = {
      code: 'REM-HTTP',
      name: 'Chương trình',
      fromYear: 2024,
      toYear: 2024,
      budgets: [],
      targets: [],
    };
    expect(
      (await call(app, 'POST', '/api/v1/programs', { token: admin, body: programme })).status,
    ).toBe(201);
    const plan = { year: 2024, programCode: 'REM-HTTP', registrationDeadline: '2023-05-20' };
    expect((await call(app, 'POST', '/api/v1/plans', { token: center, body: plan })).status).toBe(
      201,
    );
    expect((await call(app, 'POST', '/api/v1/plans/2024/compile', { token: center })).status).toBe(
      200,
    );
    const district = await app.token('district_officer', { district: 'bien-hoa' });
    const registered = await call(app, 'POST', '/api/v1/projects', {
      token: district,
      body: {
        planYear: 2024,
        district: 'bien-hoa',
        title: 'Đề án đào tạo nghề đan lát',
        activityType: 'training',
        beneficiary: { name: 'Hợp tác xã Tân Hạnh' },
        requestedFundingVnd: 90_000_000,
        counterpartFundingVnd: 10_000_000,
        targets: [{ indicator: 'trainees', target: 30 }],
        plannedStart: '2024-07-01',
        plannedEnd: '2024-12-31',
      },
    });
    expect(registered.status).toBe(201);
    const projectId = registered.body.id as string;
    const today = businessDateOf(new Date());
    const reminderId = `appraisal-pending.${projectId}.${today}`;

    let scan = await call(app, 'POST', '/api/v1/reminders/scan', {
      token: admin,
      body: { asOf: addDays(today, 16) },
    });
    // The read model may not have seen the registration yet.
    await eventually(
      async () => {
        scan = await call(app, 'POST', '/api/v1/reminders/scan', {
          token: admin,
          body: { asOf: addDays(today, 16) },
        });
        return (scan.body.queued as number) > 0;
      },
      5000,
      'the registration in the read model',
    );
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({
      asOf: addDays(today, 16),
      queued: 1,
      reminders: [
        {
          reminderId,
          rule: 'appraisal_pending',
          district: 'bien-hoa',
          projectId,
          recipients: 'center',
        },
      ],
    });

    await eventually(() => receiver.received.length === 1, 10_000, 'the webhook');
    expect(receiver.received[0].reminderId).toBe(reminderId);
    const auditor = await app.token('auditor');
    await eventually(
      async () => {
        const history = await call(app, 'GET', `/api/v1/projects/${projectId}/history`, {
          token: auditor,
        });
        return JSON.stringify(history.body).includes('ReminderSent');
      },
      5000,
      'the history',
    );
    const history = await call(app, 'GET', `/api/v1/projects/${projectId}/history`, {
      token: auditor,
    });
    const events = history.body.events as { type: string; data: unknown; actor: unknown }[];
    expect(events.filter((e) => e.type === 'ReminderSent')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          reminderId,
          rule: 'appraisal_pending',
          channels: ['webhook'],
        }),
        actor: { sub: 'system:reminders', name: 'Nhắc việc tự động', role: 'admin' },
      }),
    ]);
  });

  it('refuses a scan without a token (401), to other roles (403) and with a bad date (400)', async () => {
    expect(
      (await call(app, 'POST', '/api/v1/reminders/scan', { body: { asOf: '2024-06-01' } })).status,
    ).toBe(401);
    const center = await app.token('center_officer');
    expect(
      (
        await call(app, 'POST', '/api/v1/reminders/scan', {
          token: center,
          body: { asOf: '2024-06-01' },
        })
      ).status,
    ).toBe(403);
    const bad = await call(app, 'POST', '/api/v1/reminders/scan', {
      token: admin,
      body: { asOf: '2024-02-30' },
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
  });

  it('lists failed reminder jobs for admins only', async () => {
    const failed = await call(app, 'GET', '/api/v1/reminders/failed', { token: admin });
    expect(failed).toMatchObject({ status: 200, body: { items: [] } });
    expect(
      (await call(app, 'GET', '/api/v1/reminders/failed', { token: await app.token('auditor') }))
        .status,
    ).toBe(403);
  });

  describe('the queue dashboard at /admin/queues', () => {
    it('answers 401 problem+json without a token', async () => {
      const response = await call(app, 'GET', '/admin/queues');
      expect(response.status).toBe(401);
      expect(response.type).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 401, code: 'token_missing' });
    });

    it('answers 403 problem+json to a role other than admin', async () => {
      const response = await call(app, 'GET', '/admin/queues/api/queues', {
        token: await app.token('approver'),
      });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ status: 403, code: 'role_not_allowed' });
    });

    it('answers 401 to a token that does not verify', async () => {
      const response = await call(app, 'GET', '/admin/queues', {
        token: `${admin.slice(0, -4)}AAAA`,
      });
      expect(response.status).toBe(401);
    });

    it('serves the board and its API to an admin, by header or by cookie', async () => {
      const page = await call(app, 'GET', '/admin/queues', { token: admin });
      expect(page.status).toBe(200);
      expect(page.type).toContain('text/html');
      const api = await call(app, 'GET', '/admin/queues/api/queues', { token: admin });
      expect(api.status).toBe(200);
      expect(JSON.stringify(api.body)).toContain(`${app.settings.queuePrefix}-reminders`);
      const byCookie = await fetch(`${app.baseUrl}/admin/queues/api/queues`, {
        headers: { cookie: `kc_admin_token=${admin}` },
      });
      expect(byCookie.status).toBe(200);
      await byCookie.arrayBuffer();
    });
  });
});

/** A TCP relay to the real Redis that the test can cut and restore on the same port. */
class RedisRelay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  constructor(readonly port: number) {}

  static async onFreePort(): Promise<RedisRelay> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new RedisRelay(port);
  }

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const redis = connect(6379, '127.0.0.1');
      for (const socket of [client, redis]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(redis).pipe(client);
      client.on('close', () => redis.destroy());
      redis.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('reminders over HTTP, with Redis away', () => {
  let relay: RedisRelay;
  let app: TestServer;

  beforeAll(async () => {
    relay = await RedisRelay.onFreePort();
    app = await startApp({ REDIS_URL: `redis://127.0.0.1:${relay.port}` });
  });

  afterAll(async () => {
    await app?.close();
    await relay?.cut();
  });

  it('starts and keeps serving, shows the queue down, answers a scan 503, and resumes when Redis comes back', async () => {
    const health = await call(app, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'up',
      redis: { status: 'down' },
      reminders: { status: 'down' },
    });
    const admin = await app.token('admin');
    expect((await call(app, 'GET', '/api/v1/projects', { token: admin })).status).toBe(200);

    const scan = await call(app, 'POST', '/api/v1/reminders/scan', {
      token: admin,
      body: { asOf: '2024-06-20' },
    });
    expect(scan.status).toBe(503);
    expect(scan.type).toContain('application/problem+json');
    expect(scan.body).toMatchObject({ code: 'reminder_queue_unavailable' });
    expect((await call(app, 'GET', '/api/v1/reminders/failed', { token: admin })).status).toBe(503);

    await relay.open();
    await eventually(
      async () => remindersPart((await call(app, 'GET', '/health')).body)?.scheduler != null,
      15_000,
      'the queue to resume',
    );
    expect(
      (
        await call(app, 'POST', '/api/v1/reminders/scan', {
          token: admin,
          body: { asOf: '2024-06-20' },
        })
      ).status,
    ).toBe(200);

    await relay.cut();
    await eventually(
      async () => remindersPart((await call(app, 'GET', '/health')).body)?.status === 'down',
      5000,
      'the outage to show',
    );
    await relay.open();
    await eventually(
      async () => remindersPart((await call(app, 'GET', '/health')).body)?.status === 'up',
      15_000,
      'the queue to resume again',
    );
  });
});

describe('reminders over HTTP, when the webhook fails', () => {
  it('lists the failed jobs with an error that names the host, not the URL path or query', async () => {
    const refusing = createHttpServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(500).end());
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const { port } = refusing.address() as AddressInfo;
    const app = await startApp({
      NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/secret-path?key=s3cr3t`,
      REMINDER_ATTEMPTS: '1',
    });
    try {
      const admin = await app.token('admin');
      const center = await app.token('center_officer');
      const programme = { code: 'REM-FAIL', name: 'Chương trình', fromYear: 2030, toYear: 2030 };
      expect(
        (
          await call(app, 'POST', '/api/v1/programs', {
            token: admin,
            body: { ...programme, budgets: [], targets: [] },
          })
        ).status,
      ).toBe(201);
      const plan = { year: 2030, programCode: 'REM-FAIL', registrationDeadline: '2030-03-31' };
      expect((await call(app, 'POST', '/api/v1/plans', { token: center, body: plan })).status).toBe(
        201,
      );
      // Seven days before the deadline every district that has not registered is reminded.
      await eventually(
        async () => {
          const scan = await call(app, 'POST', '/api/v1/reminders/scan', {
            token: admin,
            body: { asOf: '2030-03-24' },
          });
          return (scan.body.queued as number) > 0;
        },
        5000,
        'the plan in the read model',
      );
      let items: { lastError: string }[] = [];
      await eventually(
        async () => {
          const failed = await call(app, 'GET', '/api/v1/reminders/failed', { token: admin });
          items = failed.body.items as unknown as { lastError: string }[];
          return items.length > 0;
        },
        10_000,
        'the failed jobs',
      );
      for (const item of items)
        expect(item.lastError).toBe('The webhook answered 500 (host 127.0.0.1)');
    } finally {
      await app.close();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
