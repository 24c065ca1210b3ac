import type { AggregateType } from '../kernel/aggregate';
import type { BusinessDate } from '../shared/business-date';
import type { PlanCommand } from './domain/plan.commands';
import type { PlanContext } from './domain/plan.decide';
import { PLAN_STREAM_PREFIX, planDecider } from './domain/plan.decider';
import type { PlanEvent } from './domain/plan.events';
import type { PlanState } from './domain/plan.state';
import { planSerde } from './plan.serde';

/** The business date a plan event happened on: its own date when it carries one, else today. */
export function planOccurredOn(event: PlanEvent, today: BusinessDate): BusinessDate {
  switch (event.type) {
    case 'DistrictRegistrationSubmitted':
      return event.data.submittedOn;
    case 'PlanCompiled':
      return event.data.compiledOn;
    case 'PlanApproved':
      return event.data.decisionDate;
    default:
      return today;
  }
}

/** The yearly plan, one stream per year (key: the year). */
export const planAggregateType: AggregateType<PlanCommand, PlanEvent, PlanState, PlanContext> = {
  name: 'plan',
  decider: planDecider,
  serde: planSerde,
  occurredOn: planOccurredOn,
  streamPrefix: PLAN_STREAM_PREFIX,
};
