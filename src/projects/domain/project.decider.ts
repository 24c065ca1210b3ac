import type { Decider } from '../../shared/decider';
import type { ProjectCommand } from './project.commands';
import type { ProjectContext } from './project.context';
import { decideProject } from './project.decide';
import type { ProjectEvent } from './project.events';
import { evolveProject, initialProjectState, type ProjectState } from './project.state';

/** The support project aggregate (đề án / nhiệm vụ khuyến công) as one pure decider. */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState, ProjectContext> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide: decideProject,
};
