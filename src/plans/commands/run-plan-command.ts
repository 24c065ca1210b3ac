import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandKernel } from '../../kernel/command-kernel';
import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { PlanAggregate } from '../application/plan-aggregate';
import type { PlanCommand } from '../domain/plan.commands';

/** Any command on the yearly plan of one year. */
export class RunPlanCommand extends Command<CommandResponse> {
  constructor(
    readonly year: number,
    readonly command: PlanCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RunPlanCommand)
export class RunPlanCommandHandler implements ICommandHandler<RunPlanCommand> {
  constructor(
    private readonly kernel: CommandKernel,
    private readonly plan: PlanAggregate,
  ) {}

  execute({ year, command, meta }: RunPlanCommand): Promise<CommandResponse> {
    return this.kernel.run(this.plan, String(year), command, meta);
  }
}
