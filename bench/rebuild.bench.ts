import { verifyChain } from '../src/event-store/hash-chain';
import { openDataDirDatabase } from '../src/event-store/sqlite-database';
import { SqliteEventStore } from '../src/event-store/sqlite.event-store';
import { ProjectionRunner } from '../src/projections/projection-runner';
import { allProjections } from '../test/support/read-models/all-projections';
import { projectStreamId } from '../src/projects/application/project-stream';
import { importProjects, EVENTS_PER_PROJECT } from './lib/bulk-log';
import { removeDir, scratchDir } from './lib/engine';
import { machineLoad } from './lib/machine';
import type { BenchmarkOutcome } from './lib/report';
import { median, nowMs, round } from './lib/stats';

/**
 * Projection rebuild over a log of `events` events (whole 20-event projects), as
 * `npm run projections:rebuild` does it, beside the floor: a raw scan of the same table
 * that parses each row's JSON and does nothing else.
 */

export interface RebuildOptions {
  readonly runs: number;
  readonly events: number;
}

function rawScan(db: ReturnType<typeof openDataDirDatabase>): { rows: number; perSecond: number } {
  const started = nowMs();
  let rows = 0;
  let checksum = 0;
  const scan = db
    .prepare(
      'SELECT position, event_id, stream_id, version, type, data, metadata FROM events ORDER BY position',
    )
    .raw();
  for (const row of scan.iterate() as Iterable<
    [number, string, string, number, string, string, string]
  >) {
    const data = JSON.parse(row[5]) as object;
    const metadata = JSON.parse(row[6]) as { hash: string };
    // Use what was parsed, so the work cannot be skipped.
    checksum += metadata.hash.length + (data ? 1 : 0);
    rows++;
  }
  if (checksum === 0 && rows > 0) throw new Error('the scan parsed nothing');
  return { rows, perSecond: rows / ((nowMs() - started) / 1000) };
}

/**
 * Writes the log on a connection of its own with a large page cache (random event ids make
 * index inserts miss a small one), then checks that the streams verify. The rebuild is
 * measured on a fresh connection with the engine's settings.
 */
async function generateLog(
  dir: string,
  projects: number,
): Promise<{ events: number; generateSeconds: number }> {
  const db = openDataDirDatabase(dir);
  try {
    db.pragma('cache_size = -1048576');
    const store = new SqliteEventStore(db);
    const started = nowMs();
    const ids = await importProjects(store, projects);
    const generateSeconds = (nowMs() - started) / 1000;
    for (const id of [ids[0], ids[ids.length - 1]]) {
      const chain = verifyChain(await store.readStream(projectStreamId(id)));
      if (!chain.valid || chain.eventsChecked !== EVENTS_PER_PROJECT)
        throw new Error(`the generated stream of ${id} does not verify`);
    }
    const events = Number(await store.headPosition());
    await store.close();
    return { events, generateSeconds };
  } finally {
    db.close();
  }
}

export async function rebuildBenchmark(options: RebuildOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const loadBefore = machineLoad();
  const dir = scratchDir('rebuild');
  const projects = Math.ceil(options.events / EVENTS_PER_PROJECT);
  const { events, generateSeconds } = await generateLog(dir, projects);
  const db = openDataDirDatabase(dir);
  try {
    const store = new SqliteEventStore(db);

    const runner = new ProjectionRunner(store, db, allProjections());
    const rebuilds: number[] = [];
    const scans: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const t0 = nowMs();
      const { events: rebuilt } = await runner.rebuild();
      rebuilds.push(rebuilt / ((nowMs() - t0) / 1000));
      scans.push(rawScan(db).perSecond);
    }
    const summaries = (
      db.prepare('SELECT COUNT(*) AS n FROM project_summary').get() as { n: number }
    ).n;
    if (summaries !== projects)
      throw new Error(`rebuild left ${summaries} projects, expected ${projects}`);
    await runner.stop();
    await store.close();

    const value = median(rebuilds);
    const floor = median(scans);
    return {
      name: 'rebuild',
      figures: [
        {
          benchmark: 'projection rebuild',
          case: `${events.toLocaleString('en-US')} events, ${projects.toLocaleString('en-US')} projects`,
          value: round(value),
          unit: 'events/s',
          floor: round(floor),
          ratio: round(value / floor, 2),
          target: '>= 100,000 events/s',
          met: value >= 100_000,
          runs: rebuilds.map((r) => round(r)),
          note: `log written in ${round(generateSeconds, 1)} s (${round(events / generateSeconds)} events/s through importEvents)`,
        },
      ],
      details: {
        loadBefore,
        loadAfter: machineLoad(),
        events,
        projects,
        generateSeconds,
        rebuilds,
        scans,
      },
      seconds: round((nowMs() - started) / 1000, 1),
    };
  } finally {
    if (db.open) db.close();
    removeDir(dir);
  }
}
