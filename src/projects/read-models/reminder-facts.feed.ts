import { fedWith, type ReminderFactsRows } from '../../reminders/reminder-facts.read-model';
import type { ProjectReminderFacts } from '../../reminders/rules/reminder-facts';
import { projectReminderFacts } from '../application/project-reminder-facts';
import type { FoldedProject, ProjectStateReadModel } from './project-fold.projection';

/** The reminders' project facts rows, fed by the project fold with the facts this feature maps. */
export function reminderProjectFactsFeed(
  rows: ReminderFactsRows<ProjectReminderFacts>,
): ProjectStateReadModel {
  return fedWith(rows, (project: FoldedProject) =>
    projectReminderFacts(project.view, project.registeredOn),
  );
}
