import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, CommandResponse } from '../../projects/application/command-meta';
import { ProgrammeCommandService } from '../application/programme-command.service';
import type { ProgrammeCommand } from '../domain/programme.commands';

type DataOf<T extends ProgrammeCommand['type']> = Extract<ProgrammeCommand, { type: T }>['data'];

/**
 * The Nest command class and handler of one programme command (the bus routes by class).
 * They differ only in the domain command they carry, so they are made here once; the handler
 * hands the domain command to the command loop and nothing else.
 */
export function defineProgrammeCommand<T extends ProgrammeCommand['type']>(type: T) {
  class ProgrammeStepCommand extends Command<CommandResponse> {
    constructor(
      readonly code: string,
      readonly data: DataOf<T>,
      readonly meta: CommandMeta,
    ) {
      super();
    }
  }
  Object.defineProperty(ProgrammeStepCommand, 'name', { value: `${type}Command` });

  @CommandHandler(ProgrammeStepCommand)
  class ProgrammeStepHandler implements ICommandHandler<ProgrammeStepCommand> {
    constructor(
      @Inject(ProgrammeCommandService) private readonly programmes: ProgrammeCommandService,
    ) {}

    execute({ code, data, meta }: ProgrammeStepCommand): Promise<CommandResponse> {
      return this.programmes.execute(code, { type, data } as ProgrammeCommand, meta);
    }
  }
  Object.defineProperty(ProgrammeStepHandler, 'name', { value: `${type}Handler` });

  return { Command: ProgrammeStepCommand, Handler: ProgrammeStepHandler };
}
