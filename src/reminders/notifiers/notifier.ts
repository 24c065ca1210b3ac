import type { ReminderChannel } from '../../shared/reminder-sent';
import type { Reminder } from '../rules/reminder';

/**
 * One way of delivering a reminder. `send` resolves 'sent' when the recipient has it,
 * 'skipped' when this channel cannot reach anyone for this reminder (no address), and throws
 * when delivery failed and should be tried again.
 */
export interface Notifier {
  readonly channel: ReminderChannel;
  send(reminder: Reminder, issuedAt: string): Promise<'sent' | 'skipped'>;
  close?(): Promise<void> | void;
}

/**
 * The webhook body of API.md: the reminder without `recipients` (nor `unitName`, which the
 * message already says), plus when it was issued.
 */
export interface ReminderNotice {
  readonly reminderId: string;
  readonly rule: string;
  readonly district: string;
  /** The unit's official code (`734` for `tan-phu`, `75` for the Center's own tasks). */
  readonly unit: string;
  readonly projectId?: string;
  readonly planYear?: number;
  readonly dueDate: string;
  readonly message: string;
  readonly issuedAt: string;
}

export function noticeOf(reminder: Reminder, issuedAt: string): ReminderNotice {
  return {
    reminderId: reminder.reminderId,
    rule: reminder.rule,
    district: reminder.district,
    unit: reminder.unit,
    ...(reminder.projectId !== undefined && { projectId: reminder.projectId }),
    ...(reminder.planYear !== undefined && { planYear: reminder.planYear }),
    dueDate: reminder.dueDate,
    message: reminder.message,
    issuedAt,
  };
}
