import type { ReminderChannel } from '../shared/reminder-sent';
import type { DistrictNames, ReminderFacts } from './rules/reminder-facts';
import type { Reminder } from './rules/reminder';
import type { ReminderSettings } from './rules/reminder-settings';
import { scanReminders } from './rules/all-rules';
import type { Notifier } from './notifiers/notifier';
import type { ReminderHistory, SubjectFacts } from './reminder-history';
import type { DeliveryJobData } from './reminder-subject';

/** How a delivery job ended. */
export type DeliveryOutcome =
  /** Delivered now and recorded in the subject's history. */
  | { readonly result: 'sent'; readonly channels: readonly ReminderChannel[] }
  /** The history already records it: a repeated or late job. */
  | { readonly result: 'already_sent' }
  /** As of the scan date the subject no longer calls for it (acted on meanwhile, or gone). */
  | { readonly result: 'not_due' }
  /** No configured channel could reach anyone: not recorded, so a later scan queues it again. */
  | { readonly result: 'undelivered'; readonly why: string };

export interface ReminderDeliveryDeps {
  readonly history: ReminderHistory;
  readonly notifiers: readonly Notifier[];
  readonly settings: () => ReminderSettings;
  readonly districts: () => DistrictNames;
  /** Now, as an ISO timestamp (the notice's `issuedAt` and the record's `sentAt`). */
  readonly now: () => string;
  /** Longest wait for the bookkeeping of delivered channels before recording anyway. */
  readonly bookkeepingWaitMs?: number;
}

const DEFAULT_BOOKKEEPING_WAIT_MS = 1000;

/** Settles once `work` has, or after `ms`, whichever is first; never rejects. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work.then(noop, noop), waited]).finally(() => clearTimeout(timer));
}

function noop(): void {}

/**
 * Delivers one reminder. Works from ids only: the reminder is worked out again from the
 * subject's stream as of the scan date, so nothing stale is sent. Channels that succeed are
 * reported through `onDelivered` before a later channel fails, so the retry skips them.
 * Sending happens before recording: a crash in between sends again on retry (at least once),
 * which receivers absorb by de-duplicating on `reminderId`.
 */
export class ReminderDelivery {
  private readonly bookkeepingWaitMs: number;

  constructor(private readonly deps: ReminderDeliveryDeps) {
    this.bookkeepingWaitMs = deps.bookkeepingWaitMs ?? DEFAULT_BOOKKEEPING_WAIT_MS;
  }

  async deliver(
    job: DeliveryJobData,
    onDelivered: (channels: readonly ReminderChannel[]) => Promise<void> = async () => undefined,
  ): Promise<DeliveryOutcome> {
    const current = await this.deps.history.load(job.subject);
    if (!current) return { result: 'not_due' };
    if (current.facts.sentReminderIds.includes(job.reminderId)) return { result: 'already_sent' };
    const reminder = this.dueReminder(current, job);
    if (!reminder) return { result: 'not_due' };

    const delivered = new Set(
      (job.delivered ?? []).filter((c): c is ReminderChannel => c === 'webhook' || c === 'email'),
    );
    if (this.deps.notifiers.length === 0) {
      return { result: 'undelivered', why: 'no notifier is configured' };
    }
    const issuedAt = this.deps.now();
    for (const notifier of this.deps.notifiers) {
      if (delivered.has(notifier.channel)) continue;
      if ((await notifier.send(reminder, issuedAt)) === 'sent') {
        delivered.add(notifier.channel);
        // Only bookkeeping for a retry (which channels already went out): if Redis fails here,
        // or stops answering (its commands wait for a reconnect), the send must still be
        // recorded below, or the scan once Redis is back would send it again.
        await settledWithin(onDelivered([...delivered]), this.bookkeepingWaitMs);
      }
    }
    if (delivered.size === 0) {
      return { result: 'undelivered', why: 'no configured channel reaches its recipients' };
    }
    const channels = [...delivered];
    await this.deps.history.recordSent(job.subject, {
      reminderId: reminder.reminderId,
      rule: reminder.rule,
      channels,
      sentAt: this.deps.now(),
    });
    return { result: 'sent', channels };
  }

  private dueReminder(current: SubjectFacts, job: DeliveryJobData): Reminder | undefined {
    const facts: ReminderFacts = {
      plans: current.kind === 'plan' ? [current.facts] : [],
      projects: current.kind === 'project' ? [current.facts] : [],
      districts: this.deps.districts(),
    };
    return scanReminders(facts, job.asOf, this.deps.settings()).find(
      (r) => r.reminderId === job.reminderId,
    );
  }
}
