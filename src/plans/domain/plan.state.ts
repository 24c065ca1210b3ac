import type { BusinessDate } from '../../shared/business-date';
import { unknownEventLeaves } from '../../shared/decider';
import type { DistrictRegistrationSubmitted, PlanEvent, PlanOpened } from './plan.events';

/** A district's current registration: its latest submission, and how many it sent. */
export type DistrictRegistration = Omit<DistrictRegistrationSubmitted['data'], 'submissionNo'> & {
  readonly submissions: number;
};

type PlanBase = PlanOpened['data'] & {
  /** In order of each district's first submission. */
  readonly registrations: readonly DistrictRegistration[];
  /** Reminders delivered about the plan (src/reminders), so none is sent twice. */
  readonly sentReminderIds: readonly string[];
};

export type NoPlan = Readonly<{ status: 'none' }>;

export type OpenedPlan = PlanBase & { readonly status: 'open' };

export type CompiledPlan = PlanBase & {
  readonly status: 'compiled';
  readonly compiledOn: BusinessDate;
  readonly compiledBy: string;
  readonly districtsMissing: readonly string[];
  readonly projectIds: readonly string[];
};

export type ApprovedPlan = Omit<CompiledPlan, 'status'> & {
  readonly status: 'approved';
  readonly decisionNo: string;
  readonly decisionDate: BusinessDate;
  readonly approvedBy: string;
};

export type PlanState = NoPlan | OpenedPlan | CompiledPlan | ApprovedPlan;
export type PlanStatus = PlanState['status'];

export const initialPlanState = (): PlanState => ({ status: 'none' });

export function registrationOf(
  state: PlanState,
  district: string,
): DistrictRegistration | undefined {
  return state.status === 'none'
    ? undefined
    : state.registrations.find((r) => r.district === district);
}

/** Every project id registered so far, district by district. */
export function registeredProjectIds(state: PlanState): readonly string[] {
  return state.status === 'none' ? [] : state.registrations.flatMap((r) => r.projectIds);
}

// Events reach evolve only in the order decide allowed them; one out of place is ignored, not invented.
export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanOpened':
      return { status: 'open', ...event.data, registrations: [], sentReminderIds: [] };
    case 'DistrictRegistrationSubmitted': {
      if (state.status !== 'open') return state;
      const { submissionNo, ...submitted } = event.data;
      const registration: DistrictRegistration = { ...submitted, submissions: submissionNo };
      const index = state.registrations.findIndex((r) => r.district === registration.district);
      const registrations =
        index < 0
          ? [...state.registrations, registration]
          : state.registrations.with(index, registration);
      return { ...state, registrations };
    }
    case 'PlanCompiled': {
      if (state.status !== 'open') return state;
      const { compiledOn, compiledBy, districtsMissing, projectIds } = event.data;
      return { ...state, status: 'compiled', compiledOn, compiledBy, districtsMissing, projectIds };
    }
    case 'PlanApproved':
      if (state.status !== 'compiled') return state;
      return { ...state, status: 'approved', ...event.data };
    case 'ReminderSent': {
      if (state.status === 'none') return state;
      const sent = state.sentReminderIds ?? [];
      if (sent.includes(event.data.reminderId)) return state;
      return { ...state, sentReminderIds: [...sent, event.data.reminderId] };
    }
    default:
      return unknownEventLeaves(event, state);
  }
}

/**
 * Whether a project may be registered against this plan's year. The approved plan is the basis
 * for appraising projects, so registering stays possible after compilation and approval: the
 * plan only has to exist.
 */
export function planAcceptsRegistrations(state: PlanState): boolean {
  return state.status !== 'none';
}

export type DistrictRegistrationStatus = 'submitted' | 'late' | 'missing';

export interface PlanDistrictView {
  readonly district: string;
  readonly status: DistrictRegistrationStatus;
  readonly submittedOn?: BusinessDate;
  readonly submissions: number;
  readonly projectIds: readonly string[];
}

export interface PlanView {
  readonly year: number;
  readonly programCode: string;
  readonly status: Exclude<PlanStatus, 'none'>;
  readonly registrationDeadline: BusinessDate;
  readonly compiledOn?: BusinessDate;
  readonly decisionNo?: string;
  readonly decisionDate?: BusinessDate;
  /** The known districts in the order given, then any district that registered but is no longer known. */
  readonly districts: readonly PlanDistrictView[];
  readonly projectIds: readonly string[];
  /** Reminders already delivered about the plan. */
  readonly sentReminderIds: readonly string[];
}

function districtView(
  district: string,
  registration: DistrictRegistration | undefined,
): PlanDistrictView {
  if (!registration) return { district, status: 'missing', submissions: 0, projectIds: [] };
  const { submittedOn, submissions, projectIds, late } = registration;
  return { district, status: late ? 'late' : 'submitted', submittedOn, submissions, projectIds };
}

/** The read-side view of a plan against the districts known now; null before it is opened. */
export function planView(state: PlanState, knownDistricts: readonly string[]): PlanView | null {
  if (state.status === 'none') return null;
  const districts = [
    ...new Set([...knownDistricts, ...state.registrations.map((r) => r.district)]),
  ];
  return {
    year: state.year,
    programCode: state.programCode,
    status: state.status,
    registrationDeadline: state.registrationDeadline,
    ...(state.status !== 'open' && { compiledOn: state.compiledOn }),
    ...(state.status === 'approved' && {
      decisionNo: state.decisionNo,
      decisionDate: state.decisionDate,
    }),
    districts: districts.map((d) => districtView(d, registrationOf(state, d))),
    projectIds: registeredProjectIds(state),
    // A state cached before the list existed has none.
    sentReminderIds: state.sentReminderIds ?? [],
  };
}
