import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection } from '../../projections/projection';
import { projectIdOf } from '../application/project-stream';
import { projectDecider } from '../domain/project.decider';
import type { ProjectState } from '../domain/project.state';
import { projectView, type ProjectView } from '../domain/project.view';
import { projectSerde } from '../project.serde';

/**
 * One row per project with its money and status, and one row per project and indicator,
 * for lists, details, reports and reminder rules. The row keeps the folded domain state, so
 * the read side applies the very `evolve` the write side decides with: the two cannot drift.
 */
export class ProjectSummaryProjection implements Projection {
  readonly name = 'project-summary';
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

  apply(db: Database, events: readonly RecordedEvent[]): void {
    const statements = this.statements(db);
    const touched = new Map<string, Folded>();
    for (const event of events) {
      const projectId = projectIdOf(event.streamId);
      if (projectId === undefined) continue;
      const folded = touched.get(projectId) ?? load(statements, projectId);
      touched.set(projectId, folded);
      // The row already holds this event (applied by another process, or a batch again).
      if (event.version <= folded.version) continue;
      folded.changed = true;
      folded.state = projectDecider.evolve(folded.state, projectSerde.deserialize(event));
      folded.version = event.version;
      folded.lastPosition = event.position;
      folded.firstPosition ??= event.position;
      folded.updatedAt = event.metadata.recordedAt;
      if (event.type === 'ProjectRegistered' || event.type === 'ProjectResubmitted') {
        folded.registeredOn = event.metadata.occurredOn;
      }
    }
    for (const [projectId, folded] of touched) if (folded.changed) save(statements, projectId, folded);
  }

  private cached?: { db: Database; statements: Statements };

  private statements(db: Database): Statements {
    if (this.cached?.db !== db) this.cached = { db, statements: prepare(db) };
    return this.cached.statements;
  }
}

interface Folded {
  state: ProjectState;
  /** The stream version the row holds: events at or below it are already applied. */
  version: number;
  /** Set once an event not yet held was applied: only those rows are written. */
  changed?: boolean;
  firstPosition?: bigint;
  lastPosition: bigint;
  updatedAt: string;
  registeredOn: string;
  /** The indicator rows as stored (indicatorKey), so a save that leaves them alone skips them. */
  storedIndicators: string;
}

interface Statements {
  load: Statement;
  upsert: Statement;
  clearIndicators: Statement;
  insertIndicator: Statement;
}

function prepare(db: Database): Statements {
  return {
    load: db.prepare(
      'SELECT state_json, version, first_position, registered_on FROM project_summary WHERE project_id = ?',
    ).safeIntegers(true),
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

function load(statements: Statements, projectId: string): Folded {
  const row = statements.load.get(projectId) as
    | { state_json: string; version: bigint; first_position: bigint; registered_on: string }
    | undefined;
  if (!row) {
    return {
      state: projectDecider.initialState(),
      version: 0,
      lastPosition: 0n,
      updatedAt: '',
      registeredOn: '',
      storedIndicators: '',
    };
  }
  const state = JSON.parse(row.state_json) as ProjectState;
  const view = projectView(state);
  return {
    state,
    version: Number(row.version),
    firstPosition: row.first_position,
    lastPosition: 0n,
    updatedAt: '',
    registeredOn: row.registered_on,
    storedIndicators: view ? indicatorKey(indicatorRows(view)) : '',
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

function save(statements: Statements, projectId: string, folded: Folded): void {
  const view = projectView(folded.state);
  if (!view) return; // events before a registration cannot happen; nothing to show
  statements.upsert.run(
    projectId,
    folded.version,
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
    folded.registeredOn,
    folded.firstPosition ?? folded.lastPosition,
    folded.lastPosition,
    folded.updatedAt,
    JSON.stringify(folded.state),
  );
  // Most events (advances, inspections, approvals...) leave the indicators as they were.
  const rows = indicatorRows(view);
  const key = indicatorKey(rows);
  if (key === folded.storedIndicators) return;
  statements.clearIndicators.run(projectId);
  for (const [indicator, target, achieved] of rows) statements.insertIndicator.run(projectId, indicator, target, achieved);
  folded.storedIndicators = key;
}
