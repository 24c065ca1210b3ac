import type { BusinessDate } from '../../shared/business-date';
import type { ReminderSentData } from '../../shared/reminder-sent';

/** Commands on one yearly plan (Kế hoạch khuyến công năm N), stream `annual-plan-<year>`. */

export type OpenPlan = Readonly<{
  type: 'OpenPlan';
  data: {
    readonly year: number;
    readonly programCode: string;
    readonly registrationDeadline: BusinessDate;
  };
}>;

/** A district's registration for the year; an empty list is an answer too ("nothing to register"). */
export type SubmitDistrictRegistration = Readonly<{
  type: 'SubmitDistrictRegistration';
  data: { readonly district: string; readonly projectIds: readonly string[] };
}>;

export type CompilePlan = Readonly<{ type: 'CompilePlan'; data: Record<string, never> }>;

export type ApprovePlan = Readonly<{
  type: 'ApprovePlan';
  data: { readonly decisionNo: string; readonly decisionDate: BusinessDate };
}>;

/**
 * Records that a reminder about the plan (a district's registration) was delivered. Allowed in
 * every status once the plan is open; recording the same reminder twice records nothing new.
 */
export type RecordPlanReminderSent = Readonly<{
  type: 'RecordReminderSent';
  data: ReminderSentData;
}>;

export type PlanCommand =
  OpenPlan | SubmitDistrictRegistration | CompilePlan | ApprovePlan | RecordPlanReminderSent;

export type PlanCommandType = PlanCommand['type'];
