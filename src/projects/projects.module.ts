import { Module } from '@nestjs/common';
import { ProjectAuditController } from '../audit/project-audit.controller';
import { ProjectAuditService } from '../audit/project-audit.service';
import { SETTINGS, type Settings } from '../config/settings';
import { PlansModule } from '../plans/plans.module';
import { ReportsController } from '../reports/reports.controller';
import { PROJECT_RULES, ProjectCommandService } from './application/project-command.service';
import { ProjectReminderSource } from './application/project-reminder-source';
import type { ProjectRules } from './domain/project.context';
import { PROJECT_STEP_HANDLERS } from './commands/project-steps';
import { RegisterProjectHandler } from './commands/register-project.command';
import { ProjectsController } from './projects.controller';

@Module({
  imports: [PlansModule],
  controllers: [ProjectsController, ProjectAuditController, ReportsController],
  providers: [
    {
      provide: PROJECT_RULES,
      inject: [SETTINGS],
      useFactory: (settings: Settings): ProjectRules => ({
        advanceCapPercent: settings.advanceCapPercent,
      }),
    },
    ProjectCommandService,
    // The reminders collect it (reminder-subject-source.port.ts).
    ProjectReminderSource,
    ProjectAuditService,
    RegisterProjectHandler,
    ...PROJECT_STEP_HANDLERS,
  ],
  exports: [ProjectCommandService],
})
export class ProjectsModule {}
