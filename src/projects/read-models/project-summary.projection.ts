import type { Database, Statement } from 'better-sqlite3';
import type { ProjectState } from '../domain/project.state';
import { projectView, type ProjectView } from '../domain/project.view';
import type { FoldedProject, ProjectStateReadModel } from './project-fold.projection';
import { memoLast } from '../../shared/memo-last';

/**
 * One row per project with its money and status, and one row per project and indicator,
 * for lists, details and reports. Fed by the project fold (project-fold.projection.ts), so
 * the read side shows the very state the write side's `evolve` folds: the two cannot drift.
 * `state_json` is the folded state, for the readers that show a project whole.
 */
export class ProjectSummaryReadModel implements ProjectStateReadModel {
  /** 2: the folded state holds the reminders sent. */
  readonly version = 2;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS project_summary (
        project_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        plan_year INTEGER NOT NULL,
        district TEXT NOT NULL,
        title TEXT NOT NULL,
        activity_type TEXT NOT NULL,
        funding_source TEXT NOT NULL,
        requested_vnd INTEGER NOT NULL,
        appraised_vnd INTEGER,
        approved_vnd INTEGER,
        net_disbursed_vnd INTEGER NOT NULL,
        settled_vnd INTEGER NOT NULL,
        amount_to_recover_vnd INTEGER NOT NULL,
        planned_start TEXT NOT NULL,
        planned_end TEXT NOT NULL,
        registered_on TEXT NOT NULL,
        first_position INTEGER NOT NULL,
        last_position INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        state_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS project_summary_by_district ON project_summary (district, plan_year);
      CREATE INDEX IF NOT EXISTS project_summary_by_status ON project_summary (status);
      CREATE INDEX IF NOT EXISTS project_summary_by_year ON project_summary (plan_year, status);
      CREATE TABLE IF NOT EXISTS project_indicators (
        project_id TEXT NOT NULL,
        indicator TEXT NOT NULL,
        target INTEGER NOT NULL,
        achieved INTEGER NOT NULL,
        PRIMARY KEY (project_id, indicator)
      ) STRICT;
    `);
  }

  reset(db: Database): void {
    db.exec('DELETE FROM project_summary; DELETE FROM project_indicators;');
  }

  save(db: Database, projects: readonly FoldedProject[]): void {
    const statements = this.statements(db);
    for (const project of projects) save(statements, project);
  }

  private readonly statements = memoLast(prepare);
}

interface Statements {
  upsert: Statement;
  clearIndicators: Statement;
  insertIndicator: Statement;
}

function prepare(db: Database): Statements {
  return {
    // Positional parameters: binding 21 named ones per row cost more than the rest of the save.
    upsert: db.prepare(`
      INSERT INTO project_summary (project_id, version, status, plan_year, district, title, activity_type,
        funding_source, requested_vnd, appraised_vnd, approved_vnd, net_disbursed_vnd, settled_vnd,
        amount_to_recover_vnd, planned_start, planned_end, registered_on, first_position, last_position,
        updated_at, state_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(project_id) DO UPDATE SET version = excluded.version, status = excluded.status,
        plan_year = excluded.plan_year, district = excluded.district, title = excluded.title,
        activity_type = excluded.activity_type, funding_source = excluded.funding_source,
        requested_vnd = excluded.requested_vnd, appraised_vnd = excluded.appraised_vnd,
        approved_vnd = excluded.approved_vnd, net_disbursed_vnd = excluded.net_disbursed_vnd,
        settled_vnd = excluded.settled_vnd, amount_to_recover_vnd = excluded.amount_to_recover_vnd,
        planned_start = excluded.planned_start, planned_end = excluded.planned_end,
        registered_on = excluded.registered_on, last_position = excluded.last_position,
        updated_at = excluded.updated_at, state_json = excluded.state_json`),
    clearIndicators: db.prepare('DELETE FROM project_indicators WHERE project_id = ?'),
    insertIndicator: db.prepare(
      'INSERT INTO project_indicators (project_id, indicator, target, achieved) VALUES (?, ?, ?, ?)',
    ),
  };
}

type IndicatorRow = readonly [indicator: string, target: number, achieved: number];

/** One row per indicator targeted or reported. */
function indicatorRows(view: ProjectView): IndicatorRow[] {
  const targets = new Map(view.targets.map((t) => [t.indicator, t.target]));
  const indicators = new Set([...targets.keys(), ...Object.keys(view.achieved)]);
  return [...indicators].map((indicator) => [indicator, targets.get(indicator) ?? 0, view.achieved[indicator] ?? 0]);
}

const indicatorKey = (rows: readonly IndicatorRow[]): string => JSON.stringify(rows);

function save(statements: Statements, project: FoldedProject): void {
  const { projectId, view } = project;
  statements.upsert.run(
    projectId,
    project.version,
    view.status,
    view.planYear,
    view.district,
    view.title,
    view.activityType,
    view.fundingSource,
    view.requestedFundingVnd,
    view.appraisedFundingVnd,
    view.approvedFundingVnd,
    view.netDisbursedVnd,
    view.settledVnd,
    view.amountToRecoverVnd,
    view.plannedStart,
    view.plannedEnd,
    project.registeredOn,
    project.firstPosition,
    project.lastPosition,
    project.updatedAt,
    project.stateJson,
  );
  // Most events (advances, inspections, approvals...) leave the indicators as they were.
  const rows = indicatorRows(view);
  if (project.previous && indicatorKey(rows) === indicatorKeyOf(project.previous)) return;
  statements.clearIndicators.run(projectId);
  for (const [indicator, target, achieved] of rows) statements.insertIndicator.run(projectId, indicator, target, achieved);
}

/** The indicator rows stored for the state before the batch ('' when it had no view). */
function indicatorKeyOf(previous: ProjectState): string {
  const view = projectView(previous);
  return view ? indicatorKey(indicatorRows(view)) : '';
}
