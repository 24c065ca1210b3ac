import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { projectStreamId } from '../../src/projects/application/project-stream';
import { signatureOf } from '../../src/reminders/notifiers/webhook.notifier';
import {
  eventually,
  openWorld,
  REDIS_URL,
  startInstance,
  startMailServer,
  startReceiver,
  uniquePrefix,
  WEBHOOK_SECRET,
  type Instance,
  type World,
} from './reminders.support';

/**
 * What a webhook or SMTP server can make of a delivery: a redirect is a failed attempt (the
 * signed POST never turns into a GET elsewhere), a retry sends the same signed bytes, and no
 * stored error (the job's failedReason and stack in Redis, hence GET /reminders/failed and the
 * queue dashboard) holds the URL's credentials, path or query.
 */
const REGISTERED_ON = '2024-06-01';
const AS_OF = '2024-06-20';

interface SeenRequest {
  readonly method: string;
  readonly url: string;
}

/** An HTTP server that answers every request with `status`, a Location, and remembers it. */
async function startServer(
  status: number,
  headers: Record<string, string> = {},
): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '' });
      response.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('webhook and e-mail delivery safety', () => {
  let world: World;
  const instances: Instance[] = [];
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    world = await openWorld(REGISTERED_ON);
  });

  afterEach(async () => {
    for (const instance of instances.splice(0)) {
      await instance.queue.bullQueue.obliterate({ force: true }).catch(() => undefined);
      await instance.close();
    }
    for (const close of closers.splice(0)) await close();
    await world.close();
  });

  const sentEventsOf = async (projectId: string) =>
    (await world.store.readStream(projectStreamId(projectId))).filter(
      (e) => e.type === 'ReminderSent',
    );

  async function deliverOne(
    title: string,
    options: { webhookUrl?: string; smtpUrl?: string; attempts: number },
  ): Promise<{ projectId: string; instance: Instance }> {
    // A revision left unanswered is mailed to the district; a pending appraisal is for the Center.
    const projectId = options.smtpUrl
      ? await world.revisionRequested(title)
      : await world.register(title);
    await world.caughtUp();
    const instance = startInstance(world, { prefix: uniquePrefix(), backoffMs: 20, ...options });
    instances.push(instance);
    await eventually(() => instance.queue.isUp(), 5000, 'Redis');
    await instance.scan.scanAndQueue(AS_OF);
    return { projectId, instance };
  }

  async function failedJob(instance: Instance) {
    await eventually(
      async () => (await instance.queue.failedJobs()).length === 1,
      10_000,
      'the job to fail every attempt',
    );
    const [job] = await instance.queue.failedJobs();
    return job;
  }

  /** Every field BullMQ keeps in Redis for the job (data, failedReason, stacktrace…), joined. */
  async function storedInRedis(instance: Instance, jobId: string): Promise<string> {
    const redis = new Redis(REDIS_URL);
    try {
      const queue = instance.queue.bullQueue;
      const hash = await redis.hgetall(`${queue.opts.prefix}:${queue.name}:${jobId}`);
      return Object.values(hash).join('\n');
    } finally {
      redis.disconnect();
    }
  }

  describe.each([302, 307])('when the webhook answers %i with a Location', (status) => {
    it('fails the attempt, never follows it, and records nothing', async () => {
      const target = await startServer(200);
      const redirector = await startServer(status, { location: `${target.url}/elsewhere` });
      closers.push(target.close, redirector.close);

      const { projectId, instance } = await deliverOne(`Đề án chuyển hướng ${status}`, {
        webhookUrl: `${redirector.url}/hooks/reminders`,
        attempts: 2,
      });
      const job = await failedJob(instance);

      expect(job.lastError).toBe(
        `The webhook answered ${status}: redirects are not followed (host 127.0.0.1)`,
      );
      expect(job.attempts).toBe(2);
      expect(redirector.seen).toEqual([
        { method: 'POST', url: '/hooks/reminders' },
        { method: 'POST', url: '/hooks/reminders' },
      ]);
      expect(target.seen).toEqual([]);
      expect(await sentEventsOf(projectId)).toEqual([]);
    });
  });

  describe('when the webhook fails once with 500, then answers', () => {
    it('sends the same signed body again, and records it once', async () => {
      const receiver = await startReceiver((attempt) => (attempt === 1 ? 500 : 200));
      closers.push(receiver.close);

      const { projectId } = await deliverOne('Đề án “thử lại” sau lỗi 500', {
        webhookUrl: receiver.url,
        attempts: 3,
      });
      await eventually(async () => (await sentEventsOf(projectId)).length === 1, 10_000, 'record');

      expect(receiver.attempts).toBe(2);
      expect(receiver.received).toHaveLength(1);
      const [hook] = receiver.received;
      expect(hook.signature).toBe(signatureOf(WEBHOOK_SECRET, hook.raw));
      expect(hook.body).toMatchObject({
        reminderId: `appraisal-pending.${projectId}.${REGISTERED_ON}`,
        message: expect.stringContaining('Đề án “thử lại” sau lỗi 500'),
      });
    });
  });

  describe('when a delivery fails', () => {
    const SECRETS = ['kc-user', 'hunter2', '/hooks/', 'secret-path', 'key=', 's3cr3t'];

    async function expectNoSecretStored(instance: Instance): Promise<string> {
      const job = await failedJob(instance);
      const stored = await storedInRedis(instance, job.jobId);
      expect(stored).toContain(job.lastError);
      for (const secret of SECRETS) {
        expect(job.lastError).not.toContain(secret);
        expect(stored).not.toContain(secret);
      }
      return job.lastError;
    }

    it('stores no credential, path or query of a webhook URL that carries them', async () => {
      const receiver = await startServer(500);
      closers.push(receiver.close);
      const { instance } = await deliverOne('Đề án có mật khẩu trong địa chỉ', {
        webhookUrl:
          receiver.url.replace('//', '//kc-user:hunter2@') + '/hooks/secret-path?key=s3cr3t',
        attempts: 1,
      });
      expect(await expectNoSecretStored(instance)).toMatch(/127\.0\.0\.1/);
    });

    it('stores no path or query of a webhook that answers 500', async () => {
      const receiver = await startServer(500);
      closers.push(receiver.close);
      const { instance } = await deliverOne('Đề án lỗi 500', {
        webhookUrl: `${receiver.url}/hooks/secret-path?key=s3cr3t`,
        attempts: 1,
      });
      expect(await expectNoSecretStored(instance)).toBe(
        'The webhook answered 500 (host 127.0.0.1)',
      );
    });

    it('stores no path or query of a webhook that cannot be reached', async () => {
      const closed = await startServer(200);
      await closed.close();
      const { instance } = await deliverOne('Đề án không gửi được', {
        webhookUrl: `${closed.url}/hooks/secret-path?key=s3cr3t`,
        attempts: 1,
      });
      expect(await expectNoSecretStored(instance)).toMatch(
        /^The webhook \(host 127\.0\.0\.1\) could not be reached/,
      );
    });

    it('stores no SMTP credential when the mail server refuses them', async () => {
      const mail = await startMailServer({ refuseLogins: true });
      closers.push(mail.close);
      const { instance } = await deliverOne('Đề án gửi thư', {
        smtpUrl: mail.url.replace('//', '//kc-user:hunter2@'),
        attempts: 1,
      });
      expect(await expectNoSecretStored(instance)).toMatch(
        /^E-mail through the SMTP server \(host 127\.0\.0\.1\) failed/,
      );
    });
  });
});
