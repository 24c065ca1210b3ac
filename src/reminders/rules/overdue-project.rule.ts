import { addDays, daysBetween, periodOf } from '../../shared/business-date';
import type { ProjectStatus } from '../../projects/domain/project.types';
import { defineRule } from './define-rule';
import { firstDayOf, memoPerDate } from './reminder-dates';
import { overdueProjectText } from './messages.vi';

/** Approved or in execution: not yet accepted, not cancelled. */
const NOT_FINISHED: ReadonlySet<ProjectStatus> = new Set(['approved', 'in_execution']);

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
  const lag = settings.overdueProject.graceDays + 1;
  // Cut-offs computed once per scan, so the loop compares strings instead of doing date arithmetic:
  // overdue when plannedEnd + lag <= asOf, and overdue since before this month when
  // plannedEnd + lag <= the month's 1st.
  const lastOverdueEnd = addDays(asOf, -lag);
  const lastEndOverdueBeforeMonth = addDays(monthStart, -lag);
  const firstOverdueDay = memoPerDate((end) => addDays(end, lag));
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
