import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { PlanAggregate } from './application/plan-aggregate';
import { PlanLookup } from './application/plan-lookup';
import { PlanReminderSource } from './application/plan-reminder-source';
import { RunPlanCommandHandler } from './commands/run-plan-command';
import { PlansController } from './plans.controller';

/** Yearly plans (Kế hoạch khuyến công năm N): commands, the plan lookup for projects, queries. */
@Module({
  imports: [ProgrammesModule],
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
