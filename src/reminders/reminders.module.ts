import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, HttpAdapterHost } from '@nestjs/core';
import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module';
import { JwtVerifier } from '../auth/jwt-verifier';
import { SETTINGS, type Settings } from '../config/settings';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { Clock } from '../platform/clock';
import { READ_MODEL_DB } from '../projections/projection';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { mountQueueDashboard } from './http/queue-dashboard';
import { RemindersController } from './http/reminders.controller';
import { EmailNotifier } from './notifiers/email.notifier';
import type { Notifier } from './notifiers/notifier';
import { WebhookNotifier } from './notifiers/webhook.notifier';
import { ReminderDelivery } from './reminder-delivery';
import { ReminderFactsReader } from './reminder-facts.reader';
import { ReminderHistory } from './reminder-history';
import { ReminderQueue } from './reminder-queue';
import { ProjectionRunner } from '../projections/projection-runner';
import { ReminderScan } from './reminder-scan';
import { discoveredReminderSubjectSources } from './reminder-subject-source.port';
import { REMINDER_HEALTH_PROBES, reminderHealthProbes } from './reminders.health';
import { registeringUnits } from '../reference-data/registering-units';

const NOTIFIERS = Symbol('REMINDER_NOTIFIERS');
const log = new Logger('Reminders');

/**
 * Reminders to districts: the scheduled scan, the delivery worker, the admin endpoints, the
 * queue dashboard and the /health probes. Redis is never awaited at start.
 */
@Module({
  imports: [AuthModule, DiscoveryModule],
  controllers: [RemindersController],
  providers: [
    {
      provide: ReminderQueue,
      inject: [SETTINGS],
      useFactory: (settings: Settings) =>
        new ReminderQueue({
          redisUrl: settings.redisUrl,
          prefix: settings.queuePrefix,
          cron: settings.reminderCron,
          attempts: settings.reminders.attempts,
          backoffMs: settings.reminders.backoffMs,
          log,
        }),
    },
    {
      provide: NOTIFIERS,
      inject: [SETTINGS, ReferenceDataService],
      useFactory: (settings: Settings, reference: ReferenceDataService) =>
        notifiersFor(settings, reference),
    },
    {
      provide: ReminderHistory,
      inject: [DiscoveryService],
      // Every provider marked @ReminderSubjectSourceProvider() in any module (projects, plans).
      // Their instances exist once every module is built: they are collected at first use,
      // and RemindersModule.onModuleInit checks at start that each kind of subject has one.
      useFactory: (discovery: DiscoveryService) =>
        new ReminderHistory(() => discoveredReminderSubjectSources(discovery)),
    },
    {
      provide: ReminderScan,
      inject: [
        SETTINGS,
        EVENT_STORE,
        READ_MODEL_DB,
        Clock,
        ReferenceDataService,
        ReminderQueue,
        NOTIFIERS,
        ProjectionRunner,
        ReminderHistory,
      ],
      useFactory: (
        settings: Settings,
        store: EventStore,
        db: Database,
        clock: Clock,
        reference: ReferenceDataService,
        queue: ReminderQueue,
        notifiers: Notifier[],
        runner: ProjectionRunner,
        history: ReminderHistory,
      ) => {
        const districts = () => registeringUnits(reference.current());
        const rules = () => settings.reminders.rules;
        return new ReminderScan({
          reader: new ReminderFactsReader(db),
          queue,
          delivery: new ReminderDelivery({
            history,
            notifiers,
            settings: rules,
            districts,
            now: () => clock.now().toISOString(),
          }),
          settings: rules,
          districts,
          today: () => clock.today(),
          log,
          caughtUp: async (timeoutMs) => runner.waitFor(await store.headPosition(), timeoutMs),
        });
      },
    },
    {
      provide: REMINDER_HEALTH_PROBES,
      inject: [ReminderQueue],
      useFactory: reminderHealthProbes,
    },
  ],
  exports: [REMINDER_HEALTH_PROBES],
})
export class RemindersModule
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  constructor(
    private readonly queue: ReminderQueue,
    private readonly scan: ReminderScan,
    private readonly verifier: JwtVerifier,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(NOTIFIERS) private readonly notifiers: Notifier[],
    private readonly history: ReminderHistory,
  ) {}

  async onModuleInit(): Promise<void> {
    // A feature that forgot to provide its source fails the start, not the first delivery.
    this.history.verify();
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    if (!(await mountQueueDashboard(fastify, [this.queue.bullQueue], this.verifier))) {
      log.warn('The queue dashboard (Bull Board) could not be loaded; /admin/queues is not served');
    }
  }

  onApplicationBootstrap(): void {
    this.queue.startWorker(this.scan.process);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    for (const notifier of this.notifiers) await notifier.close?.();
  }
}

function notifiersFor(settings: Settings, reference: ReferenceDataService): Notifier[] {
  const { webhookUrl, webhookSecret, smtpUrl } = settings.notify;
  const notifiers: Notifier[] = [];
  if (webhookUrl) {
    if (!webhookSecret) log.warn('NOTIFY_WEBHOOK_SECRET is not set: webhook bodies go unsigned');
    notifiers.push(new WebhookNotifier({ url: webhookUrl, secret: webhookSecret }));
  }
  if (smtpUrl) {
    notifiers.push(
      new EmailNotifier({
        smtpUrl,
        addressOf: (district) => registeringUnits(reference.current())[district]?.email,
        onSkip: (reminder, why) => log.log(`Reminder ${reminder.reminderId} not e-mailed: ${why}`),
      }),
    );
  }
  if (notifiers.length === 0) {
    log.warn('Neither NOTIFY_WEBHOOK_URL nor SMTP_URL is set: reminders are queued but not sent');
  }
  return notifiers;
}
