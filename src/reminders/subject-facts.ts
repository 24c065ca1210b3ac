import type { PlanState } from '../plans/domain/plan.state';
import type { ProjectState } from '../projects/domain/project.state';
import { projectView } from '../projects/domain/project.view';
import type { BusinessDate } from '../shared/business-date';
import type { PlanReminderFacts, ProjectReminderFacts } from './rules/reminder-facts';

/**
 * The facts the rules read, from a folded state: the read model and the delivery worker use
 * these same two functions, so the scan and the re-check before sending cannot disagree.
 */

/**
 * `registeredOn` is the business date of the latest registration or resubmission event (the
 * state does not keep it: it is the event's `occurredOn`). Undefined before registration.
 */
export function projectReminderFacts(
  state: ProjectState,
  registeredOn: BusinessDate,
): ProjectReminderFacts | undefined {
  const view = projectView(state);
  if (!view) return undefined;
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

/** Undefined before the plan is opened. */
export function planReminderFacts(state: PlanState): PlanReminderFacts | undefined {
  if (state.status === 'none') return undefined;
  return {
    year: state.year,
    registrationDeadline: state.registrationDeadline,
    status: state.status,
    districtsSubmitted: state.registrations.map((r) => r.district),
    // A state cached before the list existed has none.
    sentReminderIds: state.sentReminderIds ?? [],
  };
}

/** The events whose business date is the project's (re)registration date. */
export const REGISTRATION_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ProjectRegistered',
  'ProjectResubmitted',
]);
