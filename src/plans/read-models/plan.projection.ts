import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection } from '../../projections/projection';
import { PLAN_STREAM_PREFIX as STREAM_PREFIX, planDecider } from '../domain/plan.decider';
import type { PlanState } from '../domain/plan.state';
import { planSerde } from '../plan.serde';
import { foldBatch, type BatchFolded, type StoredState } from '../../shared/fold-batch';
import { memoLast } from '../../shared/memo-last';
import {
  dropTableWithout,
  storedSnapshot,
  type SnapshotRow,
} from '../../projections/snapshot-format';

/**
 * The format of the plan's folded state kept in plan_summary.state_json: the JSON of
 * `PlanState` as this code folds it. Raise it when the shape of `PlanState` changes, or when
 * an upcaster in plan.serde.ts changes what the fold sees: the stored states were folded from
 * the events as the old code read them. Raising it raises the projection's version, so the
 * runner resets the rows and folds the whole log again through the serde. (Format 1 was the
 * same JSON in a table without the column: setup drops that table.)
 */
export const PLAN_SNAPSHOT_FORMAT = 2;

/** A plan's folded state once opened (in any status after). */
export type ExistingPlan = Exclude<PlanState, { status: 'none' }>;

/**
 * A read model built from the plans' folded state rather than from events, written in the
 * transaction that writes plan_summary: it holds the versions plan_summary holds.
 */
export interface PlanStateReadModel {
  /** Raise when its tables or logic change: the plan projection's version rises with it. */
  readonly version: number;
  setup(db: Database): void;
  reset(db: Database): void;
  /** Writes the rows of the plans that changed in a batch. */
  save(db: Database, plans: readonly ExistingPlan[]): void;
}

/**
 * One row per yearly plan (its programme, status and deadline: reports reach a project's
 * programme through its plan year) and one row per district that registered. Districts that
 * did not register are not stored: they are the known districts without a row, worked out
 * when read, because the set of districts is reference data that may change.
 */
export class PlanProjection implements Projection {
  readonly name = 'plans';
  /**
   * The snapshot format plus the version of every read model fed (each only ever rises, so
   * this rises with any of them, and the runner rebuilds them all from the log).
   */
  readonly version: number;

  /** `readModels`: the read models that need the plans' folded state (the reminders' facts). */
  constructor(private readonly readModels: readonly PlanStateReadModel[] = []) {
    this.version = readModels.reduce((sum, model) => sum + model.version, PLAN_SNAPSHOT_FORMAT);
  }

  setup(db: Database): void {
    dropTableWithout(db, 'plan_summary', 'snapshot_format');
    db.exec(`
      CREATE TABLE IF NOT EXISTS plan_summary (
        year INTEGER PRIMARY KEY,
        program_code TEXT NOT NULL,
        status TEXT NOT NULL,
        registration_deadline TEXT NOT NULL,
        compiled_on TEXT,
        decision_no TEXT,
        decision_date TEXT,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        snapshot_format INTEGER NOT NULL,
        state_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS plan_summary_by_programme ON plan_summary (program_code);
      CREATE TABLE IF NOT EXISTS plan_registrations (
        year INTEGER NOT NULL,
        district TEXT NOT NULL,
        late INTEGER NOT NULL,
        submitted_on TEXT NOT NULL,
        submissions INTEGER NOT NULL,
        project_count INTEGER NOT NULL,
        PRIMARY KEY (year, district)
      ) STRICT;
    `);
    for (const model of this.readModels) model.setup(db);
  }

  reset(db: Database): void {
    db.exec('DELETE FROM plan_summary; DELETE FROM plan_registrations;');
    for (const model of this.readModels) model.reset(db);
  }

  apply(db: Database, events: readonly RecordedEvent[]): void {
    const statements = this.statements(db);
    const touched = foldBatch(events, {
      keyOf: yearOf,
      load: (year: number) => load(statements, year),
      evolve: (state, event) => planDecider.evolve(state, planSerde.deserialize(event)),
    });
    const changed: ExistingPlan[] = [];
    for (const folded of touched.values()) {
      // A stream that never held PlanOpened has nothing to show.
      if (!folded.changed || folded.state.status === 'none') continue;
      save(statements, folded.state, folded);
      changed.push(folded.state);
    }
    if (changed.length === 0) return;
    for (const model of this.readModels) model.save(db, changed);
  }

  private readonly statements = memoLast(prepare);
}

interface Statements {
  load: Statement;
  upsert: Statement;
  clearRegistrations: Statement;
  insertRegistration: Statement;
}

function prepare(db: Database): Statements {
  return {
    load: db.prepare(
      'SELECT state_json, snapshot_format, version FROM plan_summary WHERE year = ?',
    ),
    upsert: db.prepare(`
      INSERT INTO plan_summary (year, program_code, status, registration_deadline, compiled_on,
        decision_no, decision_date, version, updated_at, snapshot_format, state_json)
      VALUES (@year, @programCode, @status, @registrationDeadline, @compiledOn, @decisionNo,
        @decisionDate, @version, @updatedAt, @snapshotFormat, @stateJson)
      ON CONFLICT(year) DO UPDATE SET program_code = excluded.program_code,
        status = excluded.status, registration_deadline = excluded.registration_deadline,
        compiled_on = excluded.compiled_on, decision_no = excluded.decision_no,
        decision_date = excluded.decision_date, version = excluded.version,
        updated_at = excluded.updated_at, snapshot_format = excluded.snapshot_format,
        state_json = excluded.state_json`),
    clearRegistrations: db.prepare('DELETE FROM plan_registrations WHERE year = ?'),
    insertRegistration: db.prepare(`
      INSERT INTO plan_registrations (year, district, late, submitted_on, submissions, project_count)
      VALUES (?, ?, ?, ?, ?, ?)`),
  };
}

/** The year in a plan's stream id `annual-plan-<year>`; undefined for any other stream. */
function yearOf(streamId: string): number | undefined {
  if (!streamId.startsWith(STREAM_PREFIX)) return undefined;
  const year = Number(streamId.slice(STREAM_PREFIX.length));
  return Number.isSafeInteger(year) ? year : undefined;
}

function load(statements: Statements, year: number): StoredState<PlanState> {
  const row = statements.load.get(year) as SnapshotRow | undefined;
  return storedSnapshot(row, PLAN_SNAPSHOT_FORMAT, `the ${year} plan`, planDecider.initialState());
}

function save(statements: Statements, state: ExistingPlan, folded: BatchFolded<PlanState>): void {
  statements.upsert.run({
    year: state.year,
    programCode: state.programCode,
    status: state.status,
    registrationDeadline: state.registrationDeadline,
    compiledOn: state.status === 'open' ? null : state.compiledOn,
    decisionNo: state.status === 'approved' ? state.decisionNo : null,
    decisionDate: state.status === 'approved' ? state.decisionDate : null,
    version: folded.version,
    updatedAt: folded.updatedAt,
    snapshotFormat: PLAN_SNAPSHOT_FORMAT,
    stateJson: JSON.stringify(state),
  });
  statements.clearRegistrations.run(state.year);
  for (const r of state.registrations) {
    statements.insertRegistration.run(
      state.year,
      r.district,
      r.late ? 1 : 0,
      r.submittedOn,
      r.submissions,
      r.projectIds.length,
    );
  }
}
