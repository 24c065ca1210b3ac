import { Module } from '@nestjs/common';
import { ProjectReadModelsModule } from './read-models/project-read-models.module';
import { SETTINGS, type Settings } from '../config/settings';
import { PlansModule } from '../plans/plans.module';
import { ProjectActions } from './application/project-actions';
import { PROJECT_RULES, ProjectAggregate } from './application/project-aggregate';
import { ProjectReminderSource } from './application/project-reminder-source';
import { RegisterProjectHandler } from './commands/register-project.command';
import { RunProjectCommandHandler } from './commands/run-project-command';
import type { ProjectRules } from './domain/project.context';
import { ProjectsController } from './projects.controller';

/** Support projects: their commands, queries, and the reminders' source of project history. */
@Module({
  imports: [ProjectReadModelsModule, PlansModule],
  controllers: [ProjectsController],
  providers: [
    {
      provide: PROJECT_RULES,
      inject: [SETTINGS],
      useFactory: (settings: Settings): ProjectRules => ({
        advanceCapPercent: settings.advanceCapPercent,
      }),
    },
    ProjectAggregate,
    ProjectActions,
    RegisterProjectHandler,
    RunProjectCommandHandler,
    // The reminders collect it (reminder-subject-source.port.ts).
    ProjectReminderSource,
  ],
})
export class ProjectsModule {}
