import type { Database, Statement } from 'better-sqlite3';
import type { BusinessDate, Period } from '../shared/business-date';
import { periodOf } from '../shared/business-date';
import type {
  DistrictNames,
  PlanReminderFacts,
  PlanStatus,
  ProjectReminderFacts,
  ReminderFacts,
} from './rules/reminder-facts';
import { firstDayOf, previousPeriod } from './rules/reminder-dates';
import type { ReminderSettings } from './rules/reminder-settings';
import type { ProjectStatus } from '../projects/domain/project.types';

/**
 * Loads what a scan needs from the reminder_* read model (reminder-facts.projection.ts): the
 * open plans, and only the projects in a status some rule can remind about. Settled projects
 * matter only to the monthly progress rule, for the months it still checks, so only those
 * accepted since the first of those months are read: the settled history of past years is
 * never loaded.
 */
export class ReminderFactsReader {
  private statements?: { readonly projects: Statement; readonly plans: Statement };

  /** The tables are made by the projections at start: the statements are prepared on first use. */
  constructor(private readonly db: Database) {}

  private prepared(): { readonly projects: Statement; readonly plans: Statement } {
    this.statements ??= {
      projects: this.db
        .prepare(
          `
      SELECT project_id, status, district, plan_year, title, registered_on, revision_requested_on,
        execution_started_on, planned_end, accepted_on, reported_periods, sent_reminder_ids
      FROM reminder_project_facts
      WHERE status IN ('registered', 'revision_requested', 'approved', 'in_execution', 'accepted')
        OR (status = 'settled' AND accepted_on >= ?)`,
        )
        .raw(true),
      plans: this.db
        .prepare(
          `
      SELECT year, status, registration_deadline, districts_submitted, sent_reminder_ids
      FROM reminder_plan_facts WHERE status = 'open'`,
        )
        .raw(true),
    };
    return this.statements;
  }

  load(asOf: BusinessDate, settings: ReminderSettings, districts: DistrictNames): ReminderFacts {
    const settledSince = firstDayOf(
      oldestCheckedMonth(asOf, settings.monthlyProgress.previousMonths),
    );
    // Rows as arrays: for 100,000 projects, building one keyed object per row is a third of the read.
    const { projects: projectRows, plans: planRows } = this.prepared();
    const projects = (projectRows.all(settledSince) as ProjectRow[]).map(toProjectFacts);
    const plans = (planRows.all() as PlanRow[]).map(toPlanFacts);
    return { plans, projects, districts };
  }
}

function oldestCheckedMonth(asOf: BusinessDate, previousMonths: number): Period {
  let period = periodOf(asOf);
  for (let i = 0; i < previousMonths; i++) period = previousPeriod(period);
  return period;
}

/** The columns of the SELECT above, in order. */
type ProjectRow = [
  projectId: string,
  status: ProjectStatus,
  district: string,
  planYear: number,
  title: string,
  registeredOn: string,
  revisionRequestedOn: string | null,
  executionStartedOn: string | null,
  plannedEnd: string,
  acceptedOn: string | null,
  reportedPeriods: string,
  sentReminderIds: string,
];

type PlanRow = [
  year: number,
  status: PlanStatus,
  registrationDeadline: string | null,
  districtsSubmitted: string,
  sentReminderIds: string,
];

function toProjectFacts(row: ProjectRow): ProjectReminderFacts {
  return {
    projectId: row[0],
    status: row[1],
    district: row[2],
    planYear: row[3],
    title: row[4],
    registeredOn: row[5],
    revisionRequestedOn: row[6],
    executionStartedOn: row[7],
    plannedEnd: row[8],
    acceptedOn: row[9],
    reportedPeriods: jsonList(row[10]),
    sentReminderIds: jsonList(row[11]),
  };
}

function toPlanFacts(row: PlanRow): PlanReminderFacts {
  return {
    year: row[0],
    status: row[1],
    registrationDeadline: row[2],
    districtsSubmitted: jsonList(row[3]),
    sentReminderIds: jsonList(row[4]),
  };
}

const EMPTY: readonly string[] = [];

function jsonList(text: string): readonly string[] {
  return text === '[]' ? EMPTY : (JSON.parse(text) as string[]);
}
