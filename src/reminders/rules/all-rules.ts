import { isBusinessDate, type BusinessDate } from '../../shared/business-date';
import { ruleBroken } from '../../shared/domain-error';
import type { Reminder, ReminderRule } from './reminder';
import type { ReminderFacts } from './reminder-facts';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings';
import { collectSentReminderIds } from './sent-reminder-ids';
import type { ReminderRuleFn } from './define-rule';
import { registrationDeadlineReminders } from './registration-deadline.rule';
import { monthlyProgressReminders } from './monthly-progress.rule';
import { overdueProjectReminders } from './overdue-project.rule';
import { settlementReminders } from './settlement.rule';
import { revisionUnansweredReminders } from './revision-unanswered.rule';
import { appraisalPendingReminders } from './appraisal-pending.rule';

/** In the order a scan runs them. */
export const REMINDER_RULE_FNS: Readonly<Record<ReminderRule, ReminderRuleFn>> = {
  registration_deadline: registrationDeadlineReminders,
  monthly_progress: monthlyProgressReminders,
  overdue_project: overdueProjectReminders,
  settlement_due: settlementReminders,
  revision_unanswered: revisionUnansweredReminders,
  appraisal_pending: appraisalPendingReminders,
};

/**
 * The reminders due as of `asOf`: every rule over the facts, minus what the history says was
 * sent, each id once (a read model that lists a subject twice cannot queue it twice).
 * Linear in the facts: one pass per rule, Set lookups for sent ids and duplicates.
 */
export function scanReminders(
  facts: ReminderFacts,
  asOf: BusinessDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): Reminder[] {
  if (!isBusinessDate(asOf)) {
    throw ruleBroken(
      'invalid_as_of',
      `asOf must be a business date YYYY-MM-DD, got ${String(asOf)}.`,
      'asOf',
    );
  }
  const sent = collectSentReminderIds(facts);
  const seen = new Set<string>();
  const out: Reminder[] = [];
  for (const run of Object.values(REMINDER_RULE_FNS)) {
    for (const reminder of run(facts, asOf, settings, sent)) {
      if (seen.has(reminder.reminderId)) continue;
      seen.add(reminder.reminderId);
      out.push(reminder);
    }
  }
  return out;
}
