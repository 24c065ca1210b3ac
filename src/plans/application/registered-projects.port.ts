/**
 * The port through which the yearly plans learn of projects: a district's registration lists
 * its own projects for the plan's year, and the plan's decider cannot see projects. The
 * projects feature implements it (projects/application/registered-projects.ts) from each
 * project's stream, never a read model that may lag.
 */
export interface RegisteredProjects {
  /** Where a project was registered; undefined when there is no such project. */
  registrationOf(projectId: string): Promise<ProjectRegistration | undefined>;
}

export interface ProjectRegistration {
  readonly district: string;
  readonly planYear: number;
}

export const REGISTERED_PROJECTS = Symbol('REGISTERED_PROJECTS');
