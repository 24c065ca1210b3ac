import Database from 'better-sqlite3';
import { databasePathIn } from '../../src/event-store/sqlite-database';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { FixedClock } from '../../src/platform/clock';
import { allProjections } from '../support/read-models/all-projections';
import { commandWorld } from '../support/kernel/command-world';
import { ReferenceDataService } from '../../src/reference-data/reference-data.service';
import { driveProjects, dumpReadModels } from '../support/drive-projects';
import { openPlans } from '../support/open-plans';
import { useTestServer } from '../support/suite-server';
import { PersonalDataVault } from '../../src/personal-data/personal-data-vault';

/**
 * POST /api/v1/admin/projections/rebuild: the read models rebuilt inside the running server
 * (the one writer of its DATA_DIR) while commands keep arriving. Afterwards they must equal
 * what a rebuild from scratch builds from the same log. The log is written beforehand through
 * the command kernel (about a thousand events), and small pages (REBUILD_PAGE_SIZE=5) make
 * the rebuild a few hundred transactions, between which the commands are answered.
 */

let admin: string;

interface Job {
  state: 'running' | 'done' | 'failed';
  eventsDone: number;
  eventsTotal: number | null;
  requestedBy: string;
}

/** A log of projects at every stage in `dir`, written as the server would (no server runs yet). */
async function writeLog(dir: string): Promise<void> {
  const store = new SqliteEventStore(databasePathIn(dir));
  const clock = new FixedClock(new Date('2024-12-01T03:00:00Z'));
  const reference = new ReferenceDataService();
  const world = commandWorld({ store, clock, reference, vault: PersonalDataVault.open(dir) });
  await openPlans(world, [2024]);
  await driveProjects(world.projects, 150);
  await store.close();
}

const { server, steps } = useTestServer({
  planYears: [],
  env: { REBUILD_PAGE_SIZE: '5' },
  prepareDataDir: writeLog,
  failOnErrorLogs: false,
  startTimeoutMs: 60_000,
});

beforeAll(async () => {
  admin = await server.token('admin', { sub: 'admin-rebuild' });
});

const call = (method: 'GET' | 'POST', token: string) =>
  fetch(`${server.apiUrl}/admin/projections/rebuild`, { method, headers: { authorization: `Bearer ${token}` } });

/** The read models a single pass over the whole log builds, in a database of their own. */
async function rebuiltFromScratch(): Promise<string> {
  const store = new SqliteEventStore(new Database(server.databaseFile, { readonly: true }));
  const events = await store.readAll({ after: 0n, limit: 1_000_000 });
  await store.close();
  const db = new Database(':memory:');
  try {
    db.transaction(() => {
      for (const projection of allProjections()) {
        projection.setup(db);
        projection.apply(db, events);
      }
    })();
    return dumpReadModels(db);
  } finally {
    db.close();
  }
}

function liveReadModels(): string {
  const db = new Database(server.databaseFile, { readonly: true });
  try {
    return dumpReadModels(db);
  } finally {
    db.close();
  }
}

async function caughtUp(): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as { projections: { lag?: string; state: string } };
    if (health.projections.lag === '0' && health.projections.state === 'live') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('is for admins only, and says 404 before any rebuild', async () => {
  expect((await call('POST', await server.token('approver'))).status).toBe(403);
  expect((await call('GET', await server.token('auditor'))).status).toBe(403);
  const none = await call('GET', admin);
  expect(none.status).toBe(404);
  expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
});

it('rebuilds while commands arrive, with progress, and leaves the read models a rebuild from scratch builds', async () => {
  await caughtUp();

  const started = await call('POST', admin);
  expect(started.status).toBe(202);
  const { job } = (await started.json()) as { job: Job };
  expect(job).toMatchObject({ state: 'running', requestedBy: 'admin-rebuild', eventsDone: 0 });
  expect(job.eventsTotal).toBeGreaterThan(500);
  // One at a time.
  expect((await call('POST', admin)).status).toBe(409);

  // Commands keep arriving (and are answered) while it runs; progress is followed meanwhile.
  let answeredWhileRunning = 0;
  let progress: Job = job;
  const seen: number[] = [];
  while (progress.state === 'running') {
    await Promise.all([steps.fresh('in_execution', 120_000_000), steps.fresh('approved', 90_000_000)]);
    progress = ((await (await call('GET', admin)).json()) as { job: Job }).job;
    seen.push(progress.eventsDone);
    if (progress.state === 'running') answeredWhileRunning++;
  }
  expect(progress.state).toBe('done');
  expect(answeredWhileRunning).toBeGreaterThan(0);
  // Progress moved forward, and ended with every event of the log at the start applied.
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(progress.eventsDone).toBeGreaterThanOrEqual(job.eventsTotal!);

  await steps.fresh('in_execution', 100_000_000);
  await caughtUp();
  expect(liveReadModels()).toEqual(await rebuiltFromScratch());
});
