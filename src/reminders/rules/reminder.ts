import type { BusinessDate } from '../../shared/business-date';

/** The reminder rules of DOMAIN.md "Deadlines the reminders enforce"; the webhook's `rule` field. */
export type ReminderRule =
  | 'registration_deadline'
  | 'monthly_progress'
  | 'overdue_project'
  | 'settlement_due'
  | 'revision_unanswered'
  | 'appraisal_pending';

export const REMINDER_RULES: readonly ReminderRule[] = [
  'registration_deadline',
  'monthly_progress',
  'overdue_project',
  'settlement_due',
  'revision_unanswered',
  'appraisal_pending',
];

/** Who must act: the district's officers, the Center, or both. */
export type ReminderRecipients = 'district' | 'center' | 'both';

/**
 * One reminder that is due as of the scan date. The webhook body of API.md is this without
 * `recipients`, plus `issuedAt`, which the sender stamps when it delivers.
 */
export interface Reminder {
  /** Stable for one rule, subject and period; only [A-Za-z0-9._-], so it can be a BullMQ job id. */
  readonly reminderId: string;
  readonly rule: ReminderRule;
  /** The registering unit the reminder is about (even when it is sent to the Center): its key. */
  readonly district: string;
  /** That unit's official code (`734` for `tan-phu`; the key itself where none is known). */
  readonly unit: string;
  /** That unit's display name (its key where the reference data no longer knows it). */
  readonly unitName: string;
  readonly projectId?: string;
  readonly planYear?: number;
  /** The first business date on which this reminder is due; never later than the scan's asOf. */
  readonly dueDate: BusinessDate;
  /** Vietnamese, with diacritics. */
  readonly message: string;
  readonly recipients: ReminderRecipients;
}
