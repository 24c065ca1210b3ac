import { assertNever } from '../../shared/decider';
import { saturatingSumVnd } from '../../shared/vnd';
import type {
  AppraisalPassed,
  InspectionRecorded,
  ProgressReported,
  ProjectEvent,
  ProjectSettled,
} from './project.events';
import { PROJECT_STATUSES, STATUSES_BEFORE_ACCEPTANCE } from './project.types';
import type { BusinessDate, Period, RegistrationDetails, Vnd } from './project.types';
import { changedDetails } from './project.registration-details';
import { sentReminderIdsOf } from './project.reminder-steps';

/**
 * The state of one support project, a union on `status`: each variant holds only what is
 * known and valid in that status, so `decide` cannot read an approval that has not happened.
 */

/** What the project is: who registered it, and its details as resubmitted and adjusted since. */
export interface Dossier {
  readonly projectId: string;
  readonly planYear: number;
  readonly district: string;
  readonly registeredBy: string;
  /**
   * Everyone who authored the proposal: the registrant and whoever resubmitted it. They may
   * not decide on it (segregation of duties).
   */
  readonly proposedBy: readonly string[];
  readonly details: RegistrationDetails;
  /** Reminders delivered about the project (src/reminders), so none is sent twice. */
  readonly sentReminderIds: readonly string[];
  /** The beneficiary's personal data was erased (absent in states cached before erasure existed). */
  readonly personalDataErased?: boolean;
}

export type Appraisal = Readonly<AppraisalPassed['data']>;

export interface Approval {
  readonly decisionNo: string;
  readonly decisionDate: BusinessDate;
  /** The approved funding in force: the decision's amount, or the last adjustment's. */
  readonly approvedFundingVnd: Vnd;
  /** Who approved the project, then whoever adjusted it since (segregation of duties). */
  readonly decidedBy: readonly string[];
}

/** Running totals of money out (advances, payments) and back (recoveries). */
export interface Disbursed {
  readonly advancesVnd: Vnd;
  readonly paymentsVnd: Vnd;
  readonly recoveredVnd: Vnd;
  /** Everyone who recorded money paid or recovered (segregation of duties). */
  readonly recordedBy: readonly string[];
}

export type ProgressReport = Readonly<
  Pick<ProgressReported['data'], 'reportedOn' | 'achievements'>
>;

export type Inspection = Readonly<InspectionRecorded['data']>;

export interface Execution {
  readonly startedOn: BusinessDate;
  /** The report in force for each period: a later report for the same period replaced it. */
  readonly reports: Readonly<Record<Period, ProgressReport>>;
  /** Per indicator, the sum over periods of the reports in force. */
  readonly achieved: Readonly<Record<string, number>>;
  readonly inspections: readonly Inspection[];
}

export interface Revision {
  readonly notes: string;
  readonly requestedOn: BusinessDate;
  readonly requestedBy: string;
}

export interface Rejection {
  /** Rejected by the appraisal council, or by the approver after a passed appraisal. */
  readonly stage: 'appraisal' | 'approval';
  readonly reason: string;
}

export interface Cancellation {
  readonly reason: string;
  readonly cancelledOn: BusinessDate;
  readonly cancelledFrom: CancellableStatus;
  /** Net disbursed at the moment of cancellation; what is still due is the net disbursed now. */
  readonly amountToRecoverVnd: Vnd;
}

export type Settlement = Readonly<ProjectSettled['data']>;

export type UnregisteredProject = Readonly<{ status: 'unregistered' }>;
export type RegisteredProject = Readonly<{ status: 'registered'; dossier: Dossier }>;
export type UnderAppraisalProject = Readonly<{ status: 'under_appraisal'; dossier: Dossier }>;
export type RevisionRequestedProject = Readonly<{
  status: 'revision_requested';
  dossier: Dossier;
  revision: Revision;
}>;
export type AppraisedProject = Readonly<{
  status: 'appraised';
  dossier: Dossier;
  appraisal: Appraisal;
}>;
/** What a project holds once approved, once in execution, once accepted: each adds to the last. */
type ApprovedParts = { dossier: Dossier; appraisal: Appraisal; approval: Approval };
type ExecutionParts = ApprovedParts & { execution: Execution; disbursed: Disbursed };
type AcceptedParts = ExecutionParts & {
  acceptedOn: BusinessDate;
  acceptanceNotes: string;
  acceptedBy: string;
};
export type ApprovedProject = Readonly<{ status: 'approved' } & ApprovedParts>;
export type InExecutionProject = Readonly<{ status: 'in_execution' } & ExecutionParts>;
export type AcceptedProject = Readonly<{ status: 'accepted' } & AcceptedParts>;
export type SettledProject = Readonly<
  { status: 'settled'; settlement: Settlement } & AcceptedParts
