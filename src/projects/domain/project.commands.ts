import type { ReminderSentData } from '../../shared/reminder-sent';
import type {
  AppraisalOutcome,
  BeneficiaryRecord,
  BusinessDate,
  DisbursementKind,
  IndicatorTarget,
  IndicatorValue,
  InspectionOutcome,
  Period,
  RegistrationDetails,
  Vnd,
} from './project.types';

/** Commands on one support project (đề án / nhiệm vụ khuyến công), one per lifecycle step. */

export type RegisterProject = Readonly<{
  type: 'RegisterProject';
  data: RegistrationDetails & {
    readonly projectId: string;
    readonly planYear: number;
    readonly district: string;
  };
}>;

export type StartAppraisal = Readonly<{ type: 'StartAppraisal'; data: Record<string, never> }>;

export type RecordAppraisalResult = Readonly<{
  type: 'RecordAppraisalResult';
  data: { outcome: AppraisalOutcome; notes: string; appraisedFundingVnd?: Vnd };
}>;

export type ResubmitProject = Readonly<{
  type: 'ResubmitProject';
  data: { changes: Partial<RegistrationDetails> };
}>;

export type ApproveProject = Readonly<{
  type: 'ApproveProject';
  data: { decisionNo: string; decisionDate: BusinessDate; approvedFundingVnd: Vnd };
}>;

export type RejectProject = Readonly<{ type: 'RejectProject'; data: { reason: string } }>;

export type StartExecution = Readonly<{
  type: 'StartExecution';
  data: { startedOn: BusinessDate };
}>;

export type ReportProgress = Readonly<{
  type: 'ReportProgress';
  data: { period: Period; reportedOn: BusinessDate; achievements: readonly IndicatorValue[] };
}>;

export type RecordDisbursement = Readonly<{
  type: 'RecordDisbursement';
  data: { kind: DisbursementKind; amountVnd: Vnd; paidOn: BusinessDate; voucherNo: string };
}>;

export type RecordInspection = Readonly<{
  type: 'RecordInspection';
  data: { inspectedOn: BusinessDate; findings: string; outcome: InspectionOutcome };
}>;

export type AdjustProject = Readonly<{
  type: 'AdjustProject';
  data: {
    decisionNo: string;
    reason: string;
    approvedFundingVnd?: Vnd;
    plannedEnd?: BusinessDate;
    targets?: readonly IndicatorTarget[];
  };
}>;

export type AcceptProject = Readonly<{
  type: 'AcceptProject';
  data: { acceptedOn: BusinessDate; notes: string };
}>;

export type SettleProject = Readonly<{
  type: 'SettleProject';
  data: { settledAmountVnd: Vnd; settledOn: BusinessDate; decisionNo: string };
}>;

export type CancelProject = Readonly<{ type: 'CancelProject'; data: { reason: string } }>;

/**
 * Records that a reminder about the project was delivered. Not a business step: it is allowed
 * in every status, and recording the same reminder twice records nothing new.
 */
export type RecordReminderSent = Readonly<{
  type: 'RecordReminderSent';
  data: ReminderSentData;
}>;

/**
 * Erases the beneficiary's personal data at the data subject's request (Luật Bảo vệ dữ liệu cá
 * nhân): the record names the legal basis and the request, never the data.
 */
export type ErasePersonalData = Readonly<{
  type: 'ErasePersonalData';
  data: { readonly legalBasis: string; readonly requestRef: string };
}>;

/** Records a corrected beneficiary value (a new sealed version) at the subject's request. */
export type CorrectBeneficiary = Readonly<{
  type: 'CorrectBeneficiary';
  data: { readonly beneficiary: BeneficiaryRecord; readonly reason: string };
}>;

export type ProjectCommand =
  | RegisterProject
  | StartAppraisal
  | RecordAppraisalResult
  | ResubmitProject
  | ApproveProject
  | RejectProject
  | StartExecution
  | ReportProgress
  | RecordDisbursement
  | RecordInspection
  | AdjustProject
  | AcceptProject
  | SettleProject
  | CancelProject
  | RecordReminderSent
  | ErasePersonalData
  | CorrectBeneficiary;
