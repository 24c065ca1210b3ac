import { Injectable } from '@nestjs/common';
import { AggregateReader } from '../../kernel/aggregate-reader';
import { planAcceptsRegistrations, type PlanState } from '../domain/plan.state';
import { planAggregateType } from '../plan.aggregate';

/**
 * What other aggregates' commands need to know of a yearly plan, read from its stream (not
 * from a read model, so a project registered right after the plan was opened finds it).
 */
@Injectable()
export class PlanLookup {
  constructor(private readonly reader: AggregateReader) {}

  state(year: number): Promise<PlanState> {
    return this.reader.state(planAggregateType, String(year));
  }

  /** True once the plan for `year` has been opened: projects may then be registered for it. */
  async planExists(year: number): Promise<boolean> {
    return planAcceptsRegistrations(await this.state(year));
  }
}
