import type { BusinessDate } from '../../shared/business-date';
import type {
  ApprovePlan,
  OpenPlan,
  RecordPlanReminderSent,
  SubmitDistrictRegistration,
} from './plan.commands';

/**
 * Events of one yearly plan, past tense. Who opened, submitted and compiled is kept in `data`
 * because the plan's own rules need it later (whoever compiled cannot approve).
 * An event that records a command takes the command's data, so the two cannot drift apart.
 */

export type PlanOpened = Readonly<{
  type: 'PlanOpened';
  data: OpenPlan['data'] & { readonly openedBy: string };
}>;

export type DistrictRegistrationSubmitted = Readonly<{
  type: 'DistrictRegistrationSubmitted';
  data: SubmitDistrictRegistration['data'] & {
    readonly submittedOn: BusinessDate;
    /** Submitted after the registration deadline (the deadline day itself is on time). */
    readonly late: boolean;
    readonly submittedBy: string;
    /** 1 for the district's first submission; a later one replaces the earlier registration. */
    readonly submissionNo: number;
  };
}>;

export type PlanCompiled = Readonly<{
  type: 'PlanCompiled';
  data: {
    readonly compiledOn: BusinessDate;
    readonly compiledBy: string;
    readonly districtsSubmitted: readonly string[];
    /** Districts known when compiling that sent no registration. */
    readonly districtsMissing: readonly string[];
    /** Every registered project id, district by district in order of first submission. */
    readonly projectIds: readonly string[];
  };
}>;

export type PlanApproved = Readonly<{
  type: 'PlanApproved';
  data: ApprovePlan['data'] & { readonly approvedBy: string };
}>;

/** A reminder about the plan was delivered (src/reminders); the scan never sends it again. */
export type PlanReminderSent = Readonly<{
  type: 'ReminderSent';
  data: RecordPlanReminderSent['data'];
}>;

export type PlanEvent =
  PlanOpened | DistrictRegistrationSubmitted | PlanCompiled | PlanApproved | PlanReminderSent;

export type PlanEventType = PlanEvent['type'];
