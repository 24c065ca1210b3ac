import type { BusinessDate } from '../../shared/business-date';
import { appraisalPendingDueDate } from './appraisal-pending.rule';
import { overdueProjectDueDate } from './overdue-project.rule';
import { registrationLateFrom } from './registration-deadline.rule';
import type { ProjectReminderFacts } from './reminder-facts';
import type { ReminderSettings } from './reminder-settings';
import { revisionUnansweredDueDate } from './revision-unanswered.rule';
import { settlementDueDate } from './settlement.rule';

/**
 * The day the reminder rules start reminding about the step a project waits on: from it the
 * step is late. Each date is the rule's own (one home); null where no rule watches the step
 * (an appraisal under way, an approval to decide, money to recover).
 */
export function projectStepDueDate(
  project: ProjectReminderFacts,
  settings: ReminderSettings,
): BusinessDate | null {
  const due =
    appraisalPendingDueDate(project, settings) ??
    revisionUnansweredDueDate(project, settings) ??
    overdueProjectDueDate(project, settings) ??
    settlementDueDate(project, settings);
  return due ?? null;
}

/** A unit's registration to a plan is late from the day after the plan's deadline. */
export function registrationStepDueDate(deadline: BusinessDate): BusinessDate {
  return registrationLateFrom(deadline);
}

/** Late from its due date on, as the rules remind from that day. */
export function isOverdue(dueDate: BusinessDate | null, today: BusinessDate): boolean {
  return dueDate !== null && dueDate <= today;
}