>;
export type RejectedProject = Readonly<{
  status: 'rejected';
  dossier: Dossier;
  /** Present when the approver rejected a project the council had passed. */
  appraisal?: Appraisal;
  rejection: Rejection;
}>;
export type CancelledProject = Readonly<{
  status: 'cancelled';
  dossier: Dossier;
  appraisal?: Appraisal;
  approval?: Approval;
  execution?: Execution;
  disbursed: Disbursed;
  cancellation: Cancellation;
}>;

export type ProjectState =
  | UnregisteredProject
  | RegisteredProject
  | UnderAppraisalProject
  | RevisionRequestedProject
  | AppraisedProject
  | ApprovedProject
  | InExecutionProject
  | AcceptedProject
  | SettledProject
  | RejectedProject
  | CancelledProject;

export type ProjectStateStatus = ProjectState['status'];
export type ProjectStateIn<S extends ProjectStateStatus> = Extract<ProjectState, { status: S }>;

/** The statuses a project can be cancelled from: every one before acceptance. */
export const CANCELLABLE_STATUSES = STATUSES_BEFORE_ACCEPTANCE;
export type CancellableStatus = (typeof CANCELLABLE_STATUSES)[number];

/** Every status a project has once registered. */
export const REGISTERED_STATUSES: readonly Exclude<ProjectStateStatus, 'unregistered'>[] =
  PROJECT_STATUSES;

export const NOTHING_DISBURSED: Disbursed = {
  advancesVnd: 0,
  paymentsVnd: 0,
  recoveredVnd: 0,
  recordedBy: [],
};

export const initialProjectState = (): ProjectState => ({ status: 'unregistered' });

/**
 * Folds one event into the state. Events are facts already decided, so no business rule is
 * checked again here; but an event that cannot follow the current status means the stream
 * and this code disagree, and replaying it silently would show a false state.
 */
