import type {
  AcceptProject,
  AdjustProject,
  ApproveProject,
  CorrectBeneficiary,
  ErasePersonalData,
  RecordDisbursement,
  RecordInspection,
  RecordReminderSent,
  RegisterProject,
  RejectProject,
  ReportProgress,
  ResubmitProject,
  SettleProject,
  StartExecution,
} from './project.commands';
import type { BusinessDate, Vnd } from './project.types';
import { occurredOnFrom } from '../../shared/occurred-on';
import type { AppliedNorm } from './project.money-rules';

/**
 * Events of one support project, past tense, each a fact that happened. The actor, the
 * command id and the recording time travel in the stored event's metadata; what the domain
 * itself needs later (who registered, appraised, approved, adjusted, accepted or recorded
 * money, for segregation of duties) is in `data`.
 * An event that records a command takes the command's data, so the two cannot drift apart.
 * Changing an event's shape means a new schema version and an upcaster in the serde.
 */

/** An event recording the data of command `C`, plus `Extra`. */
type Recording<Type extends string, C extends { data: object }, Extra = unknown> = Readonly<{
  type: Type;
  data: C['data'] & Extra;
}>;

export type ProjectRegistered = Recording<
  'ProjectRegistered',
  RegisterProject,
  { readonly registeredBy: string }
>;

export type AppraisalStarted = Readonly<{ type: 'AppraisalStarted'; data: { startedBy: string } }>;

/**
 * `supportNorm`: the norm in force on the day the decision was recorded, as applied (absent
 * when no norm of the activity type was in force, and in events recorded before norms had dates).
 */
interface JudgedByNorm {
  supportNorm?: AppliedNorm;
}

export type AppraisalPassed = Readonly<{
  type: 'AppraisalPassed';
  data: { appraisedFundingVnd: Vnd; notes: string; appraisedBy: string } & JudgedByNorm;
}>;

export type RevisionRequested = Readonly<{
  type: 'RevisionRequested';
  data: { notes: string; requestedOn: BusinessDate; appraisedBy: string };
}>;

export type AppraisalRejected = Readonly<{
  type: 'AppraisalRejected';
  data: { notes: string; appraisedBy: string };
}>;

export type ProjectResubmitted = Recording<
  'ProjectResubmitted',
  ResubmitProject,
  { resubmittedBy: string }
>;

/** approvedBy since schema version 2; older events take it from their metadata's actor. */
export type ProjectApproved = Recording<
  'ProjectApproved',
  ApproveProject,
  { approvedBy: string } & JudgedByNorm
>;

export type ProjectRejected = Recording<'ProjectRejected', RejectProject>;

export type ExecutionStarted = Recording<'ExecutionStarted', StartExecution>;

export type ProgressReported = Recording<
  'ProgressReported',
  ReportProgress,
  {
    /** True when this report replaces an earlier one for the same period. */
    replacesEarlierReport: boolean;
  }
>;

/** Money paid or recovered: the disbursement without its kind, which the event type names. */
type MoneyMoved<Type extends string> = Readonly<{
  type: Type;
  /** recordedBy since schema version 2 (older events: their metadata's actor). */
  data: Omit<RecordDisbursement['data'], 'kind'> & { recordedBy: string };
}>;

export type AdvanceDisbursed = MoneyMoved<'AdvanceDisbursed'>;
export type PaymentDisbursed = MoneyMoved<'PaymentDisbursed'>;
export type FundsRecovered = MoneyMoved<'FundsRecovered'>;

export type InspectionRecorded = Recording<'InspectionRecorded', RecordInspection>;

export type ProjectAdjusted = Recording<
  'ProjectAdjusted',
  AdjustProject,
  {
    /** Since schema version 2 (older events: their metadata's actor). */
    adjustedBy: string;
  } & JudgedByNorm
>;

/** acceptedBy since schema version 2 (older events: their metadata's actor). */
export type ProjectAccepted = Recording<'ProjectAccepted', AcceptProject, { acceptedBy: string }>;

export type ProjectSettled = Recording<'ProjectSettled', SettleProject>;

export type ProjectCancelled = Readonly<{
  type: 'ProjectCancelled';
  data: { reason: string; cancelledOn: BusinessDate; amountToRecoverVnd: Vnd };
}>;

/**
 * A reminder about the project was delivered (src/reminders); the scan never sends it again.
 * Yearly plans record the same event type with the same data (shared/reminder-sent.ts).
 */
export type ReminderSent = Recording<'ReminderSent', RecordReminderSent>;

/**
 * The beneficiary's personal data was erased: the vault destroyed the subject's keys. Only the
 * legal basis, the request and who erased are recorded.
 */
export type PersonalDataErased = Recording<
  'PersonalDataErased',
  ErasePersonalData,
  { readonly subjectId: string; readonly erasedBy: string }
>;

/** A corrected beneficiary value was recorded (a new sealed version in the vault). */
export type BeneficiaryCorrected = Recording<
  'BeneficiaryCorrected',
  CorrectBeneficiary,
  { readonly correctedBy: string }
>;

export type ProjectEvent =
  | ProjectRegistered
  | AppraisalStarted
  | AppraisalPassed
  | RevisionRequested
  | AppraisalRejected
  | ProjectResubmitted
  | ProjectApproved
  | ProjectRejected
  | ExecutionStarted
  | ProgressReported
  | AdvanceDisbursed
  | PaymentDisbursed
  | FundsRecovered
  | InspectionRecorded
  | ProjectAdjusted
  | ProjectAccepted
  | ProjectSettled
  | ProjectCancelled
  | ReminderSent
  | PersonalDataErased
  | BeneficiaryCorrected;

export type ProjectEventType = ProjectEvent['type'];

/** The field of each step that carries its own business date (occurred-on.ts). */
export const occurredOnOf = occurredOnFrom<ProjectEvent>({
  ProjectApproved: 'decisionDate',
  ExecutionStarted: 'startedOn',
  ProgressReported: 'reportedOn',
  AdvanceDisbursed: 'paidOn',
  PaymentDisbursed: 'paidOn',
  FundsRecovered: 'paidOn',
  InspectionRecorded: 'inspectedOn',
  ProjectAccepted: 'acceptedOn',
  ProjectSettled: 'settledOn',
  RevisionRequested: 'requestedOn',
  ProjectCancelled: 'cancelledOn',
});
