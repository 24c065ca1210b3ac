import type { Decider } from '../../shared/decider';
import type { PlanCommand } from './plan.commands';
import { decidePlan, type PlanContext } from './plan.decide';
import type { PlanEvent } from './plan.events';
import { evolvePlan, initialPlanState, type PlanState } from './plan.state';

/** The yearly plan aggregate, stream `annual-plan-<year>`. */
export const planDecider: Decider<PlanCommand, PlanEvent, PlanState, PlanContext> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};

export const PLAN_STREAM_PREFIX = 'annual-plan-';
export const planStreamId = (year: number): string => `${PLAN_STREAM_PREFIX}${year}`;
