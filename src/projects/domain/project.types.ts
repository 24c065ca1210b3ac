import type { BusinessDate, Period } from '../../shared/business-date';
import type { Vnd } from '../../shared/vnd';

/** Values shared by the project's commands, events and state. */

export type ProjectStatus =
  | 'registered'
  | 'under_appraisal'
  | 'revision_requested'
  | 'appraised'
  | 'approved'
  | 'in_execution'
  | 'accepted'
  | 'settled'
  | 'rejected'
  | 'cancelled';

export type FundingSource = 'local' | 'national';

export interface Beneficiary {
  readonly name: string;
  readonly address?: string;
  /** Mã số thuế / đăng ký kinh doanh, when the beneficiary is an establishment. */
  readonly taxCode?: string;
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
  readonly beneficiary: Beneficiary;
  readonly requestedFundingVnd: Vnd;
  readonly counterpartFundingVnd: Vnd;
  readonly fundingSource: FundingSource;
  readonly targets: readonly IndicatorTarget[];
  readonly plannedStart: BusinessDate;
  readonly plannedEnd: BusinessDate;
  readonly description?: string;
}

/** How a reminder reached its recipients (src/reminders notifiers). */
export type ReminderChannel = 'webhook' | 'email';

export type { BusinessDate, Period, Vnd };
