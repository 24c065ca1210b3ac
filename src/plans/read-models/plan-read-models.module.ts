import { Module } from '@nestjs/common';
import type { Projection } from '../../projections/projection';
import { featureProjections } from '../../projections/projection-set';
import { ReminderPlanFactsRows } from '../../reminders/reminder-facts.read-model';
import { PlanProjection } from './plan.projection';
import { reminderPlanFactsFeed } from './reminder-facts.feed';

/** The yearly plans' read models: one fold of plan events, which also feeds the reminders' facts. */
export function planProjections(): Projection[] {
  return [new PlanProjection([reminderPlanFactsFeed(new ReminderPlanFactsRows())])];
}

/** Registers the plans' read models with the runner (the app, and maintenance commands). */
@Module({ providers: [featureProjections('plans', planProjections)] })
export class PlanReadModelsModule {}
