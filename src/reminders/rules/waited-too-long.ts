import { addDays, daysBetween, type BusinessDate } from '../../shared/business-date';
import type { ReminderRecipients, ReminderRule } from './reminder';
import type { ProjectReminderFacts } from './reminder-facts';
import type { ReminderSettings } from './reminder-settings';
import { defineRule, type ReminderRuleFn } from './define-rule';
import { memoPerDate } from './reminder-dates';

export interface WaitedTooLong {
  readonly rule: ReminderRule;
  readonly afterDays: (settings: ReminderSettings) => number;
  /** The date the wait began, or nothing when the project is not waiting. */
  readonly waitingSince: (project: ProjectReminderFacts) => BusinessDate | null | undefined;
  readonly recipients: ReminderRecipients;
  readonly message: (p: {
    district: string;
    title: string;
    since: BusinessDate;
    days: number;
  }) => string;
}

/**
 * A rule of the form "more than N days have passed since a date on the project": reminded
 * from the day after the N-th, once per date (the date is in the id, so a new wait is new).
 *
 * Id: `<rule>.<projectId>.<YYYY-MM-DD the wait began>`.
 */
export function waitedTooLongRule(spec: WaitedTooLong): ReminderRuleFn {
  return defineRule(spec.rule, ({ facts, asOf, settings }, found) => {
    const lag = spec.afterDays(settings) + 1;
    // More than afterDays since the date, i.e. the date is on or before this cut-off (once per scan).
    const overdueIfOnOrBefore = addDays(asOf, -lag);
    const dueDateOf = memoPerDate((d) => addDays(d, lag));
    const daysSince = memoPerDate((d) => daysBetween(d, asOf));

    for (const project of facts.projects) {
      const since = spec.waitingSince(project);
      if (!since || since > overdueIfOnOrBefore) continue;
      found.aboutProject(
        project,
        since,
        { dueDate: dueDateOf(since), recipients: spec.recipients },
        (district) =>
          spec.message({ district, title: project.title, since, days: daysSince(since) }),
      );
    }
  });
}
