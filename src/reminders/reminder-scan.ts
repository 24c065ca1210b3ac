import type { Job } from 'bullmq';
import type { ReminderChannel } from '../shared/reminder-sent';
import type { BusinessDate } from '../shared/business-date';
import type { DeliveryOutcome, ReminderDelivery } from './reminder-delivery';
import type { ReminderFactsReader } from './reminder-facts.reader';
import { DELIVER_JOB, SCAN_JOB, type QueueLog, type ReminderQueue } from './reminder-queue';
import { subjectOf, type DeliveryJobData } from './reminder-subject';
import { scanReminders } from './rules/all-rules';
import type { Reminder } from './rules/reminder';
import type { DistrictNames } from './rules/reminder-facts';
import type { ReminderSettings } from './rules/reminder-settings';

/** What a scan queued: each reminder due, without its text (the worker works it out again). */
export interface ScanResult {
  readonly asOf: BusinessDate;
  readonly queued: number;
  readonly reminders: readonly Omit<Reminder, 'message'>[];
}

export interface ReminderScanDeps {
  readonly reader: ReminderFactsReader;
  readonly queue: ReminderQueue;
  readonly delivery: ReminderDelivery;
  readonly settings: () => ReminderSettings;
  readonly districts: () => DistrictNames;
  readonly today: () => BusinessDate;
  readonly log: QueueLog;
  /**
   * Resolves true once the reminder read model has applied every event in the log as of the
   * call (the log's head then), false if `timeoutMs` passes first. A rebuilding read model
   * starts again from the beginning, so it is behind until the rebuild reaches that head.
   */
  readonly caughtUp: (timeoutMs: number) => Promise<boolean>;
}

/** How long a scan an admin asked for waits for the read model (as read-your-writes does). */
export const MANUAL_SCAN_WAIT_MS = 5_000;
/** How long the scheduled scan waits (after a restart the read models may be catching up). */
export const SCHEDULED_SCAN_WAIT_MS = 60_000;

/** The read model had not reached the log's head in time: nothing was scanned or queued. */
export class ReminderFactsBehindError extends Error {
  constructor(readonly waitedMs: number) {
    super(`The reminder read model did not reach the log's head within ${waitedMs} ms`);
    this.name = 'ReminderFactsBehindError';
  }
}

/**
 * Runs the rules over the read model and queues what is due, and processes the queue's jobs:
 * the scheduler's scan (as of today in Asia/Ho_Chi_Minh) and each delivery.
 */
export class ReminderScan {
  constructor(private readonly deps: ReminderScanDeps) {}

  /** The reminders due as of `asOf` that the history does not record as sent. */
  due(asOf: BusinessDate): Reminder[] {
    const settings = this.deps.settings();
    const facts = this.deps.reader.load(asOf, settings, this.deps.districts());
    return scanReminders(facts, asOf, settings);
  }

  /**
   * Scans and queues; throws ReminderQueueUnavailableError when Redis is away. The scan first
   * waits until the read model holds every write acknowledged before it (a plan opened, a
   * project started just now), and refuses with ReminderFactsBehindError rather than scan a
   * read model that is behind (catching up after a restart, or rebuilding).
   */
  async scanAndQueue(asOf: BusinessDate, waitMs = MANUAL_SCAN_WAIT_MS): Promise<ScanResult> {
    if (!(await this.deps.caughtUp(waitMs))) throw new ReminderFactsBehindError(waitMs);
    const due = this.due(asOf);
    await this.deps.queue.enqueue(
      due.map((r): DeliveryJobData => ({ reminderId: r.reminderId, subject: subjectOf(r), asOf })),
    );
    return { asOf, queued: due.length, reminders: due.map(withoutMessage) };
  }

  /** The queue's processor. A thrown error makes BullMQ try the job again with backoff. */
  readonly process = async (job: Job): Promise<unknown> => {
    if (job.name === SCAN_JOB) {
      // A read model still behind fails the job: BullMQ tries it again (attempts of the scheduler).
      const result = await this.scanAndQueue(this.deps.today(), SCHEDULED_SCAN_WAIT_MS);
      this.deps.log.log(`Reminder scan as of ${result.asOf}: ${result.queued} due`);
      return { asOf: result.asOf, queued: result.queued };
    }
    if (job.name === DELIVER_JOB) {
      const data = job.data as DeliveryJobData;
      const outcome = await this.deps.delivery.deliver(data, (delivered) =>
        job.updateData({ ...data, delivered: delivered as ReminderChannel[] }),
      );
      this.logOutcome(data.reminderId, outcome);
      return outcome;
    }
    throw new Error(`Unknown reminder job ${job.name}`);
  };

  private logOutcome(reminderId: string, outcome: DeliveryOutcome): void {
    if (outcome.result === 'undelivered') {
      this.deps.log.warn(`Reminder ${reminderId} not delivered: ${outcome.why}; it stays due`);
    } else if (outcome.result === 'sent') {
      this.deps.log.log(`Reminder ${reminderId} sent by ${outcome.channels.join(' and ')}`);
    }
  }
}

function withoutMessage({ message: _message, ...rest }: Reminder): Omit<Reminder, 'message'> {
  return rest;
}
