import { Module } from '@nestjs/common';
import type { Projection } from '../../projections/projection';
import { featureProjections } from '../../projections/projection-set';
import { ReminderProjectFactsRows } from '../../reminders/reminder-facts.read-model';
import { ProjectFoldProjection } from './project-fold.projection';
import { ProjectSummaryReadModel } from './project-summary.projection';
import { reminderProjectFactsFeed } from './reminder-facts.feed';

/**
 * The projects' read models: project events are folded once, by the projects' fold, which
 * feeds each read model that needs a project's state.
 */
export function projectProjections(): Projection[] {
  return [
    new ProjectFoldProjection([
      new ProjectSummaryReadModel(),
      reminderProjectFactsFeed(new ReminderProjectFactsRows()),
    ]),
  ];
}

/** Registers the projects' read models with the runner (the app, and maintenance commands). */
@Module({ providers: [featureProjections('projects', projectProjections)] })
export class ProjectReadModelsModule {}
