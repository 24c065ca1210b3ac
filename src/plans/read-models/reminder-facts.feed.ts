import type { ReminderFactsRows } from '../../reminders/reminder-facts.read-model';
import type { PlanReminderFacts } from '../../reminders/rules/reminder-facts';
import { planReminderFacts } from '../application/plan-reminder-facts';
import type { PlanStateReadModel } from './plan.projection';

/** The reminders' plan facts rows, fed by the plan projection with the facts this feature maps. */
export function reminderPlanFactsFeed(rows: ReminderFactsRows<PlanReminderFacts>): PlanStateReadModel {
  return {
    version: rows.version,
    setup: (db) => rows.setup(db),
    reset: (db) => rows.reset(db),
    save: (db, plans) =>
      rows.save(
        db,
        plans.flatMap((plan) => planReminderFacts(plan) ?? []),
      ),
  };
}
