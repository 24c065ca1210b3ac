import { registeringKeysIn, registeringUnits } from '../../src/reference-data/registering-units';
import { handleCommand } from '../../src/kernel/command-loop';
import { planAggregateType as planAggregate } from '../../src/plans/plan.aggregate';
import { planStreamId } from '../../src/plans/domain/plan.decider';
import { signatureOf, WebhookNotifier } from '../../src/reminders/notifiers/webhook.notifier';
import { ReminderDelivery } from '../../src/reminders/reminder-delivery';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/reminders/rules/reminder-settings';
import { projectStreamId } from '../../src/projects/application/project-stream';
import type { Actor } from '../../src/shared/actor';
import {
  decodeMail,
  dropQueue,
  eventually,
  openWorld,
  pendingDeliveries,
  startInstance,
  startMailServer,
  startReceiver,
  uniquePrefix,
  WEBHOOK_SECRET,
  type Instance,
  type World,
} from './reminders.support';

/**
 * Reminder delivery against the real Redis, a real SQLite log, a real HTTP receiver and a
 * real SMTP server. Projects are registered on 2024-06-01; as of 2024-06-20 each one has
 * waited more than 15 days for its appraisal, so one reminder per project is due.
 */
const REGISTERED_ON = '2024-06-01';
const AS_OF = '2024-06-20';

