import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { openSqliteDatabase, databasePathIn } from '../src/event-store/sqlite-database';
import { projectStreamId } from '../src/projects/application/project-stream';
import { RegisterProjectCommand } from '../src/projects/commands/register-project.command';
import { RunProjectCommand } from '../src/projects/commands/run-project-command';
import type { CommandMeta } from '../src/kernel/command-meta';
import { machineLoad } from './lib/machine';
import { eventsOf, projectInExecution, registration, ACTORS } from './lib/project-script';
import type { BenchmarkOutcome, Figure } from './lib/report';
import { median, nowMs, percentile, round } from './lib/stats';
import { removeDir, scratchDir, startEngine, type Engine } from './lib/engine';

/**
 * Commands through the command bus on the SQLite store (load → decide → append, projection
 * runner live), 1 and 16 concurrent callers, beside the floor: raw better-sqlite3 appends of
 * the very rows the engine wrote, same pragmas (WAL, synchronous=FULL), one transaction per
 * event, and in transactions of 100.
 */

export interface CommandsOptions {
  readonly runs: number;
  readonly seconds: number;
}

interface RunFigures {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly appendsPerCommit?: number;
  readonly appendsPerSync?: number;
  /** CPU time (user + system) of this process per command: steadier than rates on a busy machine. */
  readonly cpuUsPerCommand: number;
}

interface GroupCommitStats {
  readonly commits: number;
  readonly appends: number;
  /** Log syncs the store ran itself (0 where SQLite syncs inside COMMIT). */
  readonly syncs: number;
}

function groupCommitStats(engine: Engine): GroupCommitStats | undefined {
  const store = engine.store as {
    groupCommitStats?: () => { commits: number; appends: number };
    walSyncCount?: () => number;
  };
  const stats = store.groupCommitStats?.();
  return stats && { ...stats, syncs: store.walSyncCount?.() ?? 0 };
}

const CENTER = ACTORS.center;

function registerCommand(n: number): RegisterProjectCommand {
  const { projectId: _id, ...data } = registration('unused', n);
  const meta: CommandMeta = { commandId: randomUUID(), actor: CENTER };
  return new RegisterProjectCommand(data, meta);
}

/** `callers` loops, each sending its next command when the last one is answered, for `seconds`. */
async function drive(
  engine: Engine,
  callers: number,
  seconds: number,
  next: (caller: number, n: number) => Promise<unknown>,
): Promise<RunFigures> {
  const before = groupCommitStats(engine);
  const cpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  const started = nowMs();
  const deadline = started + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      while (nowMs() < deadline) {
        const t0 = nowMs();
        await next(caller, count++);
        latencies.push(nowMs() - t0);
      }
    }),
  );
  const elapsed = (nowMs() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const after = groupCommitStats(engine);
  const commits = before && after ? after.commits - before.commits : undefined;
  return {
    perSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuUsPerCommand: (cpu.user + cpu.system) / latencies.length,
    ...(commits && before && after
      ? {
          appendsPerCommit: (after.appends - before.appends) / commits,
          appendsPerSync:
            (after.appends - before.appends) / Math.max(1, after.syncs - before.syncs),
        }
      : {}),
  };
}

/**
 * Projects in execution for the advances, taken round robin: many, so streams stay the length
 * of a real project's (tens of events) and concurrent callers rarely meet on one stream.
 */
async function openProjects(engine: Engine, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await Promise.all(
    ids.map(async (projectId, n) => {
      let version = 0;
      for (const events of eventsOf(
        projectId,
        projectInExecution(projectId, n),
        `open-${projectId}`,
      )) {
        version = (await engine.store.append(projectStreamId(projectId), events, version)).version;
      }
    }),
  );
  return ids;
}

function advance(projectId: string, n: number): RunProjectCommand {
  const meta: CommandMeta = { commandId: randomUUID(), actor: ACTORS.finance };
  return new RunProjectCommand(
    projectId,
    {
      type: 'RecordDisbursement',
      data: { kind: 'advance', amountVnd: 1_000, paidOn: '2024-03-05', voucherNo: `B-${n}` },
    },
    meta,
  );
}

interface FloorFigures {
  readonly singlePerSecond: number;
  readonly batchPerSecond: number;
}

type Row = [string, string, number, string, string, string];

