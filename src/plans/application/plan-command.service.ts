import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { handleCommand, StaleVersionError } from '../../event-store/handle-command';
import { ForbiddenProblem, PreconditionFailedError } from '../../http/problem-details';
import { Clock } from '../../platform/clock';
import { ProgrammeLookup } from '../../programmes/application/programme-lookup';
import type { ProgrammeSpan } from '../../programmes/domain/programme.state';
import type { CommandMeta, CommandResponse } from '../../projects/application/command-meta';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import type { OpenPlan, PlanCommand, SubmitDistrictRegistration } from '../domain/plan.commands';
import { planStreamId } from '../domain/plan.decider';
import { planAggregate } from './plan-aggregate';
import { RegisteredProjects } from './registered-projects';

/**
 * Runs yearly plan commands: looks up what the plan's rules need from other aggregates (the
 * programme's years, the projects a district lists), checks the district scope, then runs
 * the command loop.
 */
@Injectable()
export class PlanCommandService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programmes: ProgrammeLookup,
    private readonly projects: RegisteredProjects,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
  ) {}

  /** Every plan command comes in here; each gets what its rules need looked up first. */
  handle(year: number, command: PlanCommand, meta: CommandMeta): Promise<CommandResponse> {
    switch (command.type) {
      case 'OpenPlan':
        return this.open(command.data, meta);
      case 'SubmitDistrictRegistration':
        return this.submitRegistration(year, command.data, meta);
      default:
        return this.execute(year, command, meta);
    }
  }

  private async open(data: OpenPlan['data'], meta: CommandMeta): Promise<CommandResponse> {
    const programme = await this.programmes.span(data.programCode);
    return this.execute(data.year, { type: 'OpenPlan', data }, meta, programme);
  }

  /** A district officer answers for its own district only (403 for another). */
  private async submitRegistration(
    year: number,
    data: SubmitDistrictRegistration['data'],
    meta: CommandMeta,
  ): Promise<CommandResponse> {
    const { actor } = meta;
    if (actor.role === 'district_officer' && data.district !== actor.district) {
      throw new ForbiddenProblem(
        'A district officer submits the registration of its own district only',
        'other_district',
      );
    }
    await this.projects.requireAllOf(data.district, year, data.projectIds);
    return this.execute(year, { type: 'SubmitDistrictRegistration', data }, meta);
  }

  private async execute(
    year: number,
    command: PlanCommand,
    meta: CommandMeta,
    programme?: ProgrammeSpan,
  ): Promise<CommandResponse> {
    const today = this.clock.today();
    const reference = this.referenceData.current();
    const outcome = await handleCommand(
      this.store,
      planAggregate,
      { streamId: planStreamId(year), command, today, ...meta },
      { context: () => ({ actor: meta.actor, today, reference, ...(programme && { programme }) }) },
    ).catch((error: unknown) => {
      if (error instanceof StaleVersionError)
        throw PreconditionFailedError.versions(error.expected, error.actual);
      throw error;
    });
    return {
      id: String(year),
      version: outcome.version,
      status: outcome.state.status,
      position: outcome.position.toString(),
    };
  }
}
