import { unknownEventLeaves } from '../../shared/decider';
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
import type { AppliedNorm } from './project.money-rules';

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
  /** The norm that funding was judged by (the approval's, or the last adjustment's of it). */
  readonly supportNorm?: AppliedNorm;
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
 * checked again here, and nothing here throws: a read model must never stall on a recorded
 * event. An event that cannot follow the current status (a log this code did not write: the
 * decider never emits one, and the hash chain shows whether the log was altered) is left out
 * of the fold, the state staying as it was.
 */
export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered':
      return from(state, ['unregistered'], () => {
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
      });
    case 'AppraisalStarted':
      return from(state, ['registered'], (s) => {
        return { status: 'under_appraisal', dossier: s.dossier };
      });
    case 'AppraisalPassed':
      return from(state, ['under_appraisal'], (s) => {
        const { appraisedFundingVnd, appraisedBy, notes, supportNorm } = event.data;
        return {
          status: 'appraised',
          dossier: s.dossier,
          appraisal: {
            appraisedFundingVnd,
            appraisedBy,
            notes,
            ...(supportNorm && { supportNorm }),
          },
        };
      });
    case 'RevisionRequested':
      return from(state, ['under_appraisal'], (s) => {
        const { notes, requestedOn, appraisedBy } = event.data;
        return {
          status: 'revision_requested',
          dossier: s.dossier,
          revision: { notes, requestedOn, requestedBy: appraisedBy },
        };
      });
    case 'AppraisalRejected':
      return from(state, ['under_appraisal'], (s) => {
        return {
          status: 'rejected',
          dossier: s.dossier,
          rejection: { stage: 'appraisal', reason: event.data.notes },
        };
      });
    case 'ProjectResubmitted':
      return from(state, ['revision_requested'], (s) => {
        const { resubmittedBy } = event.data;
        const proposedBy = withOnce(s.dossier.proposedBy, resubmittedBy);
        const details = { ...s.dossier.details, ...changedDetails(event.data.changes) };
        return { status: 'registered', dossier: { ...s.dossier, proposedBy, details } };
      });
    case 'ProjectApproved':
      return from(state, ['appraised'], (s) => {
        const { decisionNo, decisionDate, approvedFundingVnd, approvedBy, supportNorm } =
          event.data;
        return {
          ...s,
          status: 'approved',
          approval: {
            decisionNo,
            decisionDate,
            approvedFundingVnd,
            decidedBy: [approvedBy],
            ...(supportNorm && { supportNorm }),
          },
        };
      });
    case 'ProjectRejected':
      return from(state, ['appraised'], (s) => {
        return {
          status: 'rejected',
          dossier: s.dossier,
          appraisal: s.appraisal,
          rejection: { stage: 'approval', reason: event.data.reason },
        };
      });
    case 'ExecutionStarted':
      return from(state, ['approved'], (s) => {
        return {
          ...s,
          status: 'in_execution',
          execution: {
            startedOn: event.data.startedOn,
            reports: {},
            achieved: {},
            inspections: [],
          },
          disbursed: NOTHING_DISBURSED,
        };
      });
    case 'ProgressReported':
      return from(state, ['in_execution'], (s) => {
        const { period, reportedOn, achievements } = event.data;
        const reports = { ...s.execution.reports, [period]: { reportedOn, achievements } };
        return { ...s, execution: { ...s.execution, reports, achieved: achievedTotals(reports) } };
      });
    case 'AdvanceDisbursed':
      return from(state, ['in_execution'], (s) => {
        return { ...s, disbursed: add(s.disbursed, 'advancesVnd', event.data) };
      });
    case 'PaymentDisbursed':
      return from(state, ['accepted'], (s) => {
        return { ...s, disbursed: add(s.disbursed, 'paymentsVnd', event.data) };
      });
    case 'FundsRecovered':
      return from(state, ['accepted', 'cancelled'], (s) => {
        return { ...s, disbursed: add(s.disbursed, 'recoveredVnd', event.data) };
      });
    case 'InspectionRecorded':
      return from(state, ['in_execution'], (s) => {
        const { inspectedOn, findings, outcome } = event.data;
        const inspections = [...s.execution.inspections, { inspectedOn, findings, outcome }];
        return { ...s, execution: { ...s.execution, inspections } };
      });
    case 'ProjectAdjusted':
      return from(state, ['in_execution'], (s) => {
        const { approvedFundingVnd, plannedEnd, targets, adjustedBy, supportNorm } = event.data;
        const details = {
          ...s.dossier.details,
          ...(plannedEnd !== undefined ? { plannedEnd } : {}),
          ...(targets !== undefined ? { targets } : {}),
        };
        const approval = {
          ...s.approval,
          ...(approvedFundingVnd !== undefined ? { approvedFundingVnd } : {}),
          ...(supportNorm && { supportNorm }),
          decidedBy: withOnce(s.approval.decidedBy, adjustedBy),
        };
        return { ...s, dossier: { ...s.dossier, details }, approval };
      });
    case 'ProjectAccepted':
      return from(state, ['in_execution'], (s) => {
        return {
          ...s,
          status: 'accepted',
          acceptedOn: event.data.acceptedOn,
          acceptanceNotes: event.data.notes,
          acceptedBy: event.data.acceptedBy,
        };
      });
    case 'ProjectSettled':
      return from(state, ['accepted'], (s) => {
        const { settledAmountVnd, settledOn, decisionNo } = event.data;
        return { ...s, status: 'settled', settlement: { settledAmountVnd, settledOn, decisionNo } };
      });
    case 'ProjectCancelled':
      return from(state, CANCELLABLE_STATUSES, (s) => {
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
      });
    case 'ReminderSent':
      return from(state, REGISTERED_STATUSES, (s) => {
        const sent = sentReminderIdsOf(s.dossier);
        if (sent.includes(event.data.reminderId)) return s;
        return {
          ...s,
          dossier: { ...s.dossier, sentReminderIds: [...sent, event.data.reminderId] },
        };
      });
    case 'PersonalDataErased':
      return from(state, REGISTERED_STATUSES, (s) => {
        return { ...s, dossier: { ...s.dossier, personalDataErased: true } };
      });
    case 'BeneficiaryCorrected':
      return from(state, REGISTERED_STATUSES, (s) => {
        const details = { ...s.dossier.details, beneficiary: event.data.beneficiary };
        return { ...s, dossier: { ...s.dossier, details } };
      });
    default:
      return unknownEventLeaves(event, state);
  }
}

/** `next` applied to `state` when the event can follow its status; otherwise `state` as it is. */
function from<S extends ProjectStateStatus>(
  state: ProjectState,
  statuses: readonly S[],
  next: (state: ProjectStateIn<S>) => ProjectState,
): ProjectState {
  return isIn(state, statuses) ? next(state) : state;
}

function isIn<S extends ProjectStateStatus>(
  state: ProjectState,
  statuses: readonly S[],
): state is ProjectStateIn<S> {
  return (statuses as readonly ProjectStateStatus[]).includes(state.status);
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
