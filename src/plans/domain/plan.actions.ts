import type { Actor, Role } from '../../shared/actor';
import type { ActionChoice, AvailableAction } from '../../shared/available-action';
import type { BusinessDate } from '../../shared/business-date';
import type { ReferenceData } from '../../reference-data/reference-data';
import { registeringUnits, registersIn } from '../../reference-data/registering-units';
import type { PlanState } from './plan.state';

/**
 * What a caller may do next on a year's plan (issue 12): a unit's officer submits its
 * registration while the plan is open, the Center compiles it, an approver who did not compile
 * it approves it. Like the projects' actions (project.actions.ts), computed from the state,
 * the caller's roles and unit, and the rules the decider holds (plan.actions.unit.spec.ts).
 */

export type PlanActionName = 'submit_registration' | 'compile' | 'approve_plan';

export const PLAN_ACTION_ROLES: Readonly<Record<PlanActionName, readonly Role[]>> = {
  submit_registration: ['district_officer'],
  compile: ['center_officer'],
  approve_plan: ['approver'],
};

export const PLAN_ACTION_PATHS: Readonly<Record<PlanActionName, string>> = {
  submit_registration: 'registrations',
  compile: 'compile',
  approve_plan: 'approval',
};

const LABELS: Readonly<Record<PlanActionName, string>> = {
  submit_registration: 'Gửi đăng ký kế hoạch của đơn vị',
  compile: 'Tổng hợp kế hoạch',
  approve_plan: 'Phê duyệt kế hoạch',
};

export interface PlanActionContext {
  readonly today: BusinessDate;
  readonly reference: ReferenceData;
  /** The projects a unit registered for the plan's year: what its registration may list. */
  readonly projectsOf: (unit: string) => readonly ActionChoice[];
}

interface Offer {
  readonly action: PlanActionName;
  readonly fields: AvailableAction['fields'];
  /** Whether this caller may take it (its unit, segregation of duties). */
  readonly allows: (actor: Actor) => boolean;
}

function offersIn(
  state: Exclude<PlanState, { status: 'none' }>,
  context: PlanActionContext,
): Offer[] {
  const offers: Offer[] = [];
  const units = registeringUnits(context.reference);
  if (state.status === 'open') {
    offers.push({
      action: 'submit_registration',
      // Only a unit that registers for the year: others are refused (unknown_district, unit_not_in_force).
      allows: (actor) =>
        actor.district !== undefined &&
        Object.hasOwn(units, actor.district) &&
        registersIn(units[actor.district], state.year),
      fields: [],
    });
    offers.push({ action: 'compile', allows: () => true, fields: [] });
  }
  if (state.status === 'compiled' && state.compiledOn <= context.today)
    offers.push({
      action: 'approve_plan',
      // Whoever compiled the plan may not approve it (segregation of duties).
      allows: (actor) => actor.sub !== state.compiledBy,
      fields: [
        {
          name: 'decisionNo',
          type: 'text',
          required: true,
          maxLength: 100,
          label: 'Số quyết định',
        },
        {
          name: 'decisionDate',
          type: 'date',
          required: true,
          min: state.compiledOn,
          max: context.today,
          label: 'Ngày quyết định',
        },
      ],
    });
  return offers;
}

/** The actions a caller (once per role its token holds, in order) may take on the plan now. */
export function availablePlanActions(
  state: PlanState,
  callers: readonly Actor[],
  context: PlanActionContext,
): AvailableAction<PlanActionName>[] {
  if (state.status === 'none') return [];
  return offersIn(state, context).flatMap(({ action, fields, allows }) => {
    const actor = callers.find((caller) => PLAN_ACTION_ROLES[action].includes(caller.role));
    if (actor === undefined || !allows(actor)) return [];
    const registration =
      action === 'submit_registration' && actor.district !== undefined
        ? [
            {
              name: 'projectIds',
              type: 'choice' as const,
              multiple: true,
              required: true,
              label: 'Các đề án đăng ký (không chọn: đơn vị không có đề án)',
              choices: context.projectsOf(actor.district),
            },
          ]
        : [];
    return [
      {
        action,
        label: LABELS[action],
        method: 'POST' as const,
        path: `/plans/${state.year}/${PLAN_ACTION_PATHS[action]}`,
        fields: [...registration, ...fields],
      },
    ];
  });
}
