import { addDays, daysBetween, type BusinessDate } from '../../shared/business-date';
import type { Reminder } from './reminder';
import type { ReminderFacts } from './reminder-facts';
import { reminderId } from './reminder-id';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings';
import { collectSentReminderIds } from './sent-reminder-ids';
import { memoPerDate } from './reminder-dates';
import { appraisalPendingText, districtName } from './messages.vi';

/**
 * A project registered (or resubmitted) more than 15 days ago whose appraisal has not started
 * reminds the Center, once per registration: the registration date is in the id, so a
 * resubmission that waits too long is reminded again.
 *
 * Id: `appraisal-pending.<projectId>.<YYYY-MM-DD of the registration>`.
 */
export function appraisalPendingReminders(
  facts: ReminderFacts,
  asOf: BusinessDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  sent: ReadonlySet<string> = collectSentReminderIds(facts),
): Reminder[] {
  const { afterDays } = settings.appraisalPending;
  // More than afterDays since the date, i.e. the date is on or before this cut-off (once per scan).
  const overdueIfOnOrBefore = addDays(asOf, -(afterDays + 1));
  const dueDateOf = memoPerDate((d) => addDays(d, afterDays + 1));
  const daysSince = memoPerDate((d) => daysBetween(d, asOf));
  const out: Reminder[] = [];

  for (const project of facts.projects) {
    if (project.status !== 'registered') continue;
    if (project.registeredOn > overdueIfOnOrBefore) continue;
    const id = reminderId('appraisal_pending', project.projectId, project.registeredOn);
    if (sent.has(id)) continue;
    out.push({
      reminderId: id,
      rule: 'appraisal_pending',
      district: project.district,
      projectId: project.projectId,
      planYear: project.planYear,
      dueDate: dueDateOf(project.registeredOn),
      recipients: 'center',
      message: appraisalPendingText({
        district: districtName(facts.districts, project.district),
        title: project.title,
        registeredOn: project.registeredOn,
        days: daysSince(project.registeredOn),
      }),
    });
  }
  return out;
}
