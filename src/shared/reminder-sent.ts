import { ruleBroken } from './domain-error';

/**
 * A delivered reminder as the subject's history records it. Projects and yearly plans both
 * record one (event type `ReminderSent`, this data), so it lives here rather than in either.
 */

export type ReminderChannel = 'webhook' | 'email';

export interface ReminderSentData {
  readonly reminderId: string;
  readonly rule: string;
  /** Every channel it reached. */
  readonly channels: readonly ReminderChannel[];
  /** When it was delivered (ISO 8601 UTC timestamp). */
  readonly sentAt: string;
}

// Reminder ids become queue job ids and receivers' de-duplication keys: colon-free, bounded.
const REMINDER_ID = /^[A-Za-z0-9._-]{1,200}$/;
const CHANNELS: readonly ReminderChannel[] = ['webhook', 'email'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** The event data of a reminder record, checked. */
export function checkedReminderSent(input: ReminderSentData): ReminderSentData {
  const { reminderId, rule, channels, sentAt } = input;
  if (typeof reminderId !== 'string' || !REMINDER_ID.test(reminderId)) {
    throw ruleBroken(
      'invalid_reminder_id',
      'reminderId must be 1 to 200 of the characters A-Z, a-z, 0-9, ".", "_" and "-"',
      'reminderId',
    );
  }
  if (typeof rule !== 'string' || rule.trim() === '')
    throw ruleBroken('required', 'rule is required', 'rule');
  if (
    !Array.isArray(channels) ||
    channels.length === 0 ||
    new Set(channels).size !== channels.length ||
    !channels.every((c) => CHANNELS.includes(c))
  ) {
    throw ruleBroken(
      'invalid_channels',
      `channels must list at least one of ${CHANNELS.join(', ')}, each once`,
      'channels',
    );
  }
  if (typeof sentAt !== 'string' || !TIMESTAMP.test(sentAt)) {
    throw ruleBroken('invalid_timestamp', 'sentAt must be an ISO 8601 UTC timestamp', 'sentAt');
  }
  return { reminderId, rule, channels: [...channels], sentAt };
}
