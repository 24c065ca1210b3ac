import type { BusinessDate, Period } from '../../shared/business-date';
import type { Vnd } from '../../shared/vnd';

/** Values shared by the project's commands, events and state. */

/** The statuses a registered project passes through before acceptance, in lifecycle order. */
export const STATUSES_BEFORE_ACCEPTANCE = [
  'registered',
  'under_appraisal',
  'revision_requested',
  'appraised',
  'approved',
  'in_execution',
] as const;

/** Every status a registered project can be in, in lifecycle order: the one list of them. */
export const PROJECT_STATUSES = [
  ...STATUSES_BEFORE_ACCEPTANCE,
  'accepted',
  'settled',
  'rejected',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A funding source code of the reference data: `local`, `national`, or one the Center recorded. */
export type FundingSource = string;

export interface Beneficiary {
  readonly name: string;
  readonly address?: string;
  /** Mã số thuế / đăng ký kinh doanh, when the beneficiary is an establishment. */
  readonly taxCode?: string;
}

/**
 * The beneficiary's personal data as the log keeps it: a reference into the personal-data
 * vault (src/personal-data) and a keyed hash of the value, never the value itself, so an
 * erasure destroys the value without touching the hash-chained log (docs/audit.md).
 */
export interface SealedBeneficiary {
  readonly personalData: {
    /** The data subject: one per project's beneficiary. */
    readonly subjectId: string;
    /** 1 at registration; each resubmission with a new value or correction adds one. */
    readonly version: number;
    /** HMAC-SHA-256 of the value under the subject's own key (hex), gone with the key. */
    readonly hash: string;
  };
}

/**
 * A beneficiary in commands, events and state: sealed as the server records it, or plain in
 * events recorded before personal data left the log (and in the domain's own tests).
 */
export type BeneficiaryRecord = Beneficiary | SealedBeneficiary;

export function isSealedBeneficiary(value: BeneficiaryRecord): value is SealedBeneficiary {
  return typeof (value as SealedBeneficiary).personalData === 'object';
}

export interface IndicatorTarget {
  readonly indicator: string;
  readonly target: number;
}

export interface IndicatorValue {
  readonly indicator: string;
  readonly value: number;
}

export type AppraisalOutcome = 'passed' | 'revision_requested' | 'rejected';
export type DisbursementKind = 'advance' | 'payment' | 'recovery';
export type InspectionOutcome = 'satisfactory' | 'issues_found';

/** The registration fields a district can change when it resubmits. */
export interface RegistrationDetails {
  readonly title: string;
  readonly activityType: string;
  readonly beneficiary: BeneficiaryRecord;
  readonly requestedFundingVnd: Vnd;
  readonly counterpartFundingVnd: Vnd;
  readonly fundingSource: FundingSource;
  readonly targets: readonly IndicatorTarget[];
  readonly plannedStart: BusinessDate;
  readonly plannedEnd: BusinessDate;
  readonly description?: string;
  /**
   * Where the establishment is: the official code of a commune-level unit within the
   * registering unit's territory in the plan year (beneficiary-units.ts). Kept beside the
   * beneficiary, not in it: the beneficiary is personal data, sealed into the vault, and the
   * place decides eligibility. Absent in registrations recorded before it existed.
   */
  readonly beneficiaryUnit?: string;
}

/** How a reminder reached its recipients (src/reminders notifiers); one home: shared/reminder-sent.ts. */
export type { ReminderChannel } from '../../shared/reminder-sent';

export type { BusinessDate, Period, Vnd };
