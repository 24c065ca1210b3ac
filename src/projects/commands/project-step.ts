import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, CommandResponse } from '../application/command-meta';
import { ProjectCommandService } from '../application/project-command.service';
import type { ProjectCommand } from '../domain/project.commands';

type StepType = Exclude<ProjectCommand['type'], 'RegisterProject'>;
type DataOf<T extends StepType> = Extract<ProjectCommand, { type: T }>['data'];

/**
 * The Nest command class and handler of one lifecycle step. The command bus routes by class,
 * so each step gets its own; they differ only in the domain command they carry, so they are
 * made here once instead of written out thirteen times. The handler is the thin shell
 * ARCHITECTURE.md asks for: it hands the domain command to the command loop.
 */
export function defineProjectStep<T extends StepType>(type: T) {
  class StepCommand extends Command<CommandResponse> {
    constructor(
      readonly projectId: string,
      readonly data: DataOf<T>,
      readonly meta: CommandMeta,
    ) {
      super();
    }
  }
  Object.defineProperty(StepCommand, 'name', { value: `${type}Command` });

  @CommandHandler(StepCommand)
  class StepHandler implements ICommandHandler<StepCommand> {
    constructor(@Inject(ProjectCommandService) private readonly projects: ProjectCommandService) {}

    execute({ projectId, data, meta }: StepCommand): Promise<CommandResponse> {
      return this.projects.execute(projectId, { type, data } as ProjectCommand, meta);
    }
  }
  Object.defineProperty(StepHandler, 'name', { value: `${type}Handler` });

  return { Command: StepCommand, Handler: StepHandler };
}
