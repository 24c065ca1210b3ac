import type { ReminderFactsRows } from '../../reminders/reminder-facts.read-model';
import type { ProjectReminderFacts } from '../../reminders/rules/reminder-facts';
import { projectReminderFacts } from '../application/project-reminder-facts';
import type { ProjectStateReadModel } from './project-fold.projection';

/** The reminders' project facts rows, fed by the project fold with the facts this feature maps. */
export function reminderProjectFactsFeed(
  rows: ReminderFactsRows<ProjectReminderFacts>,
): ProjectStateReadModel {
  return {
    version: rows.version,
    setup: (db) => rows.setup(db),
    reset: (db) => rows.reset(db),
    save: (db, projects) =>
      rows.save(
        db,
        projects.map((project) => projectReminderFacts(project.view, project.registeredOn)),
      ),
  };
}
