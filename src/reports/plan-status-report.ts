import type { Database } from 'better-sqlite3';
import type { DistrictRegistrationStatus, PlanStatus } from '../plans/domain/plan.state';
import {
  PlanQueries,
  type ExpectedUnits,
  type PlanFilter,
} from '../plans/read-models/plan-queries';

export interface PlanStatusRow {
  readonly year: number;
  readonly programCode: string;
  readonly planStatus: Exclude<PlanStatus, 'none'>;
  readonly registrationDeadline: string;
  readonly district: string;
  /** submitted (on or before the deadline), late (after it) or missing (nothing sent). */
  readonly status: DistrictRegistrationStatus;
  readonly submittedOn: string | null;
  readonly submissions: number;
  readonly projects: number;
}

/**
 * Every registering unit's registration for each plan: submitted, late or missing, against
 * the units expected for that plan's year. `district` limits the rows to one district (a district officer's own).
 */
export function planStatusReport(
  db: Database,
  filter: PlanFilter & { readonly district?: string },
  expected: ExpectedUnits,
): { rows: PlanStatusRow[] } {
  const plans = new PlanQueries(db).list(filter, expected);
  const rows = plans.flatMap((plan) =>
    plan.districts
      .filter((d) => filter.district === undefined || d.district === filter.district)
      .map((d) => ({
        year: plan.year,
        programCode: plan.programCode,
        planStatus: plan.status,
        registrationDeadline: plan.registrationDeadline,
        district: d.district,
        status: d.status,
        submittedOn: d.submittedOn ?? null,
        submissions: d.submissions,
        projects: d.projectIds.length,
      })),
  );
  return { rows };
}
