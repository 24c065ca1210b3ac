import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandKernel } from '../../kernel/command-kernel';
import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { ProgrammeAggregate } from '../application/programme-aggregate';
import type { ProgrammeCommand } from '../domain/programme.commands';

/** Any command on one programme, by its code. */
export class RunProgrammeCommand extends Command<CommandResponse> {
  constructor(
    readonly code: string,
    readonly command: ProgrammeCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RunProgrammeCommand)
export class RunProgrammeCommandHandler implements ICommandHandler<RunProgrammeCommand> {
  constructor(
    private readonly kernel: CommandKernel,
    private readonly programme: ProgrammeAggregate,
  ) {}

  execute({ code, command, meta }: RunProgrammeCommand): Promise<CommandResponse> {
    return this.kernel.run(this.programme, code, command, meta);
  }
}
