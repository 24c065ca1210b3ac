import type { AggregateType } from '../kernel/aggregate';
import { PROJECT_STREAM_PREFIX } from './application/project-stream';
import type { ProjectCommand } from './domain/project.commands';
import type { ProjectContext } from './domain/project.context';
import { projectDecider } from './domain/project.decider';
import { occurredOnOf, type ProjectEvent } from './domain/project.events';
import type { ProjectState } from './domain/project.state';
import { projectSerde } from './project.serde';

/** The support project, one stream per project (key: the project id). */
export const projectAggregateType: AggregateType<
  ProjectCommand,
  ProjectEvent,
  ProjectState,
  ProjectContext
> = {
  name: 'project',
  decider: projectDecider,
  serde: projectSerde,
  occurredOn: occurredOnOf,
  streamPrefix: PROJECT_STREAM_PREFIX,
};
