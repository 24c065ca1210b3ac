import { ReferenceDataService } from '../src/reference-data/reference-data.service';
import { ProjectAuditService } from '../src/audit/project-audit.service';
import { openDataDirDatabase } from '../src/event-store/sqlite-database';
import { SqliteEventStore } from '../src/event-store/sqlite.event-store';
import { PersonalDataVault } from '../src/personal-data/personal-data-vault';
import { projectStreamId } from '../src/projects/application/project-stream';
import { importProjects } from './lib/bulk-log';
import { removeDir, scratchDir } from './lib/engine';
import { machineLoad } from './lib/machine';
import { ACTORS, eventsOf, longProject } from './lib/project-script';
import type { BenchmarkOutcome } from './lib/report';
import { median, nowMs, percentile, round } from './lib/stats';

/**
 * As-of replay of a 200-event project (the auditors' endpoint: read the stream, fold it to a
 * point in time, present the view), in a log of 100,000 other events, beside the floor:
 * reading and parsing the same 200 rows raw.
 */

export interface ReplayOptions {
  readonly iterations: number;
  readonly runs: number;
}

const LENGTH = 200;

export async function replayBenchmark(options: ReplayOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const loadBefore = machineLoad();
  const dir = scratchDir('replay');
  const db = openDataDirDatabase(dir);
  try {
    const store = new SqliteEventStore(db);
    await importProjects(store, 5_000);
    const projectId = '11111111-2222-4333-8444-555555555555';
    const streamId = projectStreamId(projectId);
    let version = 0;
    for (const events of eventsOf(projectId, longProject(projectId, 0, LENGTH), 'replay')) {
      version = (await store.append(streamId, events, version)).version;
    }
    if (version !== LENGTH)
      throw new Error(`the long project has ${version} events, expected ${LENGTH}`);
    const audit = new ProjectAuditService(
      store,
      PersonalDataVault.open(dir),
      new ReferenceDataService(),
    );
    const auditor = { sub: 'bench-auditor', name: 'Võ Văn Kiểm Toán', role: 'auditor' } as const;
    const raw = db
      .prepare(
        'SELECT position, event_id, stream_id, version, type, data, metadata FROM events WHERE stream_id = ? ORDER BY version',
      )
      .raw();

    const engineRuns: number[][] = [];
    const floorRuns: number[][] = [];
    for (let run = 0; run < options.runs; run++) {
      const times: number[] = [];
      const floorTimes: number[] = [];
      for (let i = 0; i < options.iterations; i++) {
        // Points spread over the project's life, as auditors ask for different dates.
        const asOfVersion = 1 + ((i * 37) % LENGTH);
        const t0 = nowMs();
        const replayed = await audit.replay(projectId, auditor, { asOfVersion });
        times.push(nowMs() - t0);
        if (replayed.version !== asOfVersion)
          throw new Error('replay stopped at the wrong version');
        const t1 = nowMs();
        const rows = raw.all(streamId) as unknown[][];
        for (const row of rows) {
          JSON.parse(row[5] as string);
          JSON.parse(row[6] as string);
        }
        floorTimes.push(nowMs() - t1);
      }
      engineRuns.push(times);
      floorRuns.push(floorTimes);
    }
    await store.close();
    const p = (runs: number[][], q: number) => median(runs.map((times) => percentile(times, q)));
    const p99 = p(engineRuns, 99);
    return {
      name: 'replay',
      figures: [
        {
          benchmark: 'as-of replay',
          case: `${LENGTH}-event project, p99`,
          value: round(p99, 3),
          unit: 'ms',
          floor: round(p(floorRuns, 99), 3),
          ratio: round(p99 / p(floorRuns, 99), 2),
          target: 'p99 < 3 ms',
          met: p99 < 3,
          runs: engineRuns.map((times) => round(percentile(times, 99), 3)),
        },
        {
          benchmark: 'as-of replay',
          case: `${LENGTH}-event project, p50`,
          value: round(p(engineRuns, 50), 3),
          unit: 'ms',
          floor: round(p(floorRuns, 50), 3),
          ratio: round(p(engineRuns, 50) / p(floorRuns, 50), 2),
          runs: engineRuns.map((times) => round(percentile(times, 50), 3)),
        },
      ],
      details: {
        loadBefore,
        loadAfter: machineLoad(),
        iterations: options.iterations,
        actor: ACTORS.center.sub,
      },
      seconds: round((nowMs() - started) / 1000, 1),
    };
  } finally {
    if (db.open) db.close();
    removeDir(dir);
  }
}
