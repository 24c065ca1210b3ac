import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandKernel } from '../../kernel/command-kernel';
import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { ReferenceAggregate } from '../application/reference-aggregate';
import type { ReferenceCommand } from '../domain/reference.commands';

/** Any change of the reference data of one province, by its code. */
export class RunReferenceCommand extends Command<CommandResponse> {
  constructor(
    readonly province: string,
    readonly command: ReferenceCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RunReferenceCommand)
export class RunReferenceCommandHandler implements ICommandHandler<RunReferenceCommand> {
  constructor(
    private readonly kernel: CommandKernel,
    private readonly reference: ReferenceAggregate,
  ) {}

  execute({ province, command, meta }: RunReferenceCommand): Promise<CommandResponse> {
    return this.kernel.run(this.reference, province, command, meta);
  }
}
