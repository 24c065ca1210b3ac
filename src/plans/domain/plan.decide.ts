import type { Actor } from '../../shared/actor';
import { isBusinessDate, type BusinessDate } from '../../shared/business-date';
import { assertNever } from '../../shared/decider';
import { DomainError, invalidState, ruleBroken } from '../../shared/domain-error';
import type { ReferenceData } from '../../reference-data/reference-data';
import {
  isCenterUnit,
  registeringKeysIn,
  requireRegisteringUnit,
} from '../../reference-data/registering-units';
import type { ProgrammeSpan } from '../../programmes/domain/programme.state';
import { checkedReminderSent } from '../../shared/reminder-sent';
import type {
  ApprovePlan,
  OpenPlan,
  PlanCommand,
  RecordPlanReminderSent,
  SubmitDistrictRegistration,
} from './plan.commands';
import type { PlanEvent } from './plan.events';
import {
  registeredProjectIds,
  registrationOf,
  type CompiledPlan,
  type OpenedPlan,
  type PlanState,
} from './plan.state';

/**
 * What a plan decision depends on besides the command and the state. Roles and a district
 * officer's own district are checked over HTTP; the programme is looked up by the
 * application layer from `programCode` (undefined when there is no such programme).
 */
export interface PlanContext {
  readonly actor: Actor;
  /** Today's business date in Asia/Ho_Chi_Minh. */
  readonly today: BusinessDate;
  readonly reference: ReferenceData;
  readonly programme?: ProgrammeSpan;
}

function requireOpenedOrLater(state: PlanState): Exclude<PlanState, { status: 'none' }> {
  if (state.status === 'none')
    throw new DomainError('plan_not_found', 'no plan has been opened for this year', 'not_found');
  return state;
}

function requireOpen(state: PlanState): OpenedPlan {
  const plan = requireOpenedOrLater(state);
  if (plan.status !== 'open')
    throw invalidState('plan_already_compiled', 'the plan has already been compiled');
  return plan;
}

function openPlan(command: OpenPlan, state: PlanState, context: PlanContext): PlanEvent[] {
  if (state.status !== 'none')
    throw invalidState('plan_already_open', `the plan for ${state.year} is already open`, {
      year: state.year,
    });
  const { year, programCode, registrationDeadline } = command.data;
  if (!Number.isSafeInteger(year) || year < 1900 || year > 2999) {
    throw ruleBroken('invalid_year', 'year must be a year between 1900 and 2999', 'year');
  }
  const programme = context.programme;
  if (!programme || programme.code !== programCode) {
    throw ruleBroken('unknown_programme', `there is no programme ${programCode}`, 'programCode');
  }
  if (year < programme.fromYear || year > programme.toYear) {
    throw ruleBroken(
      'plan_year_outside_programme',
      `${year} is outside the programme's years ${programme.fromYear}–${programme.toYear}`,
      'year',
      { year, fromYear: programme.fromYear, toYear: programme.toYear },
    );
  }
  if (!isBusinessDate(registrationDeadline)) {
    throw ruleBroken(
      'invalid_date',
      'registrationDeadline must be a date YYYY-MM-DD',
      'registrationDeadline',
    );
  }
  // Registration for year N happens during N-1; a deadline after N has ended registers nothing for N.
  if (registrationDeadline > `${year}-12-31`) {
    throw ruleBroken(
      'registration_deadline_after_plan_year',
      `the registration deadline ${registrationDeadline} is after the plan year ${year} has ended`,
      'registrationDeadline',
    );
  }
  return [
    {
      type: 'PlanOpened',
      data: { year, programCode, registrationDeadline, openedBy: context.actor.sub },
    },
  ];
}

function validProjectIds(
  plan: OpenedPlan,
  district: string,
  projectIds: readonly string[],
): string[] {
  const seen = new Set<string>();
  return projectIds.map((id, i) => {
    const field = `projectIds[${i}]`;
    if (typeof id !== 'string' || id.trim() === '')
      throw ruleBroken('invalid_project_id', 'a project id is required', field);
    if (seen.has(id))
      throw ruleBroken('duplicate_project_id', `${id} is listed more than once`, field);
    seen.add(id);
    const owner = plan.registrations.find(
      (r) => r.district !== district && r.projectIds.includes(id),
    );
    if (owner) {
      throw ruleBroken(
        'project_registered_by_other_district',
        `${id} is in the registration of ${owner.district}`,
        field,
      );
    }
    return id;
  });
}

