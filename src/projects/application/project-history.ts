import type { RecordedEvent } from '../../event-store/event-store.port';
import type { BusinessDate } from '../../shared/business-date';
import { projectDecider } from '../domain/project.decider';
import type { ProjectState } from '../domain/project.state';
import { projectSerde } from '../project.serde';

/**
 * The events whose business date is the project's (re)registration date. The state does not
 * keep that date (it is the event's `occurredOn`): whoever folds a project's events keeps it.
 */
export const REGISTRATION_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ProjectRegistered',
  'ProjectResubmitted',
]);

/** A project's stream folded: its state, and the date it was last (re)registered on ('' before). */
export interface ProjectHistory {
  readonly state: ProjectState;
  readonly registeredOn: BusinessDate;
}

/** Folds a whole stream, through the serde and its upcasters. */
export function projectHistoryOf(recorded: readonly RecordedEvent[]): ProjectHistory {
  let state = projectDecider.initialState();
  let registeredOn = '';
  for (const event of recorded) {
    state = projectDecider.evolve(state, projectSerde.deserialize(event));
    if (REGISTRATION_EVENT_TYPES.has(event.type)) registeredOn = event.metadata.occurredOn;
  }
  return { state, registeredOn };
}
