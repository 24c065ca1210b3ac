import { fedWith, type ReminderFactsRows } from '../../reminders/reminder-facts.read-model';
import type { PlanReminderFacts } from '../../reminders/rules/reminder-facts';
import { planReminderFacts } from '../application/plan-reminder-facts';
import type { ExistingPlan, PlanStateReadModel } from './plan.projection';

/** The reminders' plan facts rows, fed by the plan projection with the facts this feature maps. */
export function reminderPlanFactsFeed(
  rows: ReminderFactsRows<PlanReminderFacts>,
): PlanStateReadModel {
  return fedWith(rows, (plan: ExistingPlan) => planReminderFacts(plan));
}
