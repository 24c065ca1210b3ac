import type { EventStore } from '../../../src/event-store/event-store.port';
import { AggregateReader } from '../../../src/kernel/aggregate-reader';
import { CommandKernel } from '../../../src/kernel/command-kernel';
import type { CommandMeta, CommandResponse } from '../../../src/kernel/command-meta';
import type { PersonalDataVault } from '../../../src/personal-data/personal-data-vault';
import { PlanAggregate } from '../../../src/plans/application/plan-aggregate';
import { PlanLookup } from '../../../src/plans/application/plan-lookup';
import { PlanReminderSource } from '../../../src/plans/application/plan-reminder-source';
import type { PlanCommand } from '../../../src/plans/domain/plan.commands';
import type { Clock } from '../../../src/platform/clock';
import { ProgrammeAggregate } from '../../../src/programmes/application/programme-aggregate';
import { ProgrammeLookup } from '../../../src/programmes/application/programme-lookup';
import type { ProgrammeCommand } from '../../../src/programmes/domain/programme.commands';
import { ProjectAggregate } from '../../../src/projects/application/project-aggregate';
import { ProjectReminderSource } from '../../../src/projects/application/project-reminder-source';
import { RegisteredProjectsFromStreams } from '../../../src/projects/application/registered-projects';
import {
  RegisterProjectCommand,
  RegisterProjectHandler,
} from '../../../src/projects/commands/register-project.command';
import type { ProjectStep } from '../../../src/projects/commands/run-project-command';
import {
  DEFAULT_PROJECT_RULES,
  type ProjectRules,
} from '../../../src/projects/domain/project.context';
import type { RegisterProject } from '../../../src/projects/domain/project.commands';
import type { ReferenceDataService } from '../../../src/reference-data/reference-data.service';

/** Project commands as the specs send them: what the command handlers do, without the bus. */
export interface ProjectCommands {
  register(
    data: Omit<RegisterProject['data'], 'projectId'>,
    meta: CommandMeta,
  ): Promise<CommandResponse>;
  execute(projectId: string, step: ProjectStep, meta: CommandMeta): Promise<CommandResponse>;
}

export interface CommandWorldParts {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly reference: ReferenceDataService;
  readonly vault: PersonalDataVault;
  readonly rules?: ProjectRules;
}

/**
 * The application kernel and every aggregate wired as the modules wire them, over a store
 * the spec owns: for specs that drive commands without starting Nest.
 */
export function commandWorld({ store, clock, reference, vault, rules }: CommandWorldParts) {
  const reader = new AggregateReader(store);
  const kernel = new CommandKernel(store, clock);
  const programmeLookup = new ProgrammeLookup(reader);
  const planLookup = new PlanLookup(reader);
  const project = new ProjectAggregate(rules ?? DEFAULT_PROJECT_RULES, reference, vault, clock);
  const plan = new PlanAggregate(
    programmeLookup,
    new RegisteredProjectsFromStreams(reader),
    reference,
  );
  const programme = new ProgrammeAggregate(reference);
  const registration = new RegisterProjectHandler(kernel, project, planLookup);
  const projects: ProjectCommands = {
    register: (data, meta) => registration.execute(new RegisterProjectCommand(data, meta)),
    execute: (projectId, step, meta) => kernel.run(project, projectId, step, meta),
  };
  return {
    kernel,
    reader,
    planLookup,
    programmeLookup,
    aggregates: { project, plan, programme },
    projects,
    plans: {
      handle: (year: number, command: PlanCommand, meta: CommandMeta) =>
        kernel.run(plan, String(year), command, meta),
    },
    programmes: {
      execute: (code: string, command: ProgrammeCommand, meta: CommandMeta) =>
        kernel.run(programme, code, command, meta),
    },
    reminderSources: {
      project: new ProjectReminderSource(store, kernel, project),
      plan: new PlanReminderSource(planLookup, kernel, plan),
    },
  };
}

export type CommandWorld = ReturnType<typeof commandWorld>;
