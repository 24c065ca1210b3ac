import type { BusinessDate } from '../shared/business-date';
import type { Reminder } from './rules/reminder';

/**
 * Whose history a reminder is recorded in: the yearly plan for registration reminders (they
 * are about a district's registration to that plan), the project for every other rule.
 */
export type ReminderSubject =
  | { readonly kind: 'project'; readonly projectId: string }
  | { readonly kind: 'plan'; readonly year: number };

export function subjectOf(reminder: Reminder): ReminderSubject {
  if (reminder.projectId !== undefined) return { kind: 'project', projectId: reminder.projectId };
  if (reminder.planYear !== undefined) return { kind: 'plan', year: reminder.planYear };
  throw new Error(`Reminder ${reminder.reminderId} names neither a project nor a plan`);
}

/**
 * What a delivery job carries: ids only. The worker works out the reminder again from the
 * subject's history as of `asOf` (the scan date), so a job that runs late or twice sees the
 * world as it is now and does nothing when the reminder was sent or is no longer due.
 */
export interface DeliveryJobData {
  readonly reminderId: string;
  readonly subject: ReminderSubject;
  readonly asOf: BusinessDate;
  /** Channels already reached by an earlier attempt of this job: a retry does not repeat them. */
  readonly delivered?: readonly string[];
}