describe('reminder delivery', () => {
  let world: World;
  const instances: Instance[] = [];
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    world = await openWorld(REGISTERED_ON);
  });

  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    for (const close of closers.splice(0)) await close();
    await world.close();
  });

  const sentEventsOf = async (projectId: string) =>
    (await world.store.readStream(projectStreamId(projectId))).filter(
      (e) => e.type === 'ReminderSent',
    );

  describe('when a scan runs twice on two instances with two workers', () => {
    it('delivers each reminder exactly once and records it once in the history', async () => {
      const receiver = await startReceiver();
      closers.push(receiver.close);
      const ids = [];
      for (let i = 0; i < 6; i++) ids.push(await world.register(`Đề án đào tạo nghề số ${i}`));
      await world.caughtUp();

      const prefix = uniquePrefix();
      const one = startInstance(world, { prefix, webhookUrl: receiver.url });
      const two = startInstance(world, { prefix, webhookUrl: receiver.url });
      instances.push(one, two);
      await Promise.all([
        one.queue.bullQueue.waitUntilReady(),
        two.queue.bullQueue.waitUntilReady(),
      ]);
      await eventually(() => one.queue.isUp() && two.queue.isUp(), 5000, 'Redis');

      const [first, second] = await Promise.all([
        one.scan.scanAndQueue(AS_OF),
        two.scan.scanAndQueue(AS_OF),
      ]);
      expect(first.queued).toBe(6);
      expect(second.queued).toBe(6);
      await eventually(
        async () => receiver.received.length >= 6 && (await pendingDeliveries(one)) === 0,
        10_000,
        'deliveries',
      );
      // A third scan right away, before and after the read model has seen the records.
      await one.scan.scanAndQueue(AS_OF);
      await world.caughtUp();
      expect((await two.scan.scanAndQueue(AS_OF)).queued).toBe(0);
      await eventually(async () => (await pendingDeliveries(one)) === 0, 5000, 'queue to drain');

      const byId = new Map<string, number>();
      for (const hook of receiver.received)
        byId.set(hook.reminderId, (byId.get(hook.reminderId) ?? 0) + 1);
      expect([...byId.values()]).toEqual([1, 1, 1, 1, 1, 1]);
      for (const projectId of ids) {
        const events = await sentEventsOf(projectId);
        expect(events).toHaveLength(1);
        expect(events[0].data).toEqual({
          reminderId: `appraisal-pending.${projectId}.${REGISTERED_ON}`,
          rule: 'appraisal_pending',
          channels: ['webhook'],
          sentAt: '2024-06-01T03:00:00.000Z',
        });
        expect(events[0].metadata.actor).toEqual({
          sub: 'system:reminders',
          name: 'Nhắc việc tự động',
          role: 'admin',
        });
      }
    });

    it('sends the body of API.md, signed with HMAC-SHA256 over the exact bytes received', async () => {
      const receiver = await startReceiver();
      closers.push(receiver.close);
      const projectId = await world.register('Đề án “Ứng dụng máy móc tiên tiến”');
      await world.caughtUp();
      const instance = startInstance(world, { prefix: uniquePrefix(), webhookUrl: receiver.url });
      instances.push(instance);
      await eventually(() => instance.queue.isUp(), 5000, 'Redis');

      await instance.scan.scanAndQueue(AS_OF);
      await eventually(() => receiver.received.length === 1, 10_000, 'the webhook');

      const [hook] = receiver.received;
      expect(hook.signature).toBe(signatureOf(WEBHOOK_SECRET, hook.raw));
      expect(hook.body).toEqual({
        reminderId: `appraisal-pending.${projectId}.${REGISTERED_ON}`,
        rule: 'appraisal_pending',
        district: 'bien-hoa',
        unit: '731',
        projectId,
        planYear: 2024,
        dueDate: '2024-06-17',
        message:
          'Nhắc nhở: đề án “Đề án “Ứng dụng máy móc tiên tiến”” (Thành phố Biên Hòa) đăng ký ngày 01/06/2024 chưa được thẩm định sau 19 ngày.',
        issuedAt: '2024-06-01T03:00:00.000Z',
      });
    });
  });

  describe('when the receiver fails twice, then answers', () => {
    it('retries with backoff and delivers once, then records it', async () => {
      const receiver = await startReceiver((attempt) => (attempt <= 2 ? 503 : 200));
      closers.push(receiver.close);
      const projectId = await world.register('Đề án tập huấn khởi sự doanh nghiệp');
      await world.caughtUp();
      const instance = startInstance(world, {
        prefix: uniquePrefix(),
        webhookUrl: receiver.url,
        attempts: 5,
        backoffMs: 50,
      });
      instances.push(instance);
      await eventually(() => instance.queue.isUp(), 5000, 'Redis');

      await instance.scan.scanAndQueue(AS_OF);
      await eventually(
        async () => (await sentEventsOf(projectId)).length === 1,
        10_000,
        'the record',
      );

      expect(receiver.attempts).toBe(3);
      expect(receiver.received).toHaveLength(1);
      // The record lands before BullMQ counts the attempt that made it: wait for the count.
      const attemptsMade = async () =>
        (await instance.queue.bullQueue.getJob(`appraisal-pending.${projectId}.${REGISTERED_ON}`))
          ?.attemptsMade;
      await eventually(async () => (await attemptsMade()) === 3, 5000, 'the third attempt counted');
      expect(await attemptsMade()).toBe(3);
    });
  });

  describe('when the receiver keeps failing', () => {
    it('leaves the job in the failed set with its last error, shows it on health, and records nothing', async () => {
      const receiver = await startReceiver(() => 500);
      closers.push(receiver.close);
      const projectId = await world.register('Đề án hội chợ triển lãm');
      await world.caughtUp();
      const instance = startInstance(world, {
        prefix: uniquePrefix(),
        webhookUrl: receiver.url,
        attempts: 3,
        backoffMs: 20,
      });
      instances.push(instance);
      await eventually(() => instance.queue.isUp(), 5000, 'Redis');

      await instance.scan.scanAndQueue(AS_OF);
      await eventually(
        async () => (await instance.queue.failedJobs()).length === 1,
        10_000,
        'the failure',
      );

      expect(await instance.queue.failedJobs()).toEqual([
        expect.objectContaining({
          reminderId: `appraisal-pending.${projectId}.${REGISTERED_ON}`,
          attempts: 3,
          lastError: 'The webhook answered 500 (host 127.0.0.1)',
          subject: { kind: 'project', projectId },
          asOf: AS_OF,
        }),
      ]);
      expect(await instance.queue.status()).toMatchObject({
        status: 'degraded',
        jobs: expect.objectContaining({ failed: 1 }),
      });
      expect(await sentEventsOf(projectId)).toEqual([]);
      expect(receiver.attempts).toBe(3);
    });
  });

  describe('when Redis has lost the queue after a delivery', () => {
    it('does not send again: the worker finds the record in the history', async () => {
      const receiver = await startReceiver();
      closers.push(receiver.close);
      const projectId = await world.register('Đề án tư vấn thương hiệu');
      await world.caughtUp();
      const instance = startInstance(world, { prefix: uniquePrefix(), webhookUrl: receiver.url });
      instances.push(instance);
      await eventually(() => instance.queue.isUp(), 5000, 'Redis');
      await instance.scan.scanAndQueue(AS_OF);
      await eventually(
        async () => (await sentEventsOf(projectId)).length === 1,
        10_000,
        'the record',
      );

      await dropQueue(instance); // as a FLUSHALL would, for this test's keys only
      // A stale scan (read model not caught up) queues the same reminder again.
      const reminderId = `appraisal-pending.${projectId}.${REGISTERED_ON}`;
      await instance.queue.enqueue([
        { reminderId, subject: { kind: 'project', projectId }, asOf: AS_OF },
      ]);
      await eventually(
        async () => (await instance.queue.bullQueue.getJob(reminderId))?.finishedOn !== undefined,
        10_000,
        'the repeated job',
      );

      expect((await instance.queue.bullQueue.getJob(reminderId))?.returnvalue).toEqual({
        result: 'already_sent',
      });
      expect(receiver.received).toHaveLength(1);
      expect(await sentEventsOf(projectId)).toHaveLength(1);
    });
  });

  describe('when Redis stops answering while a reminder goes out', () => {
    // The bookkeeping of which channels went out is a Redis write that, with Redis gone, may
    // never settle; the send must still be recorded, or the scan after Redis is back sends again.
    it('records the send without waiting for the bookkeeping', async () => {
      const receiver = await startReceiver();
      closers.push(receiver.close);
      const projectId = await world.register('Đề án máy chế biến hạt điều');
      await world.caughtUp();
      const delivery = new ReminderDelivery({
        history: world.history,
        notifiers: [new WebhookNotifier({ url: receiver.url, secret: WEBHOOK_SECRET })],
        settings: () => DEFAULT_REMINDER_SETTINGS,
        districts: () => registeringUnits(world.reference.current()),
        now: () => world.clock.now().toISOString(),
        bookkeepingWaitMs: 50,
      });
      const reminderId = `appraisal-pending.${projectId}.${REGISTERED_ON}`;
      const job = { reminderId, subject: { kind: 'project' as const, projectId }, asOf: AS_OF };

      const outcome = await delivery.deliver(job, () => new Promise<void>(() => undefined));

      expect(outcome).toEqual({ result: 'sent', channels: ['webhook'] });
      expect(receiver.received.map((hook) => hook.reminderId)).toEqual([reminderId]);
      expect((await sentEventsOf(projectId)).map((e) => e.data)).toMatchObject([{ reminderId }]);
    });
  });

  describe('by e-mail', () => {
    it('mails the district its reminder in Vietnamese, intact, and records the channel', async () => {
      const mail = await startMailServer();
      closers.push(mail.close);
      const projectId = await world.revisionRequested(
        'Đề án hỗ trợ máy sấy nông sản – Hợp tác xã Phú Hữu',
      );
      await world.caughtUp();
      const instance = startInstance(world, { prefix: uniquePrefix(), smtpUrl: mail.url });
      instances.push(instance);
      await eventually(() => instance.queue.isUp(), 5000, 'Redis');

      const result = await instance.scan.scanAndQueue(AS_OF);
      expect(result.reminders.map((r) => r.rule)).toEqual(['revision_unanswered']);
      await eventually(
        async () => (await sentEventsOf(projectId)).length === 1,
        10_000,
        'the record',
      );

      expect(mail.mails).toHaveLength(1);
      expect(mail.mails[0].to).toEqual(['khuyencong@bienhoa.example']);
      const { subject, text } = decodeMail(mail.mails[0].raw);
      expect(subject).toBe('[Khuyến công] Nhắc bổ sung hồ sơ đề án');
      expect(text).toContain(
        'Nhắc nhở: Thành phố Biên Hòa chưa bổ sung hồ sơ đề án “Đề án hỗ trợ máy sấy nông sản – Hợp tác xã Phú Hữu” theo yêu cầu ngày 01/06/2024 (đã 19 ngày).',
      );
      expect(text).toContain('Đơn vị: Thành phố Biên Hòa (mã 731)');
      expect(text).toContain(`Mã nhắc việc: revision-unanswered.${projectId}.${REGISTERED_ON}`);
      expect((await sentEventsOf(projectId))[0].data).toMatchObject({ channels: ['email'] });
    });

    it('does not mark a reminder sent when the district has no address and there is no webhook', async () => {
      const mail = await startMailServer();
      closers.push(mail.close);
      const projectId = await world.revisionRequested('Đề án đào tạo nghề mây tre đan', 'tan-phu');
      await world.caughtUp();
      const instance = startInstance(world, { prefix: uniquePrefix(), smtpUrl: mail.url });
      instances.push(instance);
      await eventually(() => instance.queue.isUp(), 5000, 'Redis');

      await instance.scan.scanAndQueue(AS_OF);
      const reminderId = `revision-unanswered.${projectId}.${REGISTERED_ON}`;
      await eventually(
        async () => (await instance.queue.bullQueue.getJob(reminderId))?.finishedOn !== undefined,
        10_000,
        'the job',
      );

      expect((await instance.queue.bullQueue.getJob(reminderId))?.returnvalue).toMatchObject({
        result: 'undelivered',
      });
      expect(mail.mails).toEqual([]);
      expect(await sentEventsOf(projectId)).toEqual([]);
      await world.caughtUp();
      expect(instance.scan.due(AS_OF).map((r) => r.reminderId)).toEqual([reminderId]);
    });
  });

  describe('about a yearly plan', () => {
    it('reminds each district that has not registered, once, and records it in the plan', async () => {
      const receiver = await startReceiver();
      closers.push(receiver.close);
      const center: Actor = { sub: 'u-center', name: 'Trần Thị B', role: 'center_officer' };
      const context = {
        actor: center,
        today: REGISTERED_ON,
        reference: world.reference.current(),
        programme: { code: 'DN-2021-2025', fromYear: 2021, toYear: 2025 },
      };
      const run = (
        commandId: string,
        command: Parameters<typeof planAggregate.decider.decide>[0],
        actor = center,
      ) =>
        handleCommand(
          world.store,
          planAggregate,
          { streamId: planStreamId(2025), command, commandId, actor, today: REGISTERED_ON },
          { context: () => ({ ...context, actor }) },
        );
      await run('open-2025', {
        type: 'OpenPlan',
        data: { year: 2025, programCode: 'DN-2021-2025', registrationDeadline: '2024-06-27' },
      });
      const bienHoa = {
        sub: 'u-bh',
        name: 'Nguyễn Văn A',
        role: 'district_officer' as const,
        district: 'bien-hoa',
      };
      await run(
        'submit-bh',
        { type: 'SubmitDistrictRegistration', data: { district: 'bien-hoa', projectIds: [] } },
        bienHoa,
      );
      await world.caughtUp();
      const instance = startInstance(world, { prefix: uniquePrefix(), webhookUrl: receiver.url });
      instances.push(instance);
      await eventually(() => instance.queue.isUp(), 5000, 'Redis');

      const first = await instance.scan.scanAndQueue(AS_OF);
      // 2025: the districts until 30 June, the communes from 1 July; never the Center.
      const missing = registeringKeysIn(world.reference.current(), 2025).filter(
        (d) => d !== 'bien-hoa',
      );
      expect(first.reminders.map((r) => r.reminderId).sort()).toEqual(
        missing.map((d) => `registration-deadline.2025.${d}.d7`).sort(),
      );
      await eventually(() => receiver.received.length === missing.length, 10_000, 'the webhooks');
      await eventually(
        async () =>
          (await world.store.readStream(planStreamId(2025))).filter(
            (e) => e.type === 'ReminderSent',
          ).length === missing.length,
        5000,
        'the records',
      );
      await world.caughtUp();

      expect((await instance.scan.scanAndQueue(AS_OF)).queued).toBe(0);
      expect(receiver.received[0].body).toMatchObject({
        rule: 'registration_deadline',
        planYear: 2025,
        dueDate: '2024-06-20',
      });
      expect(receiver.received[0].body).not.toHaveProperty('projectId');
    });
  });

  describe('the scheduler', () => {
    it('is registered once however many instances start, on the cron in Asia/Ho_Chi_Minh', async () => {
      const prefix = uniquePrefix();
      const started = [1, 2, 3].map(() => startInstance(world, { prefix, cron: '0 7 * * *' }));
      instances.push(...started);
      await eventually(
        async () => (await started[0].queue.bullQueue.getJobSchedulersCount()) >= 1,
        5000,
        'the scheduler',
      );
      await Promise.all(started.map((i) => i.queue.ensureScheduler()));

      const queue = started[0].queue.bullQueue;
      expect(await queue.getJobSchedulersCount()).toBe(1);
      expect(await queue.getJobScheduler('reminder-scan')).toMatchObject({
        pattern: '0 7 * * *',
        tz: 'Asia/Ho_Chi_Minh',
      });
      const delayedScans = (await queue.getDelayed()).filter((job) => job.name === 'scan');
      expect(delayedScans).toHaveLength(1);
      // The next run is at 07:00 in Vietnam, i.e. 00:00 UTC.
      expect(new Date(delayedScans[0].timestamp + delayedScans[0].delay).toISOString()).toMatch(
        /T00:00:00\.000Z$/,
      );
    });

    it('is registered again when Redis has lost it', async () => {
      const instance = startInstance(world, { prefix: uniquePrefix() });
      instances.push(instance);
      const queue = instance.queue.bullQueue;
      await eventually(
        async () => (await queue.getJobSchedulersCount()) === 1,
        5000,
        'the scheduler',
      );
      await queue.removeJobScheduler('reminder-scan');
      expect(await queue.getJobSchedulersCount()).toBe(0);

      await instance.queue.ensureScheduler();
      expect(await queue.getJobSchedulersCount()).toBe(1);
    });
  });
});
