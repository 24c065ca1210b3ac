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
 * The day a wait that began on `since` becomes too long: the day after the `afterDays`-th,
 * from which the rule reminds (one home for the date, shared with the inbox).
 */
export function waitedTooLongFrom(since: BusinessDate, afterDays: number): BusinessDate {
  return addDays(since, afterDays + 1);
}

/** When `spec`'s wait on `project` becomes too long; undefined when the project is not waiting. */
export function waitedTooLongDueDate(
  spec: Pick<WaitedTooLong, 'afterDays' | 'waitingSince'>,
  project: ProjectReminderFacts,
  settings: ReminderSettings,
): BusinessDate | undefined {
  const since = spec.waitingSince(project);
  return since ? waitedTooLongFrom(since, spec.afterDays(settings)) : undefined;
}

/**
 * A rule of the form "more than N days have passed since a date on the project": reminded
 * from the day after the N-th, once per date (the date is in the id, so a new wait is new).
 *
 * Id: `<rule>.<projectId>.<YYYY-MM-DD the wait began>`.
 */
export function waitedTooLongRule(spec: WaitedTooLong): ReminderRuleFn {
  return defineRule(spec.rule, ({ facts, asOf, settings }, found) => {
    const afterDays = spec.afterDays(settings);
    // More than afterDays since the date, i.e. the date is on or before this cut-off (once per scan).
    const overdueIfOnOrBefore = addDays(asOf, -(afterDays + 1));
    const dueDateOf = memoPerDate((d) => waitedTooLongFrom(d, afterDays));
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
