import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { PlanCommandService } from './application/plan-command.service';
import { PlanLookup } from './application/plan-lookup';
import { PlanReminderSource } from './application/plan-reminder-source';
import { RegisteredProjects } from './application/registered-projects';
import { PLAN_COMMAND_HANDLERS } from './commands/plan-commands';
import { PlansController } from './plans.controller';

/** Yearly plans (Kế hoạch khuyến công năm N): commands, the plan lookup for projects, queries. */
@Module({
  imports: [ProgrammesModule],
  controllers: [PlansController],
  providers: [
    PlanCommandService,
    PlanLookup,
    RegisteredProjects,
    // The reminders collect it (reminder-subject-source.port.ts).
    PlanReminderSource,
    ...PLAN_COMMAND_HANDLERS,
  ],
  exports: [PlanLookup],
})
export class PlansModule {}
