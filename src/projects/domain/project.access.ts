import { isCenterUnit } from '../../reference-data/registering-units';
import type { ReferenceData } from '../../reference-data/reference-data';
import type { Actor } from '../../shared/actor';
import type { ProjectCommand } from './project.commands';
import type { ProjectState } from './project.state';

/**
 * Who may act on a stored project at all, before its rules decide: a unit's officer only on its
 * own unit's projects (others are answered as if they did not exist), and a Center officer
 * resubmits only the Center's own tasks (a unit's proposal is the unit's to resubmit).
 * ProjectAggregate turns the answer into 404 or 403; the actions offered follow it too.
 */
export type ProjectAccess = 'allowed' | 'not_found' | 'resubmitted_by_registering_unit';

export function projectAccess(
  state: ProjectState,
  command: Pick<ProjectCommand, 'type'>,
  actor: Actor,
  reference: ReferenceData,
): ProjectAccess {
  if (state.status === 'unregistered')
    return command.type === 'RegisterProject' ? 'allowed' : 'not_found';
  const { district } = state.dossier;
  if (actor.role === 'district_officer' && district !== actor.district) return 'not_found';
  if (
    command.type === 'ResubmitProject' &&
    actor.role === 'center_officer' &&
    !isCenterUnit(reference, district)
  )
    return 'resubmitted_by_registering_unit';
  return 'allowed';
}