/** Raw appends of `rows` into a fresh copy of the events table, for `seconds` each way. */
function measureFloor(tableSql: string, rows: readonly Row[], seconds: number): FloorFigures {
  const dir = scratchDir('floor');
  try {
    const db = openSqliteDatabase(databasePathIn(dir));
    db.exec(tableSql);
    const insert = db.prepare(
      'INSERT INTO events (event_id, stream_id, version, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const begin = db.prepare('BEGIN IMMEDIATE');
    const commit = db.prepare('COMMIT');
    let next = 0;
    // The engine's rows, in order; once used up, the same rows again under fresh event ids and
    // stream names, so no row is a duplicate and every row keeps (nearly) its size.
    const take = (): Row => {
      const template = rows[next % rows.length];
      const cycle = Math.floor(next++ / rows.length);
      if (cycle === 0) return template;
      const [, streamId, version, type, data, metadata] = template;
      return [randomUUID(), `${streamId}~${cycle}`, version, type, data, metadata];
    };
    const timed = (batch: number): number => {
      const deadline = nowMs() + seconds * 1000;
      const started = nowMs();
      let written = 0;
      while (nowMs() < deadline) {
        begin.run();
        for (let i = 0; i < batch; i++) insert.run(...take());
        commit.run();
        written += batch;
      }
      return written / ((nowMs() - started) / 1000);
    };
    const singlePerSecond = timed(1);
    const batchPerSecond = timed(100);
    db.close();
    return { singlePerSecond, batchPerSecond };
  } finally {
    removeDir(dir);
  }
}

function copyRows(db: Database, limit: number): { tableSql: string; rows: Row[] } {
  const { sql } = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'")
    .get() as { sql: string };
  const rows = db
    .prepare(
      'SELECT event_id, stream_id, version, type, data, metadata FROM events ORDER BY position LIMIT ?',
    )
    .raw()
    .all(limit) as Row[];
  return { tableSql: sql, rows };
}

export async function commandsBenchmark(options: CommandsOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const loadBefore = machineLoad();
  const results: Record<string, RunFigures[]> = {};
  const floors: FloorFigures[] = [];

  const engine = await startEngine('commands');
  try {
    const seconds = options.seconds;
    // Warm-up: JIT, prepared statements, first pages of the tables.
    await drive(engine, 16, 1, () => engine.bus.execute(registerCommand(0)));
    for (const callers of [1, 16]) {
      const key = `register x${callers}`;
      results[key] = [];
      for (let run = 0; run < options.runs; run++) {
        results[key].push(
          await drive(engine, callers, seconds, (_, n) => engine.bus.execute(registerCommand(n))),
        );
      }
    }
    const projects = await openProjects(engine, 1000);
    results['advance x16'] = [];
    for (let run = 0; run < options.runs; run++) {
      results['advance x16'].push(
        await drive(engine, 16, seconds, (_, n) =>
          engine.bus.execute(advance(projects[n % projects.length], n)),
        ),
      );
    }
    await engine.runner.waitFor(await engine.store.headPosition(), 30_000);
    // The floor appends the same rows the engine appended; enough for the floor's fastest pace.
    const db = openSqliteDatabase(databasePathIn(engine.dataDir));
    const { tableSql, rows } = copyRows(db, 400_000);
    db.close();
    for (let run = 0; run < options.runs; run++) floors.push(measureFloor(tableSql, rows, seconds));
  } finally {
    await engine.close();
  }

  const floorSingle = median(floors.map((f) => f.singlePerSecond));
  const floorBatch = median(floors.map((f) => f.batchPerSecond));
  const figures: Figure[] = [];
  for (const [key, runs] of Object.entries(results)) {
    const value = median(runs.map((r) => r.perSecond));
    const is16 = key === 'register x16';
    figures.push({
      benchmark: 'commands (bus, SQLite)',
      case: `${key} callers`,
      value: round(value),
      unit: 'cmd/s',
      floor: round(floorSingle),
      ratio: round(value / floorSingle, 2),
      ...(is16 ? { target: '>= floor (1 commit/event)', met: value >= floorSingle } : {}),
      runs: runs.map((r) => round(r.perSecond)),
      note: `p50 ${round(median(runs.map((r) => r.p50Ms)), 2)} ms, p99 ${round(median(runs.map((r) => r.p99Ms)), 2)} ms, appends/commit ${round(median(runs.map((r) => r.appendsPerCommit ?? Number.NaN)), 1)}, appends/fsync ${round(median(runs.map((r) => r.appendsPerSync ?? Number.NaN)), 1)}, CPU ${round(median(runs.map((r) => r.cpuUsPerCommand)))} µs/cmd`,
    });
  }
  figures.push({
    benchmark: 'commands (bus, SQLite)',
    case: 'floor: raw appends, 100 per commit',
    value: round(floorBatch),
    unit: 'events/s',
    runs: floors.map((f) => round(f.batchPerSecond)),
  });
  return {
    name: 'commands',
    figures,
    details: { loadBefore, loadAfter: machineLoad(), results, floors },
    seconds: round((nowMs() - started) / 1000, 1),
  };
}
