import { periodOf, type BusinessDate, type Period } from '../../shared/business-date';
import type { ProjectStatus } from '../../projects/domain/project.types';
import type { ReminderSettings } from './reminder-settings';
import { defineRule } from './define-rule';
import { dayOfPeriod, firstDayOf, lastDayOf, laterOf, previousPeriod } from './reminder-dates';
import { monthlyProgressText } from './messages.vi';

/** Statuses in which a project has been (or still is) in execution. */
const EXECUTED: ReadonlySet<ProjectStatus> = new Set(['in_execution', 'accepted', 'settled']);

interface CheckedMonth {
  readonly period: Period;
  readonly first: BusinessDate;
  readonly last: BusinessDate;
  readonly due: BusinessDate;
}

/**
 * The progress report for month M is due on the 25th of M. A project was in execution during M
 * when execution started on or before M's last day and it was not accepted before M's 1st; such
 * a project with no report for M is reminded once asOf reaches the due date. When execution
 * started after the due day, the report falls due on the start date instead (it cannot be late
 * before the project is in execution). Only the current month and `previousMonths` before it
 * are checked: older gaps are history, not reminders.
 *
 * Id: `monthly-progress.<projectId>.<YYYY-MM>`.
 */
export const monthlyProgressReminders = defineRule('monthly_progress', (scan, found) => {
  const { facts, asOf } = scan;
  const months = checkedMonths(asOf, scan.settings.monthlyProgress);

  for (const project of facts.projects) {
    const started = project.executionStartedOn;
    if (!started || !EXECUTED.has(project.status)) continue;
    const accepted = project.acceptedOn;
    // Accepted or settled without a known acceptance date: which months it ran is unknown.
    if (project.status !== 'in_execution' && !accepted) continue;

    for (const month of months) {
      if (started > month.last) continue;
      if (accepted && accepted < month.first) continue;
      const dueDate = laterOf(month.due, started);
      if (asOf < dueDate) continue;
      if (project.reportedPeriods.includes(month.period)) continue;
      found.aboutProject(project, month.period, { dueDate, recipients: 'district' }, (district) =>
        monthlyProgressText({ district, title: project.title, period: month.period, dueDate }),
      );
    }
  }
});

/** The months to check, oldest first, each with its bounds and due date computed once per scan. */
function checkedMonths(
  asOf: BusinessDate,
  rule: ReminderSettings['monthlyProgress'],
): CheckedMonth[] {
  const periods: Period[] = [periodOf(asOf)];
  for (let i = 0; i < rule.previousMonths; i++) periods.unshift(previousPeriod(periods[0]));
  return periods.map((period) => ({
    period,
    first: firstDayOf(period),
    last: lastDayOf(period),
    due: dayOfPeriod(period, rule.dueDay),
  }));
}
