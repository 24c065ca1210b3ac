import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../event-store/event-store.port';
import { planDecider } from '../plans/domain/plan.decider';
import type { PlanState } from '../plans/domain/plan.state';
import { planSerde } from '../plans/plan.serde';
import type { Projection } from '../projections/projection';
import { projectIdOf } from '../projects/application/project-stream';
import { projectDecider } from '../projects/domain/project.decider';
import type { ProjectState } from '../projects/domain/project.state';
import { projectSerde } from '../projects/project.serde';
import { planReminderFacts, projectReminderFacts, REGISTRATION_EVENT_TYPES } from './subject-facts';

/** `annual-plan-<year>` (planStreamId). */
const PLAN_STREAM_PREFIX = 'annual-plan-';

/**
 * The reminder rules' facts, one narrow row per project and per plan, so a scan of 100,000
 * projects reads a few columns through an index on status instead of parsing every folded
 * state. The folded states live in their own table, read only when an event arrives.
 * The same `evolve` as the write side folds them, and the facts come from the same mapping
 * the delivery worker uses (subject-facts.ts).
 */
export class ReminderFactsProjection implements Projection {
  readonly name = 'reminder-facts';
  /** 2: the folded states keep the stream version they hold, so an event is never applied twice. */
  readonly version = 2;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS reminder_project_facts (
        project_id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        district TEXT NOT NULL,
        plan_year INTEGER NOT NULL,
        title TEXT NOT NULL,
        registered_on TEXT NOT NULL,
        revision_requested_on TEXT,
        execution_started_on TEXT,
        planned_end TEXT NOT NULL,
        accepted_on TEXT,
        reported_periods TEXT NOT NULL,
        sent_reminder_ids TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS reminder_project_facts_by_status
        ON reminder_project_facts (status, accepted_on);
      CREATE TABLE IF NOT EXISTS reminder_project_state (
        project_id TEXT PRIMARY KEY,
        state_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE IF NOT EXISTS reminder_plan_facts (
        year INTEGER PRIMARY KEY,
        status TEXT NOT NULL,
        registration_deadline TEXT,
        districts_submitted TEXT NOT NULL,
        sent_reminder_ids TEXT NOT NULL,
        state_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX IF NOT EXISTS reminder_plan_facts_by_status ON reminder_plan_facts (status);
    `);
    // Tables made by version 1 lack the column; the version change rebuilds their rows.
    for (const table of ['reminder_project_state', 'reminder_plan_facts']) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      if (!columns.some((column) => column.name === 'version'))
        db.exec(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 0`);
    }
  }

  reset(db: Database): void {
    db.exec(
      'DELETE FROM reminder_project_facts; DELETE FROM reminder_project_state; DELETE FROM reminder_plan_facts;',
    );
  }

  apply(db: Database, events: readonly RecordedEvent[]): void {
    const sql = this.statements(db);
    const projects = new Map<string, FoldedProject>();
    const plans = new Map<number, FoldedPlan>();
    // An event at or below the version a row holds is already applied (by another process,
    // or in a batch applied again): it is skipped, and a row nothing new reached is not written.
    for (const event of events) {
      const projectId = projectIdOf(event.streamId);
      if (projectId !== undefined) {
        const folded = projects.get(projectId) ?? loadProject(sql, projectId);
        projects.set(projectId, folded);
        if (event.version <= folded.version) continue;
        folded.state = projectDecider.evolve(folded.state, projectSerde.deserialize(event));
        folded.version = event.version;
        folded.changed = true;
        if (REGISTRATION_EVENT_TYPES.has(event.type))
          folded.registeredOn = event.metadata.occurredOn;
        continue;
      }
      const year = planYearOf(event.streamId);
      if (year !== undefined) {
        const folded = plans.get(year) ?? loadPlan(sql, year);
        plans.set(year, folded);
        if (event.version <= folded.version) continue;
        folded.state = planDecider.evolve(folded.state, planSerde.deserialize(event));
        folded.version = event.version;
        folded.changed = true;
      }
    }
    for (const [projectId, folded] of projects) if (folded.changed) saveProject(sql, projectId, folded);
    for (const [year, folded] of plans) if (folded.changed) savePlan(sql, year, folded);
  }

  private cached?: { db: Database; statements: Statements };

  private statements(db: Database): Statements {
    if (this.cached?.db !== db) this.cached = { db, statements: prepare(db) };
    return this.cached.statements;
  }
}

interface FoldedProject {
  state: ProjectState;
  /** The stream version the stored state holds. */
  version: number;
  registeredOn: string;
  changed?: boolean;
}

interface FoldedPlan {
  state: PlanState;
  /** The stream version the stored state holds. */
  version: number;
  changed?: boolean;
}

