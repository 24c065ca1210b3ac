import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, CommandResponse } from '../../projects/application/command-meta';
import { PlanCommandService } from '../application/plan-command.service';
import type { PlanCommand } from '../domain/plan.commands';

type DataOf<T extends PlanCommand['type']> = Extract<PlanCommand, { type: T }>['data'];

/**
 * The Nest command class and handler of one yearly plan command (the bus routes by class).
 * They differ only in the domain command they carry, so they are made here once; the handler
 * hands the domain command to the plan command service and nothing else.
 */
export function definePlanCommand<T extends PlanCommand['type']>(type: T) {
  class PlanStepCommand extends Command<CommandResponse> {
    constructor(
      readonly year: number,
      readonly data: DataOf<T>,
      readonly meta: CommandMeta,
    ) {
      super();
    }
  }
  Object.defineProperty(PlanStepCommand, 'name', { value: `${type}Command` });

  @CommandHandler(PlanStepCommand)
  class PlanStepHandler implements ICommandHandler<PlanStepCommand> {
    constructor(@Inject(PlanCommandService) private readonly plans: PlanCommandService) {}

    execute({ year, data, meta }: PlanStepCommand): Promise<CommandResponse> {
      return this.plans.handle(year, { type, data } as PlanCommand, meta);
    }
  }
  Object.defineProperty(PlanStepHandler, 'name', { value: `${type}Handler` });

  return { Command: PlanStepCommand, Handler: PlanStepHandler };
}
