import { Inject, Injectable } from '@nestjs/common';
import { ApplicationError, ForbiddenError } from '../../kernel/application-errors';
import type { Aggregate, CommandRun, PreparedCommand } from '../../kernel/aggregate';
import { ProgrammeLookup } from '../../programmes/application/programme-lookup';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import type { PlanCommand, SubmitDistrictRegistration } from '../domain/plan.commands';
import type { PlanContext } from '../domain/plan.decide';
import type { PlanEvent } from '../domain/plan.events';
import type { PlanState } from '../domain/plan.state';
import { planAggregateType } from '../plan.aggregate';
import { REGISTERED_PROJECTS, type RegisteredProjects } from './registered-projects.port';

type Run = CommandRun<PlanCommand>;

/**
 * How yearly plan commands are run (CommandKernel): the district scope of a registration and
 * the projects it lists (through the projects' port), the programme's years for opening.
 */
@Injectable()
export class PlanAggregate implements Aggregate<PlanCommand, PlanEvent, PlanState, PlanContext> {
  readonly type = planAggregateType;

  constructor(
    private readonly programmes: ProgrammeLookup,
    @Inject(REGISTERED_PROJECTS) private readonly projects: RegisteredProjects,
    private readonly referenceData: ReferenceDataService,
  ) {}

  async prepare(run: Run): Promise<PreparedCommand<PlanCommand, PlanState>> {
    const { command } = run;
    if (command.type === 'SubmitDistrictRegistration') await this.checkRegistration(run, command);
    return { command };
  }

  async context(_state: PlanState, { command, meta, today }: Run): Promise<PlanContext> {
    const context = { actor: meta.actor, today, reference: this.referenceData.current() };
    if (command.type !== 'OpenPlan') return context;
    const programme = await this.programmes.span(command.data.programCode);
    return { ...context, ...(programme && { programme }) };
  }

  /**
   * A district officer answers for its own district only, and a registration lists the
   * district's own projects of the plan's year. A missing project and another district's are
   * refused alike, so a district officer learns nothing about other districts.
   */
  private async checkRegistration(
    { key, meta }: Run,
    { data }: SubmitDistrictRegistration,
  ): Promise<void> {
    const { actor } = meta;
    if (actor.role === 'district_officer' && data.district !== actor.district) {
      throw new ForbiddenError(
        'other_district',
        'A district officer submits the registration of its own district only',
      );
    }
    for (const [i, projectId] of data.projectIds.entries()) {
      const registration = await this.projects.registrationOf(projectId);
      if (registration?.district !== data.district || String(registration.planYear) !== key) {
        throw new ApplicationError(
          'rule_broken',
          'project_not_in_district_year',
          `${projectId} is not a project registered by ${data.district} for ${key}`,
          `projectIds[${i}]`,
        );
      }
    }
  }
}
