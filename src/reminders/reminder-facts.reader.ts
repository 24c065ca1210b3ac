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
  private readonly projects: Statement;
  private readonly plans: Statement;

  constructor(db: Database) {
    this.projects = db.prepare(`
      SELECT project_id, status, district, plan_year, title, registered_on, revision_requested_on,
        execution_started_on, planned_end, accepted_on, reported_periods, sent_reminder_ids
      FROM reminder_project_facts
      WHERE status IN ('registered', 'revision_requested', 'approved', 'in_execution', 'accepted')
        OR (status = 'settled' AND accepted_on >= ?)`);
    this.plans = db.prepare(`
      SELECT year, status, registration_deadline, districts_submitted, sent_reminder_ids
      FROM reminder_plan_facts WHERE status = 'open'`);
  }

  load(asOf: BusinessDate, settings: ReminderSettings, districts: DistrictNames): ReminderFacts {
    const settledSince = firstDayOf(
      oldestCheckedMonth(asOf, settings.monthlyProgress.previousMonths),
    );
    const projects = (this.projects.all(settledSince) as ProjectRow[]).map(toProjectFacts);
    const plans = (this.plans.all() as PlanRow[]).map(toPlanFacts);
    return { plans, projects, districts };
  }
}

function oldestCheckedMonth(asOf: BusinessDate, previousMonths: number): Period {
  let period = periodOf(asOf);
  for (let i = 0; i < previousMonths; i++) period = previousPeriod(period);
  return period;
}

interface ProjectRow {
  project_id: string;
  status: ProjectStatus;
  district: string;
  plan_year: number;
  title: string;
  registered_on: string;
  revision_requested_on: string | null;
  execution_started_on: string | null;
  planned_end: string;
  accepted_on: string | null;
  reported_periods: string;
  sent_reminder_ids: string;
}

interface PlanRow {
  year: number;
  status: PlanStatus;
  registration_deadline: string | null;
  districts_submitted: string;
  sent_reminder_ids: string;
}

function toProjectFacts(row: ProjectRow): ProjectReminderFacts {
  return {
    projectId: row.project_id,
    district: row.district,
    planYear: row.plan_year,
    title: row.title,
    status: row.status,
    registeredOn: row.registered_on,
    revisionRequestedOn: row.revision_requested_on,
    executionStartedOn: row.execution_started_on,
    plannedEnd: row.planned_end,
    acceptedOn: row.accepted_on,
    reportedPeriods: JSON.parse(row.reported_periods) as string[],
    sentReminderIds: JSON.parse(row.sent_reminder_ids) as string[],
  };
}

function toPlanFacts(row: PlanRow): PlanReminderFacts {
  return {
    year: row.year,
    status: row.status,
    registrationDeadline: row.registration_deadline,
    districtsSubmitted: JSON.parse(row.districts_submitted) as string[],
    sentReminderIds: JSON.parse(row.sent_reminder_ids) as string[],
  };
}