interface Statements {
  loadProject: Statement;
  upsertProjectFacts: Statement;
  upsertProjectState: Statement;
  loadPlan: Statement;
  upsertPlan: Statement;
}

function prepare(db: Database): Statements {
  return {
    loadProject: db.prepare(`
      SELECT s.state_json, s.version, f.registered_on FROM reminder_project_state s
      LEFT JOIN reminder_project_facts f ON f.project_id = s.project_id
      WHERE s.project_id = ?`),
    upsertProjectFacts: db.prepare(`
      INSERT INTO reminder_project_facts (project_id, status, district, plan_year, title,
        registered_on, revision_requested_on, execution_started_on, planned_end, accepted_on,
        reported_periods, sent_reminder_ids)
      VALUES (@projectId, @status, @district, @planYear, @title, @registeredOn,
        @revisionRequestedOn, @executionStartedOn, @plannedEnd, @acceptedOn, @reportedPeriods,
        @sentReminderIds)
      ON CONFLICT(project_id) DO UPDATE SET status = excluded.status,
        district = excluded.district, plan_year = excluded.plan_year, title = excluded.title,
        registered_on = excluded.registered_on,
        revision_requested_on = excluded.revision_requested_on,
        execution_started_on = excluded.execution_started_on,
        planned_end = excluded.planned_end, accepted_on = excluded.accepted_on,
        reported_periods = excluded.reported_periods,
        sent_reminder_ids = excluded.sent_reminder_ids`),
    upsertProjectState: db.prepare(`
      INSERT INTO reminder_project_state (project_id, state_json, version) VALUES (?, ?, ?)
      ON CONFLICT(project_id) DO UPDATE SET state_json = excluded.state_json,
        version = excluded.version`),
    loadPlan: db.prepare('SELECT state_json, version FROM reminder_plan_facts WHERE year = ?'),
    upsertPlan: db.prepare(`
      INSERT INTO reminder_plan_facts (year, status, registration_deadline, districts_submitted,
        sent_reminder_ids, state_json, version)
      VALUES (@year, @status, @registrationDeadline, @districtsSubmitted, @sentReminderIds,
        @stateJson, @version)
      ON CONFLICT(year) DO UPDATE SET status = excluded.status,
        registration_deadline = excluded.registration_deadline,
        districts_submitted = excluded.districts_submitted,
        sent_reminder_ids = excluded.sent_reminder_ids, state_json = excluded.state_json,
        version = excluded.version`),
  };
}

function planYearOf(streamId: string): number | undefined {
  if (!streamId.startsWith(PLAN_STREAM_PREFIX)) return undefined;
  const year = Number(streamId.slice(PLAN_STREAM_PREFIX.length));
  return Number.isSafeInteger(year) ? year : undefined;
}

function loadProject(sql: Statements, projectId: string): FoldedProject {
  const row = sql.loadProject.get(projectId) as
    { state_json: string; version: number; registered_on: string | null } | undefined;
  if (!row) return { state: projectDecider.initialState(), version: 0, registeredOn: '' };
  return {
    state: JSON.parse(row.state_json) as ProjectState,
    version: row.version,
    registeredOn: row.registered_on ?? '',
  };
}

function saveProject(sql: Statements, projectId: string, folded: FoldedProject): void {
  const facts = projectReminderFacts(folded.state, folded.registeredOn);
  if (!facts) return; // events before a registration cannot happen; nothing to remind about
  sql.upsertProjectState.run(projectId, JSON.stringify(folded.state), folded.version);
  sql.upsertProjectFacts.run({
    ...facts,
    revisionRequestedOn: facts.revisionRequestedOn ?? null,
    executionStartedOn: facts.executionStartedOn ?? null,
    acceptedOn: facts.acceptedOn ?? null,
    reportedPeriods: JSON.stringify(facts.reportedPeriods),
    sentReminderIds: JSON.stringify(facts.sentReminderIds),
  });
}

function loadPlan(sql: Statements, year: number): FoldedPlan {
  const row = sql.loadPlan.get(year) as { state_json: string; version: number } | undefined;
  return row
    ? { state: JSON.parse(row.state_json) as PlanState, version: row.version }
    : { state: planDecider.initialState(), version: 0 };
}

function savePlan(sql: Statements, year: number, folded: FoldedPlan): void {
  const { state } = folded;
  const facts = planReminderFacts(state);
  if (!facts) return;
  sql.upsertPlan.run({
    year,
    status: facts.status,
    registrationDeadline: facts.registrationDeadline ?? null,
    districtsSubmitted: JSON.stringify(facts.districtsSubmitted),
    sentReminderIds: JSON.stringify(facts.sentReminderIds),
    stateJson: JSON.stringify(state),
    version: folded.version,
  });
}
