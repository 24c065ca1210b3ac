import { addDays, daysBetween, periodOf, type BusinessDate } from '../../shared/business-date';
import type { ProjectStatus } from '../../projects/domain/project.types';
import { defineRule } from './define-rule';
import { firstDayOf, memoPerDate } from './reminder-dates';
import { overdueProjectText } from './messages.vi';
import type { ProjectReminderFacts } from './reminder-facts';
import type { ReminderSettings } from './reminder-settings';

/** Approved or in execution: not yet accepted, not cancelled. */
const NOT_FINISHED: ReadonlySet<ProjectStatus> = new Set(['approved', 'in_execution']);

/** The first day a project ending on `plannedEnd` counts as overdue: after the grace days. */
export function overdueFrom(plannedEnd: BusinessDate, graceDays: number): BusinessDate {
  return addDays(plannedEnd, graceDays + 1);
}

/** When the project falls overdue; undefined once accepted, cancelled, or before approval. */
export function overdueProjectDueDate(
  project: ProjectReminderFacts,
  settings: ReminderSettings,
): BusinessDate | undefined {
  if (!NOT_FINISHED.has(project.status) || project.acceptedOn) return undefined;
  return overdueFrom(project.plannedEnd, settings.overdueProject.graceDays);
}

/**
 * A project past its planned end (plus grace days) and not accepted reminds the district and
 * the Center, once for every calendar month it stays overdue: the month is in the id, and the
 * reminder of a month is due on its 1st (or on the first overdue day, in the month that began).
 *
 * Id: `overdue-project.<projectId>.<YYYY-MM>`.
 */
export const overdueProjectReminders = defineRule('overdue_project', (scan, found) => {
  const { facts, asOf, settings } = scan;
  const period = periodOf(asOf);
  const monthStart = firstDayOf(period);
  const graceDays = settings.overdueProject.graceDays;
  const lag = graceDays + 1;
  // Cut-offs computed once per scan, so the loop compares strings instead of doing date arithmetic:
  // overdue when plannedEnd + lag <= asOf, and overdue since before this month when
  // plannedEnd + lag <= the month's 1st.
  const lastOverdueEnd = addDays(asOf, -lag);
  const lastEndOverdueBeforeMonth = addDays(monthStart, -lag);
  const firstOverdueDay = memoPerDate((end) => overdueFrom(end, graceDays));
  const daysOverdue = memoPerDate((end) => daysBetween(end, asOf));

  for (const project of facts.projects) {
    if (!NOT_FINISHED.has(project.status) || project.acceptedOn) continue;
    const plannedEnd = project.plannedEnd;
    if (plannedEnd > lastOverdueEnd) continue;
    const dueDate =
      plannedEnd <= lastEndOverdueBeforeMonth ? monthStart : firstOverdueDay(plannedEnd);
    found.aboutProject(project, period, { dueDate, recipients: 'both' }, (district) =>
      overdueProjectText({
        district,
        title: project.title,
        plannedEnd,
        daysOverdue: daysOverdue(plannedEnd),
      }),
    );
  }
});
