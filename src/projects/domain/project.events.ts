import type {
  BeneficiaryRecord,
  BusinessDate,
  IndicatorTarget,
  IndicatorValue,
  InspectionOutcome,
  Period,
  RegistrationDetails,
  Vnd,
} from './project.types';
import type { ReminderSentData } from '../../shared/reminder-sent';

/**
 * Events of one support project, past tense, each a fact that happened. The actor, the
 * command id and the recording time travel in the stored event's metadata; what the domain
 * itself needs later (who registered, appraised, approved, adjusted, accepted or recorded
 * money, for segregation of duties) is in `data`.
 * Changing an event's shape means a new schema version and an upcaster in the serde.
 */

export type ProjectRegistered = Readonly<{
  type: 'ProjectRegistered';
  data: RegistrationDetails & {
    readonly projectId: string;
    readonly planYear: number;
    readonly district: string;
    readonly registeredBy: string;
  };
}>;

export type AppraisalStarted = Readonly<{ type: 'AppraisalStarted'; data: { startedBy: string } }>;

export type AppraisalPassed = Readonly<{
  type: 'AppraisalPassed';
  data: { appraisedFundingVnd: Vnd; notes: string; appraisedBy: string };
}>;

export type RevisionRequested = Readonly<{
  type: 'RevisionRequested';
  data: { notes: string; requestedOn: BusinessDate; appraisedBy: string };
}>;

export type AppraisalRejected = Readonly<{
  type: 'AppraisalRejected';
  data: { notes: string; appraisedBy: string };
}>;

export type ProjectResubmitted = Readonly<{
  type: 'ProjectResubmitted';
  data: { changes: Partial<RegistrationDetails>; resubmittedBy: string };
}>;

export type ProjectApproved = Readonly<{
  type: 'ProjectApproved';
  /** approvedBy since schema version 2; older events take it from their metadata's actor. */
  data: {
    decisionNo: string;
    decisionDate: BusinessDate;
    approvedFundingVnd: Vnd;
    approvedBy: string;
  };
}>;

export type ProjectRejected = Readonly<{ type: 'ProjectRejected'; data: { reason: string } }>;

export type ExecutionStarted = Readonly<{
  type: 'ExecutionStarted';
  data: { startedOn: BusinessDate };
}>;

export type ProgressReported = Readonly<{
  type: 'ProgressReported';
  data: {
    period: Period;
    reportedOn: BusinessDate;
    achievements: readonly IndicatorValue[];
    /** True when this report replaces an earlier one for the same period. */
    replacesEarlierReport: boolean;
  };
}>;

export type AdvanceDisbursed = Readonly<{
  type: 'AdvanceDisbursed';
  /** recordedBy since schema version 2 (older events: their metadata's actor). */
  data: { amountVnd: Vnd; paidOn: BusinessDate; voucherNo: string; recordedBy: string };
}>;

export type PaymentDisbursed = Readonly<{
  type: 'PaymentDisbursed';
  /** recordedBy since schema version 2 (older events: their metadata's actor). */
  data: { amountVnd: Vnd; paidOn: BusinessDate; voucherNo: string; recordedBy: string };
}>;

export type FundsRecovered = Readonly<{
  type: 'FundsRecovered';
  /** recordedBy since schema version 2 (older events: their metadata's actor). */
  data: { amountVnd: Vnd; paidOn: BusinessDate; voucherNo: string; recordedBy: string };
}>;

export type InspectionRecorded = Readonly<{
  type: 'InspectionRecorded';
  data: { inspectedOn: BusinessDate; findings: string; outcome: InspectionOutcome };
}>;

export type ProjectAdjusted = Readonly<{
  type: 'ProjectAdjusted';
  data: {
    decisionNo: string;
    reason: string;
    approvedFundingVnd?: Vnd;
    plannedEnd?: BusinessDate;
    targets?: readonly IndicatorTarget[];
    /** Since schema version 2 (older events: their metadata's actor). */
    adjustedBy: string;
  };
}>;

/** acceptedBy since schema version 2 (older events: their metadata's actor). */
export type ProjectAccepted = Readonly<{
  type: 'ProjectAccepted';
  data: { acceptedOn: BusinessDate; notes: string; acceptedBy: string };
}>;

export type ProjectSettled = Readonly<{
  type: 'ProjectSettled';
  data: { settledAmountVnd: Vnd; settledOn: BusinessDate; decisionNo: string };
}>;

export type ProjectCancelled = Readonly<{
  type: 'ProjectCancelled';
  data: { reason: string; cancelledOn: BusinessDate; amountToRecoverVnd: Vnd };
}>;

/**
 * A reminder about the project was delivered (src/reminders); the scan never sends it again.
 * Yearly plans record the same event type with the same data (shared/reminder-sent.ts).
 */
export type ReminderSent = Readonly<{ type: 'ReminderSent'; data: ReminderSentData }>;

/**
 * The beneficiary's personal data was erased: the vault destroyed the subject's keys. Only the
 * legal basis, the request and who erased are recorded.
 */
export type PersonalDataErased = Readonly<{
  type: 'PersonalDataErased';
  data: {
    readonly subjectId: string;
    readonly legalBasis: string;
    readonly requestRef: string;
    readonly erasedBy: string;
  };
}>;

/** A corrected beneficiary value was recorded (a new sealed version in the vault). */
export type BeneficiaryCorrected = Readonly<{
  type: 'BeneficiaryCorrected';
  data: { readonly beneficiary: BeneficiaryRecord; readonly reason: string; readonly correctedBy: string };
}>;

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

/**
 * The business date an event happened on: its own date when the step carries one
 * (a decision date, a payment date), otherwise the day it was recorded.
 */
export function occurredOnOf(event: ProjectEvent, today: BusinessDate): BusinessDate {
  switch (event.type) {
    case 'ProjectApproved':
      return event.data.decisionDate;
    case 'ExecutionStarted':
      return event.data.startedOn;
    case 'ProgressReported':
      return event.data.reportedOn;
    case 'AdvanceDisbursed':
    case 'PaymentDisbursed':
    case 'FundsRecovered':
      return event.data.paidOn;
    case 'InspectionRecorded':
      return event.data.inspectedOn;
    case 'ProjectAccepted':
      return event.data.acceptedOn;
    case 'ProjectSettled':
      return event.data.settledOn;
    case 'RevisionRequested':
      return event.data.requestedOn;
    case 'ProjectCancelled':
      return event.data.cancelledOn;
    default:
      return today;
  }
}