export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered': {
      expectStatus(state, event, ['unregistered']);
      const { projectId, planYear, district, registeredBy, ...details } = event.data;
      return {
        status: 'registered',
        dossier: {
          projectId,
          planYear,
          district,
          registeredBy,
          proposedBy: [registeredBy],
          details,
          sentReminderIds: [],
        },
      };
    }
    case 'AppraisalStarted': {
      const s = expectStatus(state, event, ['registered']);
      return { status: 'under_appraisal', dossier: s.dossier };
    }
    case 'AppraisalPassed': {
      const s = expectStatus(state, event, ['under_appraisal']);
      const { appraisedFundingVnd, appraisedBy, notes } = event.data;
      return {
        status: 'appraised',
        dossier: s.dossier,
        appraisal: { appraisedFundingVnd, appraisedBy, notes },
      };
    }
    case 'RevisionRequested': {
      const s = expectStatus(state, event, ['under_appraisal']);
      const { notes, requestedOn, appraisedBy } = event.data;
      return {
        status: 'revision_requested',
        dossier: s.dossier,
        revision: { notes, requestedOn, requestedBy: appraisedBy },
      };
    }
    case 'AppraisalRejected': {
      const s = expectStatus(state, event, ['under_appraisal']);
      return {
        status: 'rejected',
        dossier: s.dossier,
        rejection: { stage: 'appraisal', reason: event.data.notes },
      };
    }
    case 'ProjectResubmitted': {
      const s = expectStatus(state, event, ['revision_requested']);
      const { resubmittedBy } = event.data;
      const proposedBy = withOnce(s.dossier.proposedBy, resubmittedBy);
      const details = { ...s.dossier.details, ...changedDetails(event.data.changes) };
      return { status: 'registered', dossier: { ...s.dossier, proposedBy, details } };
    }
    case 'ProjectApproved': {
      const s = expectStatus(state, event, ['appraised']);
      const { decisionNo, decisionDate, approvedFundingVnd, approvedBy } = event.data;
      return {
        ...s,
        status: 'approved',
        approval: { decisionNo, decisionDate, approvedFundingVnd, decidedBy: [approvedBy] },
      };
    }
    case 'ProjectRejected': {
      const s = expectStatus(state, event, ['appraised']);
      return {
        status: 'rejected',
        dossier: s.dossier,
        appraisal: s.appraisal,
        rejection: { stage: 'approval', reason: event.data.reason },
      };
    }
    case 'ExecutionStarted': {
      const s = expectStatus(state, event, ['approved']);
      return {
        ...s,
        status: 'in_execution',
        execution: { startedOn: event.data.startedOn, reports: {}, achieved: {}, inspections: [] },
        disbursed: NOTHING_DISBURSED,
      };
    }
    case 'ProgressReported': {
      const s = expectStatus(state, event, ['in_execution']);
      const { period, reportedOn, achievements } = event.data;
      const reports = { ...s.execution.reports, [period]: { reportedOn, achievements } };
      return { ...s, execution: { ...s.execution, reports, achieved: achievedTotals(reports) } };
    }
    case 'AdvanceDisbursed': {
      const s = expectStatus(state, event, ['in_execution']);
      return { ...s, disbursed: add(s.disbursed, 'advancesVnd', event.data) };
    }
    case 'PaymentDisbursed': {
      const s = expectStatus(state, event, ['accepted']);
      return { ...s, disbursed: add(s.disbursed, 'paymentsVnd', event.data) };
    }
    case 'FundsRecovered': {
      const s = expectStatus(state, event, ['accepted', 'cancelled']);
      return { ...s, disbursed: add(s.disbursed, 'recoveredVnd', event.data) };
    }
    case 'InspectionRecorded': {
      const s = expectStatus(state, event, ['in_execution']);
      const { inspectedOn, findings, outcome } = event.data;
      const inspections = [...s.execution.inspections, { inspectedOn, findings, outcome }];
      return { ...s, execution: { ...s.execution, inspections } };
    }
    case 'ProjectAdjusted': {
      const s = expectStatus(state, event, ['in_execution']);
      const { approvedFundingVnd, plannedEnd, targets, adjustedBy } = event.data;
      const details = {
        ...s.dossier.details,
        ...(plannedEnd !== undefined ? { plannedEnd } : {}),
        ...(targets !== undefined ? { targets } : {}),
      };
      const approval = {
        ...s.approval,
        ...(approvedFundingVnd !== undefined ? { approvedFundingVnd } : {}),
        decidedBy: withOnce(s.approval.decidedBy, adjustedBy),
      };
      return { ...s, dossier: { ...s.dossier, details }, approval };
    }
    case 'ProjectAccepted': {
      const s = expectStatus(state, event, ['in_execution']);
      return {
        ...s,
        status: 'accepted',
        acceptedOn: event.data.acceptedOn,
        acceptanceNotes: event.data.notes,
        acceptedBy: event.data.acceptedBy,
      };
    }
    case 'ProjectSettled': {
      const s = expectStatus(state, event, ['accepted']);
      const { settledAmountVnd, settledOn, decisionNo } = event.data;
      return { ...s, status: 'settled', settlement: { settledAmountVnd, settledOn, decisionNo } };
    }
    case 'ProjectCancelled': {
      const s = expectStatus(state, event, CANCELLABLE_STATUSES);
      const { reason, cancelledOn, amountToRecoverVnd } = event.data;
      return {
        status: 'cancelled',
        dossier: s.dossier,
        appraisal: 'appraisal' in s ? s.appraisal : undefined,
        approval: 'approval' in s ? s.approval : undefined,
        execution: 'execution' in s ? s.execution : undefined,
        disbursed: 'disbursed' in s ? s.disbursed : NOTHING_DISBURSED,
        cancellation: { reason, cancelledOn, cancelledFrom: s.status, amountToRecoverVnd },
      };
    }
    case 'ReminderSent': {
      const s = expectStatus(state, event, REGISTERED_STATUSES);
      const sent = sentReminderIdsOf(s.dossier);
      if (sent.includes(event.data.reminderId)) return s;
      return {
        ...s,
        dossier: { ...s.dossier, sentReminderIds: [...sent, event.data.reminderId] },
      };
    }
    case 'PersonalDataErased': {
      const s = expectStatus(state, event, REGISTERED_STATUSES);
      return { ...s, dossier: { ...s.dossier, personalDataErased: true } };
    }
    case 'BeneficiaryCorrected': {
      const s = expectStatus(state, event, REGISTERED_STATUSES);
      const details = { ...s.dossier.details, beneficiary: event.data.beneficiary };
      return { ...s, dossier: { ...s.dossier, details } };
    }
    default:
      return assertNever(event, 'project event');
  }
}

function expectStatus<S extends ProjectStateStatus>(
  state: ProjectState,
  event: ProjectEvent,
  statuses: readonly S[],
): ProjectStateIn<S> {
  if (!(statuses as readonly ProjectStateStatus[]).includes(state.status)) {
    throw new Error(
      `${event.type} cannot follow a project that is ${state.status}: the stream and the decider disagree`,
    );
  }
  return state as ProjectStateIn<S>;
}

function add(
  disbursed: Disbursed,
  key: 'advancesVnd' | 'paymentsVnd' | 'recoveredVnd',
  { amountVnd, recordedBy }: { amountVnd: Vnd; recordedBy: string },
): Disbursed {
  return {
    ...disbursed,
    [key]: saturatingSumVnd([disbursed[key], amountVnd]),
    recordedBy: withOnce(disbursed.recordedBy, recordedBy),
  };
}

/** `people` with `person` added unless already there. */
function withOnce(people: readonly string[], person: string): readonly string[] {
  return people.includes(person) ? people : [...people, person];
}

/** Sums each indicator over the reports in force, one per period. */
export function achievedTotals(
  reports: Readonly<Record<Period, ProgressReport>>,
): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const report of Object.values(reports)) {
    for (const { indicator, value } of report.achievements) {
      totals[indicator] = (totals[indicator] ?? 0) + value;
    }
  }
  return totals;
}
