import type { ProjectReminderFacts } from '../../reminders/rules/reminder-facts';
import type { BusinessDate } from '../../shared/business-date';
import type { ProjectView } from '../domain/project.view';

/**
 * The facts the reminder rules read about a project, from its view. The project fold (for the
 * reminders' read model) and the project's reminder source (for the delivery worker's re-check,
 * from the stream) both use this one mapping, so the scan and the re-check cannot disagree.
 * `registeredOn`: the business date of the latest registration or resubmission.
 */
export function projectReminderFacts(
  view: ProjectView,
  registeredOn: BusinessDate,
): ProjectReminderFacts {
  return {
    projectId: view.projectId,
    district: view.district,
    planYear: view.planYear,
    title: view.title,
    status: view.status,
    registeredOn,
    revisionRequestedOn: view.revisionRequestedOn,
    executionStartedOn: view.startedOn,
    plannedEnd: view.plannedEnd,
    acceptedOn: view.acceptedOn,
    reportedPeriods: view.reportedPeriods,
    sentReminderIds: view.sentReminderIds,
  };
}
