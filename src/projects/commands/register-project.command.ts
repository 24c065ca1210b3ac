import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApplicationError, ForbiddenError } from '../../kernel/application-errors';
import { derivedId } from '../../kernel/command-ids';
import { CommandKernel } from '../../kernel/command-kernel';
import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { PlanLookup } from '../../plans/application/plan-lookup';
import { ProjectAggregate } from '../application/project-aggregate';
import type { RegisterProject } from '../domain/project.commands';

export class RegisterProjectCommand extends Command<CommandResponse> {
  constructor(
    readonly data: Omit<RegisterProject['data'], 'projectId'>,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * Registers a new project against the yearly plan of its year. Its id is derived from the
 * command id, so a retry registers nothing new.
 */
@CommandHandler(RegisterProjectCommand)
export class RegisterProjectHandler implements ICommandHandler<RegisterProjectCommand> {
  constructor(
    private readonly kernel: CommandKernel,
    private readonly project: ProjectAggregate,
    private readonly plans: PlanLookup,
  ) {}

  async execute({ data, meta }: RegisterProjectCommand): Promise<CommandResponse> {
    const { actor } = meta;
    if (actor.role === 'district_officer' && data.district !== actor.district) {
      throw new ForbiddenError(
        'other_district',
        'A district officer registers projects of its own district only',
      );
    }
    // A rule across aggregates: the plan's stream is read here and the answer is final for
    // this command (plans are opened once and never closed, so no race can undo it).
    if (!(await this.plans.planExists(data.planYear))) {
      throw new ApplicationError(
        'rule_broken',
        'no_plan_for_year',
        `There is no yearly plan for ${data.planYear}: the Center opens it first`,
        'planYear',
      );
    }
    const projectId = derivedId(meta.commandId, 'project');
    return this.kernel.run(
      this.project,
      projectId,
      { type: 'RegisterProject', data: { ...data, projectId } },
      meta,
    );
  }
}
