import { DomainError, invalidState } from '../../shared/domain-error';
import type { ProjectState, ProjectStateIn, ProjectStateStatus } from './project.state';

/**
 * Lets a step through only in the statuses the lifecycle allows it, and narrows the state
 * to those statuses. A stream that was never registered is not found rather than in a wrong
 * state: there is no project to act on.
 */
export function requireStatus<S extends Exclude<ProjectStateStatus, 'unregistered'>>(
  state: ProjectState,
  step: string,
  allowed: readonly S[],
): ProjectStateIn<S> {
  if (state.status === 'unregistered') {
    throw new DomainError(
      'project_not_found',
      `Cannot ${step}: the project is not registered`,
      'not_found',
    );
  }
  if (!(allowed as readonly ProjectStateStatus[]).includes(state.status)) {
    throw invalidState(
      'invalid_transition',
      `Cannot ${step} when the project is ${state.status} (only when ${allowed.join(' or ')})`,
      { status: state.status, allowed },
    );
  }
  return state as ProjectStateIn<S>;
}
