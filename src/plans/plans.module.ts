import { Module } from '@nestjs/common';
import { PlanReadModelsModule } from './read-models/plan-read-models.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { PlanAggregate } from './application/plan-aggregate';
import { PlanLookup } from './application/plan-lookup';
import { PlanReminderSource } from './application/plan-reminder-source';
import { RunPlanCommandHandler } from './commands/run-plan-command';
import { PlansController } from './plans.controller';

/** Yearly plans (Kế hoạch khuyến công năm N): commands, the plan lookup for projects, queries. */
@Module({
  imports: [PlanReadModelsModule, ProgrammesModule],
  controllers: [PlansController],
  providers: [
    PlanAggregate,
    RunPlanCommandHandler,
    PlanLookup,
    // The reminders collect it (reminder-subject-source.port.ts).
    PlanReminderSource,
  ],
  exports: [PlanLookup],
})
export class PlansModule {}
