import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, CommandResponse } from '../application/command-meta';
import { ProjectCommandService } from '../application/project-command.service';
import type { RegisterProject } from '../domain/project.commands';

export class RegisterProjectCommand extends Command<CommandResponse> {
  constructor(
    readonly data: Omit<RegisterProject['data'], 'projectId'>,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RegisterProjectCommand)
export class RegisterProjectHandler implements ICommandHandler<RegisterProjectCommand> {
  constructor(private readonly projects: ProjectCommandService) {}

  execute({ data, meta }: RegisterProjectCommand): Promise<CommandResponse> {
    return this.projects.register(data, meta);
  }
}