function submitRegistration(
  command: SubmitDistrictRegistration,
  state: PlanState,
  context: PlanContext,
): PlanEvent[] {
  const plan = requireOpen(state);
  const district = requireRegisteringUnit(command.data.district, context.reference, plan.year);
  // The Center compiles the plan and files its own tasks directly: it registers nothing to it.
  if (isCenterUnit(context.reference, district)) {
    throw ruleBroken(
      'center_submits_no_registration',
      `${district} is the Center's own unit: it submits no registration to its plan`,
      'district',
    );
  }
  if (!Array.isArray(command.data.projectIds)) {
    throw ruleBroken(
      'invalid_project_id',
      'projectIds must be a list (it may be empty)',
      'projectIds',
    );
  }
  const projectIds = validProjectIds(plan, district, command.data.projectIds);
  const submittedOn = context.today;
  const submissionNo = (registrationOf(plan, district)?.submissions ?? 0) + 1;
  return [
    {
      type: 'DistrictRegistrationSubmitted',
      data: {
        district,
        projectIds,
        submittedOn,
        late: submittedOn > plan.registrationDeadline,
        submittedBy: context.actor.sub,
        submissionNo,
      },
    },
  ];
}

function compilePlan(state: PlanState, context: PlanContext): PlanEvent[] {
  const plan = requireOpen(state);
  const districtsSubmitted = plan.registrations.map((r) => r.district);
  const districtsMissing = registeringKeysIn(context.reference, plan.year).filter(
    (d) => !districtsSubmitted.includes(d),
  );
  return [
    {
      type: 'PlanCompiled',
      data: {
        compiledOn: context.today,
        compiledBy: context.actor.sub,
        districtsSubmitted,
        districtsMissing,
        projectIds: [...registeredProjectIds(plan)],
      },
    },
  ];
}

function requireCompiled(state: PlanState): CompiledPlan {
  const plan = requireOpenedOrLater(state);
  if (plan.status === 'open')
    throw invalidState('plan_not_compiled', 'the plan must be compiled before it is approved');
  if (plan.status === 'approved')
    throw invalidState('plan_already_approved', 'the plan has already been approved');
  return plan;
}

function approvePlan(command: ApprovePlan, state: PlanState, context: PlanContext): PlanEvent[] {
  const plan = requireCompiled(state);
  const decisionNo =
    typeof command.data.decisionNo === 'string' ? command.data.decisionNo.trim() : '';
  if (decisionNo === '')
    throw ruleBroken('decision_no_required', 'a decision number is required', 'decisionNo');
  const { decisionDate } = command.data;
  if (!isBusinessDate(decisionDate))
    throw ruleBroken('invalid_date', 'decisionDate must be a date YYYY-MM-DD', 'decisionDate');
  if (decisionDate > context.today) {
    throw ruleBroken(
      'decision_date_in_future',
      `decisionDate ${decisionDate} is after today ${context.today}`,
      'decisionDate',
      { date: decisionDate, today: context.today },
    );
  }
  if (decisionDate < plan.compiledOn) {
    throw ruleBroken(
      'decision_date_before_compilation',
      `decisionDate ${decisionDate} is before the plan was compiled on ${plan.compiledOn}`,
      'decisionDate',
      { date: decisionDate, compiledOn: plan.compiledOn },
    );
  }
  if (context.actor.sub === plan.compiledBy) {
    throw ruleBroken('segregation_of_duties', 'whoever compiled the plan cannot approve it');
  }
  return [
    { type: 'PlanApproved', data: { decisionNo, decisionDate, approvedBy: context.actor.sub } },
  ];
}

/** A record of a message, not a planning step: any status once opened; the same id once. */
function recordReminderSent(command: RecordPlanReminderSent, state: PlanState): PlanEvent[] {
  const plan = requireOpenedOrLater(state);
  const data = checkedReminderSent(command.data);
  if ((plan.sentReminderIds ?? []).includes(data.reminderId)) return [];
  return [{ type: 'ReminderSent', data }];
}

export function decidePlan(
  command: PlanCommand,
  state: PlanState,
  context: PlanContext,
): readonly PlanEvent[] {
  switch (command.type) {
    case 'OpenPlan':
      return openPlan(command, state, context);
    case 'SubmitDistrictRegistration':
      return submitRegistration(command, state, context);
    case 'CompilePlan':
      return compilePlan(state, context);
    case 'ApprovePlan':
      return approvePlan(command, state, context);
    case 'RecordReminderSent':
      return recordReminderSent(command, state);
    default:
      return assertNever(command, 'plan command');
  }
}
