import { checkedReminderSent } from '../../shared/reminder-sent';
import type { RecordReminderSent } from './project.commands';
import type { ProjectEvent } from './project.events';
import { REGISTERED_STATUSES, type ProjectState } from './project.state';
import { requireStatus } from './project.status-guard';

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
