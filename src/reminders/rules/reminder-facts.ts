import type { BusinessDate, Period } from '../../shared/business-date';
import type { ProjectStatus } from '../../projects/domain/project.types';

/**
 * What the rules read, as the read models know it at scan time. Optional dates accept `null`
 * as well, so SQLite rows can be passed as they come.
 */

/** `open`: districts may still submit their registration; later statuses get no registration reminders. */
export type PlanStatus = 'open' | 'compiled' | 'approved';

export interface PlanReminderFacts {
  readonly year: number;
  readonly registrationDeadline?: BusinessDate | null;
  readonly status: PlanStatus;
  readonly districtsSubmitted: readonly string[];
  /** Reminder ids already recorded as sent on the plan's stream. */
  readonly sentReminderIds: readonly string[];
}

export interface ProjectReminderFacts {
  readonly projectId: string;
  readonly district: string;
  readonly planYear: number;
  readonly title: string;
  readonly status: ProjectStatus;
  /** Business date of the latest registration or resubmission. */
  readonly registeredOn: BusinessDate;
  /** Business date of the latest revision request. */
  readonly revisionRequestedOn?: BusinessDate | null;
  readonly executionStartedOn?: BusinessDate | null;
  /** As adjusted. */
  readonly plannedEnd: BusinessDate;
  readonly acceptedOn?: BusinessDate | null;
  /** Periods (`YYYY-MM`) that have a progress report. */
  readonly reportedPeriods: readonly Period[];
  /** Reminder ids already recorded as sent on the project's stream. */
  readonly sentReminderIds: readonly string[];
}

/**
 * The known registering units with their display names, official codes (where the
 * administrative units give one) and the days they existed (registering-units.ts: undated
 * units always register); `center` marks the Center's own unit, which no registration
 * reminder chases.
 */
export type DistrictNames = Readonly<
  Record<
    string,
    {
      readonly name: string;
      readonly code?: string;
      readonly validFrom?: string;
      readonly validTo?: string;
      readonly center?: boolean;
    }
  >
>;

export interface ReminderFacts {
  readonly plans: readonly PlanReminderFacts[];
  readonly projects: readonly ProjectReminderFacts[];
  readonly districts: DistrictNames;
}
