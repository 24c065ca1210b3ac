import type { AggregateType } from '../kernel/aggregate';
import { occurredOnFrom } from '../shared/occurred-on';
import type { PlanCommand } from './domain/plan.commands';
import type { PlanContext } from './domain/plan.decide';
import { PLAN_STREAM_PREFIX, planDecider } from './domain/plan.decider';
import type { PlanEvent } from './domain/plan.events';
import type { PlanState } from './domain/plan.state';
import { planSerde } from './plan.serde';

/** The field of each plan step that carries its own business date (occurred-on.ts). */
export const planOccurredOn = occurredOnFrom<PlanEvent>({
  DistrictRegistrationSubmitted: 'submittedOn',
  PlanCompiled: 'compiledOn',
  PlanApproved: 'decisionDate',
});

/** The yearly plan, one stream per year (key: the year). */
export const planAggregateType: AggregateType<PlanCommand, PlanEvent, PlanState, PlanContext> = {
  name: 'plan',
  decider: planDecider,
  serde: planSerde,
  occurredOn: planOccurredOn,
  streamPrefix: PLAN_STREAM_PREFIX,
};
