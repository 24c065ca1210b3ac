import { ruleBroken } from '../../shared/domain-error';
import type { RecordReminderSent } from './project.commands';
import type { ProjectEvent, ReminderSent } from './project.events';
import { REGISTERED_STATUSES, type ProjectState } from './project.state';
import { requireStatus } from './project.status-guard';
import type { ReminderChannel } from './project.types';
import { requireText } from './project.input-rules';

/**
 * Reminders are records of messages, not business steps: they may be recorded in every status
 * a registered project can be in, settled and cancelled included (a reminder delivered just
 * before the project moved on is still a fact). Recording one that is already recorded
 * decides nothing, so a repeated delivery job cannot add a second record.
 */
export function recordReminderSent(
  command: RecordReminderSent,
  state: ProjectState,
): ProjectEvent[] {
  const s = requireStatus(state, 'record a reminder', REGISTERED_STATUSES);
  const data = checkedReminderSent(command.data);
  if (sentReminderIdsOf(s.dossier).includes(data.reminderId)) return [];
  return [{ type: 'ReminderSent', data }];
}

/** The reminder ids recorded so far; a state cached before the list existed has none. */
export function sentReminderIdsOf(holder: {
  readonly sentReminderIds?: readonly string[];
}): readonly string[] {
  return holder.sentReminderIds ?? [];
}

// Reminder ids become queue job ids and receivers' de-duplication keys: colon-free, bounded.
const REMINDER_ID = /^[A-Za-z0-9._-]{1,200}$/;
const CHANNELS: readonly ReminderChannel[] = ['webhook', 'email'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** The event data of a reminder record, checked (shared by the plan decider). */
export function checkedReminderSent(input: RecordReminderSent['data']): ReminderSent['data'] {
  const { reminderId, channels, sentAt } = input;
  if (typeof reminderId !== 'string' || !REMINDER_ID.test(reminderId)) {
    throw ruleBroken(
      'invalid_reminder_id',
      'reminderId must be 1 to 200 of the characters A-Z, a-z, 0-9, ".", "_" and "-"',
      'reminderId',
    );
  }
  const rule = requireText(input.rule, 'rule');
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
