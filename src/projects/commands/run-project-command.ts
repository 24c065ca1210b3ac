import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandKernel } from '../../kernel/command-kernel';
import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { ProjectAggregate } from '../application/project-aggregate';
import type { ProjectCommand } from '../domain/project.commands';

/** Every lifecycle step after registration (DOMAIN.md's table), as the decider takes it. */
export type ProjectStep = Exclude<ProjectCommand, { readonly type: 'RegisterProject' }>;

/** One step on one registered project. Registration has its own command (the id is made). */
export class RunProjectCommand extends Command<CommandResponse> {
  constructor(
    readonly projectId: string,
    readonly step: ProjectStep,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RunProjectCommand)
export class RunProjectCommandHandler implements ICommandHandler<RunProjectCommand> {
  constructor(
    private readonly kernel: CommandKernel,
    private readonly project: ProjectAggregate,
  ) {}

  execute({ projectId, step, meta }: RunProjectCommand): Promise<CommandResponse> {
    return this.kernel.run(this.project, projectId, step, meta);
  }
}
