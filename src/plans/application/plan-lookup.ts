import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { replay } from '../../shared/decider';
import { planDecider, planStreamId } from '../domain/plan.decider';
import { planAcceptsRegistrations, type PlanState } from '../domain/plan.state';
import { planSerde } from '../plan.serde';

/**
 * What other aggregates' commands need to know of a yearly plan, read from its stream (not
 * from a read model, so a project registered right after the plan was opened finds it).
 */
@Injectable()
export class PlanLookup {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async state(year: number): Promise<PlanState> {
    const recorded = await this.store.readStream(planStreamId(year));
    return replay(
      planDecider,
      recorded.map((e) => planSerde.deserialize(e)),
    );
  }

  /** True once the plan for `year` has been opened: projects may then be registered for it. */
  async planExists(year: number): Promise<boolean> {
    return planAcceptsRegistrations(await this.state(year));
  }
}
