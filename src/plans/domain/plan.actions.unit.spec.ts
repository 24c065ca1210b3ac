import { PATH_METADATA } from '@nestjs/common/constants';
import { RouteRoles } from '../../auth/auth.decorators';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { Actor } from '../../shared/actor';
import { DomainError } from '../../shared/domain-error';
import { PlansController } from '../plans.controller';
import { planApproved, planCompiled, planOpened } from '../../../test/support/plans/plan-fixtures';
import {
  availablePlanActions,
  PLAN_ACTION_PATHS,
  PLAN_ACTION_ROLES,
  type PlanActionName,
} from './plan.actions';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import type { PlanEvent } from './plan.events';
import type { PlanState } from './plan.state';

/** The plan actions offered are what the decider accepts; the others it (or the route) refuses. */

const TODAY = '2023-06-15';
const fold = (events: readonly PlanEvent[]): PlanState =>
  events.reduce(planDecider.evolve, planDecider.initialState());

const STATES: Readonly<Record<string, PlanState>> = {
  'no plan': fold([]),
  open: fold([planOpened]),
  compiled: fold([planOpened, planCompiled()]),
  approved: fold([planOpened, planCompiled(), planApproved()]),
};

const CALLERS: Readonly<Record<string, readonly Actor[]>> = {
  "Biên Hòa's officer": [
    { sub: 'u-bh', name: 'A', role: 'district_officer', district: 'bien-hoa' },
  ],
  'an officer of an unknown unit': [
    { sub: 'u-x', name: 'X', role: 'district_officer', district: 'atlantis' },
  ],
  'the Center officer who compiles': [{ sub: 'center-1', name: 'B', role: 'center_officer' }],
  'an approver': [{ sub: 'approver-1', name: 'C', role: 'approver' }],
  'the compiler, also an approver': [
    { sub: 'center-1', name: 'B', role: 'center_officer' },
    { sub: 'center-1', name: 'B', role: 'approver' },
  ],
  'an auditor': [{ sub: 'u-a', name: 'D', role: 'auditor' }],
};

const context = {
  today: TODAY,
  reference: DEFAULT_REFERENCE_DATA,
  projectsOf: () => [],
};

function commandOf(
  action: PlanActionName,
  actor: Actor,
  body: Record<string, unknown>,
): PlanCommand {
  switch (action) {
    case 'submit_registration':
      return {
        type: 'SubmitDistrictRegistration',
        data: { district: actor.district ?? '', projectIds: [] },
      };
    case 'compile':
      return { type: 'CompilePlan', data: {} };
    case 'approve_plan':
      return {
        type: 'ApprovePlan',
        data: { decisionNo: '1/QĐ-UBND', decisionDate: TODAY, ...body },
      } as PlanCommand;
  }
}

function refusal(state: PlanState, callers: readonly Actor[], action: PlanActionName) {
  const actor = callers.find((c) => PLAN_ACTION_ROLES[action].includes(c.role));
  if (actor === undefined) return '403';
  try {
    planDecider.decide(commandOf(action, actor, {}), state, {
      actor,
      today: TODAY,
      reference: DEFAULT_REFERENCE_DATA,
    });
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('the plan actions a caller is offered', () => {
  const cases = Object.entries(STATES).flatMap(([stateName, state]) =>
    Object.entries(CALLERS).map(([callerName, callers]) => ({
      stateName,
      callerName,
      state,
      callers,
    })),
  );

  it.each(cases)('$stateName, for $callerName', ({ state, callers }) => {
    const offered = new Set(availablePlanActions(state, callers, context).map((a) => a.action));
    for (const action of Object.keys(PLAN_ACTION_ROLES) as PlanActionName[]) {
      const why = refusal(state, callers, action);
      expect({ action, offered: offered.has(action) }).toEqual({
        action,
        offered: why === undefined,
      });
    }
  });

  it('gives the approval its date limits, and a registration the unit’s projects to choose from', () => {
    const [approve] = availablePlanActions(STATES.compiled, CALLERS['an approver'], context);
    expect(approve).toMatchObject({
      action: 'approve_plan',
      path: '/plans/2024/approval',
      fields: [
        { name: 'decisionNo', type: 'text', maxLength: 100 },
        { name: 'decisionDate', type: 'date', min: '2023-06-01', max: TODAY },
      ],
    });
    const choices = [{ value: 'p-1', label: 'Đề án 1' }];
    const [submit] = availablePlanActions(STATES.open, CALLERS["Biên Hòa's officer"], {
      ...context,
      projectsOf: (unit) => (unit === 'bien-hoa' ? choices : []),
    });
    expect(submit.fields).toEqual([
      expect.objectContaining({ name: 'projectIds', multiple: true, choices }),
    ]);
  });

  it('takes its roles and paths from the routes', () => {
    const METHOD_OF = {
      submit_registration: 'register',
      compile: 'compile',
      approve_plan: 'approve',
    } as const;
    for (const action of Object.keys(METHOD_OF) as PlanActionName[]) {
      const handler = PlansController.prototype[METHOD_OF[action]] as object;
      expect(Reflect.getMetadata(RouteRoles.KEY, handler)).toEqual(PLAN_ACTION_ROLES[action]);
      expect(Reflect.getMetadata(PATH_METADATA, handler)).toBe(
        `:year/${PLAN_ACTION_PATHS[action]}`,
      );
    }
  });
});
