import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { handleCommand, type AggregateSpec } from '../../../src/kernel/command-loop';
import type { DomainEventShape } from '../../../src/event-store/serde/event-serde';
import { SqliteEventStore } from '../../../src/event-store/sqlite.event-store';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import type { Projection } from '../../../src/projections/projection';
import { DEFAULT_REFERENCE_DATA } from '../../../src/reference-data/default-reference-data';
import type { Actor } from '../../../src/shared/actor';
import type { BusinessDate } from '../../../src/shared/business-date';
import { DEFAULT_PROJECT_RULES } from '../../../src/projects/domain/project.context';

/**
 * A real event log for read-model specifications: commands run through the real command
 * loop into a SQLite event store in a temporary directory, and read models are fed by the
 * real projection runner into databases of their own, so a spec can build them twice from
 * the same events and compare every row.
 */
export class ReplayLog {
  readonly store: SqliteEventStore;
  private readonly dir: string;
  private readonly runners: ProjectionRunner[] = [];
  private readonly databases: Database.Database[] = [];

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'khuyencong-replay-'));
    this.store = new SqliteEventStore(join(this.dir, 'events.sqlite'), { pollIntervalMs: 20 });
  }

  /** Runs one command on `streamId` as `actor` on `today`; throws what the decider throws. */
  async run<C, E extends DomainEventShape, S, Ctx>(
    spec: AggregateSpec<C, E, S, Ctx>,
    streamId: string,
    command: C,
    actor: Actor,
    today: BusinessDate,
    extra: Partial<Ctx> = {},
  ): Promise<void> {
    await handleCommand(
      this.store,
      spec,
      { streamId, command, commandId: randomUUID(), actor, today },
      {
        context: () =>
          ({
            actor,
            today,
            reference: DEFAULT_REFERENCE_DATA,
            rules: DEFAULT_PROJECT_RULES,
            ...extra,
          }) as Ctx,
      },
    );
  }

  /** A fresh read-model database with a running runner over the log. */
  feed(projections: () => readonly Projection[]): {
    db: Database.Database;
    runner: ProjectionRunner;
  } {
    const db = new Database(':memory:');
    const runner = new ProjectionRunner(this.store, db, projections());
    runner.start();
    this.databases.push(db);
    this.runners.push(runner);
    return { db, runner };
  }

  /** Waits until `runner` has applied the whole log. */
  async caughtUp(runner: ProjectionRunner): Promise<void> {
    const head = await this.store.headPosition();
    if (!(await runner.waitFor(head, 5000))) throw new Error(`read models did not reach ${head}`);
  }

  async close(): Promise<void> {
    for (const runner of this.runners) await runner.stop();
    for (const db of this.databases) db.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every row of each table, in a stable order: what two builds of a read model must agree on. */
export function rowsOf(
  db: Database.Database,
  tables: readonly string[],
): Record<string, unknown[]> {
  return Object.fromEntries(
    tables.map((table) => {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      return [table, db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all()];
    }),
  );
}

/** The log of a read-model specification and the read models fed from it while it was written. */
export interface ReadModelLog {
  readonly log: ReplayLog;
  readonly live: ReturnType<ReplayLog['feed']>;
  readonly projections: () => readonly Projection[];
}

/**
 * Before all tests of the enclosing describe: a fresh log, read models of `projections` fed
 * while `record` writes it (so they apply it in many small batches), caught up; closed after
 * all.
 */
export function useReadModelLog(
  projections: () => readonly Projection[],
  record: (log: ReplayLog) => Promise<void>,
): ReadModelLog {
  let log: ReplayLog | undefined;
  let live: ReadModelLog['live'] | undefined;
  beforeAll(async () => {
    log = new ReplayLog();
    live = log.feed(projections);
    await record(log);
    await log.caughtUp(live.runner);
  });
  afterAll(async () => {
    await log?.close();
  });
  return {
    projections,
    get log() {
      if (!log) throw new Error('the replay log is made in beforeAll');
      return log;
    },
    get live() {
      if (!live) throw new Error('the read models are fed in beforeAll');
      return live;
    },
  };
}

/**
 * The two checks every read model owes: rebuilt from the same events, and built in a fresh
 * database fed the whole log at once, it holds the same rows of `tables`.
 */
export function itRebuildsTheSameRows(fixture: ReadModelLog, tables: readonly string[]): void {
  it('gets the same rows when rebuilt from the same events', async () => {
    const before = rowsOf(fixture.live.db, tables);
    await fixture.live.runner.rebuild();
    expect(rowsOf(fixture.live.db, tables)).toEqual(before);
  });

  it('gets the same rows in a fresh database fed the whole log at once', async () => {
    const fresh = fixture.log.feed(fixture.projections);
    await fixture.log.caughtUp(fresh.runner);
    expect(rowsOf(fresh.db, tables)).toEqual(rowsOf(fixture.live.db, tables));
  });
}
