import { addDays, daysBetween, periodOf, type BusinessDate } from '../../shared/business-date';
import type { ProjectStatus } from '../../projects/domain/project.types';
import type { Reminder } from './reminder';
import type { ReminderFacts } from './reminder-facts';
import { reminderId } from './reminder-id';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings';
import { collectSentReminderIds } from './sent-reminder-ids';
import { firstDayOf, memoPerDate } from './reminder-dates';
import { districtName, overdueProjectText } from './messages.vi';

/** Approved or in execution: not yet accepted, not cancelled. */
const NOT_FINISHED: ReadonlySet<ProjectStatus> = new Set(['approved', 'in_execution']);

/**
 * A project past its planned end (plus grace days) and not accepted reminds the district and
 * the Center, once for every calendar month it stays overdue: the month is in the id, and the
 * reminder of a month is due on its 1st (or on the first overdue day, in the month that began).
 *
 * Id: `overdue-project.<projectId>.<YYYY-MM>`.
 */
export function overdueProjectReminders(
  facts: ReminderFacts,
  asOf: BusinessDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  sent: ReadonlySet<string> = collectSentReminderIds(facts),
): Reminder[] {
  const period = periodOf(asOf);
  const monthStart = firstDayOf(period);
  const lag = settings.overdueProject.graceDays + 1;
  // Cut-offs computed once per scan, so the loop compares strings instead of doing date arithmetic:
  // overdue when plannedEnd + lag <= asOf, and overdue since before this month when
  // plannedEnd + lag <= the month's 1st.
  const lastOverdueEnd = addDays(asOf, -lag);
  const lastEndOverdueBeforeMonth = addDays(monthStart, -lag);
  const firstOverdueDay = memoPerDate((end) => addDays(end, lag));
  const daysOverdue = memoPerDate((end) => daysBetween(end, asOf));
  const out: Reminder[] = [];

  for (const project of facts.projects) {
    if (!NOT_FINISHED.has(project.status) || project.acceptedOn) continue;
    if (project.plannedEnd > lastOverdueEnd) continue;
    const id = reminderId('overdue_project', project.projectId, period);
    if (sent.has(id)) continue;
    out.push({
      reminderId: id,
      rule: 'overdue_project',
      district: project.district,
      projectId: project.projectId,
      planYear: project.planYear,
      dueDate:
        project.plannedEnd <= lastEndOverdueBeforeMonth
          ? monthStart
          : firstOverdueDay(project.plannedEnd),
      recipients: 'both',
      message: overdueProjectText({
        district: districtName(facts.districts, project.district),
        title: project.title,
        plannedEnd: project.plannedEnd,
        daysOverdue: daysOverdue(project.plannedEnd),
      }),
    });
  }
  return out;
}
