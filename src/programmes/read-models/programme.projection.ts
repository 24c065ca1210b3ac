import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection } from '../../projections/projection';
import {
  PROGRAMME_STREAM_PREFIX as STREAM_PREFIX,
  programmeDecider,
} from '../domain/programme.decider';
import { programmeView, type ProgrammeState } from '../domain/programme.state';
import { programmeSerde } from '../programme.serde';
import { foldBatch, type BatchFolded, type StoredState } from '../../shared/fold-batch';
import { memoLast } from '../../shared/memo-last';
import {
  dropTableWithout,
  storedSnapshot,
  type SnapshotRow,
} from '../../projections/snapshot-format';

/**
 * The format of the programme's folded state kept in programme_summary.state_json (see
 * PLAN_SNAPSHOT_FORMAT: raise it when `ProgrammeState` or an upcaster in programme.serde.ts
 * changes). Format 1 was the same JSON without the column: setup drops that table.
 */
export const PROGRAMME_SNAPSHOT_FORMAT = 2;

/**
 * One row per programme, with its yearly budgets, indicator targets and context indicators
 * in their own tables for reports. Like the project read model, the row keeps the folded
 * domain state, so the read side applies the very `evolve` the write side decides with.
 */
export class ProgrammeProjection implements Projection {
  readonly name = 'programmes';
  readonly version = PROGRAMME_SNAPSHOT_FORMAT;

  setup(db: Database): void {
    dropTableWithout(db, 'programme_summary', 'snapshot_format');
    db.exec(`
      CREATE TABLE IF NOT EXISTS programme_summary (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        from_year INTEGER NOT NULL,
        to_year INTEGER NOT NULL,
        decision_no TEXT,
        decision_date TEXT,
        total_budget_vnd INTEGER NOT NULL,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        snapshot_format INTEGER NOT NULL,
        state_json TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS programme_budgets (
        code TEXT NOT NULL,
        year INTEGER NOT NULL,
        amount_vnd INTEGER NOT NULL,
        PRIMARY KEY (code, year)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS programme_targets (
        code TEXT NOT NULL,
        indicator TEXT NOT NULL,
        target INTEGER NOT NULL,
        PRIMARY KEY (code, indicator)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS programme_context_indicators (
        code TEXT NOT NULL,
        year INTEGER NOT NULL,
        indicator_code TEXT NOT NULL,
        value INTEGER NOT NULL,
        target INTEGER,
        unit TEXT NOT NULL,
        as_of TEXT,
        estimated INTEGER NOT NULL,
        note TEXT,
        PRIMARY KEY (code, year, indicator_code)
      ) STRICT;
    `);
  }

  reset(db: Database): void {
    db.exec(`DELETE FROM programme_summary; DELETE FROM programme_budgets;
      DELETE FROM programme_targets; DELETE FROM programme_context_indicators;`);
  }

  apply(db: Database, events: readonly RecordedEvent[]): void {
    const statements = this.statements(db);
    const touched = foldBatch(events, {
      keyOf: (streamId) =>
        streamId.startsWith(STREAM_PREFIX) ? streamId.slice(STREAM_PREFIX.length) : undefined,
      load: (code: string) => load(statements, code),
      evolve: (state, event) => programmeDecider.evolve(state, programmeSerde.deserialize(event)),
    });
    for (const [code, folded] of touched) if (folded.changed) save(statements, code, folded);
  }

  private readonly statements = memoLast(prepare);
}

interface Statements {
  load: Statement;
  upsert: Statement;
  clear: Statement[];
  insertBudget: Statement;
  insertTarget: Statement;
  insertContext: Statement;
}

function prepare(db: Database): Statements {
  return {
    load: db.prepare(
      'SELECT state_json, snapshot_format, version FROM programme_summary WHERE code = ?',
    ),
    upsert: db.prepare(`
      INSERT INTO programme_summary (code, name, from_year, to_year, decision_no, decision_date,
        total_budget_vnd, version, updated_at, snapshot_format, state_json)
      VALUES (@code, @name, @fromYear, @toYear, @decisionNo, @decisionDate, @totalBudgetVnd,
        @version, @updatedAt, @snapshotFormat, @stateJson)
      ON CONFLICT(code) DO UPDATE SET name = excluded.name, from_year = excluded.from_year,
        to_year = excluded.to_year, decision_no = excluded.decision_no,
        decision_date = excluded.decision_date, total_budget_vnd = excluded.total_budget_vnd,
        version = excluded.version, updated_at = excluded.updated_at,
        snapshot_format = excluded.snapshot_format, state_json = excluded.state_json`),
    clear: ['programme_budgets', 'programme_targets', 'programme_context_indicators'].map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE code = ?`),
    ),
    insertBudget: db.prepare(
      'INSERT INTO programme_budgets (code, year, amount_vnd) VALUES (?, ?, ?)',
    ),
    insertTarget: db.prepare(
      'INSERT INTO programme_targets (code, indicator, target) VALUES (?, ?, ?)',
    ),
    insertContext: db.prepare(`
      INSERT INTO programme_context_indicators (code, year, indicator_code, value, target, unit,
        as_of, estimated, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

function load(statements: Statements, code: string): StoredState<ProgrammeState> {
  const row = statements.load.get(code) as SnapshotRow | undefined;
  return storedSnapshot(
    row,
    PROGRAMME_SNAPSHOT_FORMAT,
    `programme ${code}`,
    programmeDecider.initialState(),
  );
}

function save(statements: Statements, code: string, folded: BatchFolded<ProgrammeState>): void {
  const view = programmeView(folded.state);
  if (!view) return; // a stream that never held ProgrammeCreated has nothing to show
  statements.upsert.run({
    code,
    name: view.name,
    fromYear: view.fromYear,
    toYear: view.toYear,
    decisionNo: view.decisionNo ?? null,
    decisionDate: view.decisionDate ?? null,
    totalBudgetVnd: view.totalBudgetVnd,
    version: folded.version,
    updatedAt: folded.updatedAt,
    snapshotFormat: PROGRAMME_SNAPSHOT_FORMAT,
    stateJson: JSON.stringify(folded.state),
  });
  for (const clear of statements.clear) clear.run(code);
  for (const b of view.budgets) statements.insertBudget.run(code, b.year, b.amountVnd);
  for (const t of view.targets) statements.insertTarget.run(code, t.indicator, t.target);
  for (const c of view.contextIndicators) {
    statements.insertContext.run(
      code,
      c.year,
      c.code,
      c.value,
      c.target ?? null,
      c.unit,
      c.asOf ?? null,
      c.estimated ? 1 : 0,
      c.note ?? null,
    );
  }
}
