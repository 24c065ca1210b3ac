import { addDays, daysBetween, type BusinessDate } from '../../shared/business-date';
import type { Reminder } from './reminder';
import type { ReminderFacts } from './reminder-facts';
import { reminderId } from './reminder-id';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings';
import { collectSentReminderIds } from './sent-reminder-ids';
import { memoPerDate } from './reminder-dates';
import { districtName, revisionUnansweredText } from './messages.vi';

/**
 * A revision request left unanswered for more than 15 days reminds the district, once per
 * request: the request date is in the id, so a later request after a resubmission is new.
 *
 * Id: `revision-unanswered.<projectId>.<YYYY-MM-DD of the request>`.
 */
export function revisionUnansweredReminders(
  facts: ReminderFacts,
  asOf: BusinessDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  sent: ReadonlySet<string> = collectSentReminderIds(facts),
): Reminder[] {
  const { afterDays } = settings.revisionUnanswered;
  // More than afterDays since the date, i.e. the date is on or before this cut-off (once per scan).
  const overdueIfOnOrBefore = addDays(asOf, -(afterDays + 1));
  const dueDateOf = memoPerDate((d) => addDays(d, afterDays + 1));
  const daysSince = memoPerDate((d) => daysBetween(d, asOf));
  const out: Reminder[] = [];

  for (const project of facts.projects) {
    const requestedOn = project.revisionRequestedOn;
    if (project.status !== 'revision_requested' || !requestedOn) continue;
    if (requestedOn > overdueIfOnOrBefore) continue;
    const id = reminderId('revision_unanswered', project.projectId, requestedOn);
    if (sent.has(id)) continue;
    out.push({
      reminderId: id,
      rule: 'revision_unanswered',
      district: project.district,
      projectId: project.projectId,
      planYear: project.planYear,
      dueDate: dueDateOf(requestedOn),
      recipients: 'district',
      message: revisionUnansweredText({
        district: districtName(facts.districts, project.district),
        title: project.title,
        requestedOn,
        days: daysSince(requestedOn),
      }),
    });
  }
  return out;
}
