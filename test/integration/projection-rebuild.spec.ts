import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/event-store/sqlite-database';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { FixedClock } from '../../src/platform/clock';
import { allProjections } from '../support/read-models/all-projections';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { commandWorld, type ProjectCommands } from '../support/kernel/command-world';
import { ReferenceDataService } from '../../src/reference-data/reference-data.service';
import { driveProjects, dumpReadModels } from '../support/drive-projects';
import { openPlans } from '../support/open-plans';
import { PersonalDataVault } from '../../src/personal-data/personal-data-vault';

describe('projections', () => {
  let dir: string;
  let db: Database;
  let store: SqliteEventStore;
  let runner: ProjectionRunner;
  let service: ProjectCommands;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kc-rebuild-'));
    db = openSqliteDatabase(join(dir, 'kc.sqlite'));
    store = new SqliteEventStore(db);
    runner = new ProjectionRunner(store, db, allProjections());
    const clock = new FixedClock(new Date('2024-12-01T03:00:00Z'));
    const reference = new ReferenceDataService();
    const world = commandWorld({ store, clock, reference, vault: PersonalDataVault.open(dir) });
    await openPlans(world, [2024]);
    service = world.projects;
  });

  afterEach(async () => {
    await runner.stop();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a rebuild from the log gives exactly the rows the incremental run built', async () => {
    runner.start();
    await driveProjects(service, 25);
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
    const incremental = dumpReadModels(db);
    expect(incremental).toContain('Đề án số 24');

    const { events } = await runner.rebuild();
    expect(events).toBeGreaterThan(100);
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
    expect(dumpReadModels(db)).toEqual(incremental);
  });

  it('a runner stopped half-way resumes from its checkpoint and applies nothing twice', async () => {
    runner.start();
    await driveProjects(service, 10);
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
    await runner.stop();

    await driveProjects(service, 10); // appended while no projection runs
    const resumed = new ProjectionRunner(store, db, allProjections());
    resumed.start();
    expect(await resumed.waitFor(await store.headPosition(), 5000)).toBe(true);
    const afterResume = dumpReadModels(db);
    await resumed.rebuild();
    await resumed.stop();
    expect(dumpReadModels(db)).toEqual(afterResume);
  });

  it('sums money in the read model exactly as the events say', async () => {
    runner.start();
    await driveProjects(service, 10);
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
    let expected = 0;
    for (const event of await store.readAll({ after: 0n, limit: 10_000 })) {
      const data = event.data as { amountVnd?: number };
      if (event.type === 'AdvanceDisbursed' || event.type === 'PaymentDisbursed') expected += data.amountVnd ?? 0;
      if (event.type === 'FundsRecovered') expected -= data.amountVnd ?? 0;
    }
    const { total } = db.prepare('SELECT SUM(net_disbursed_vnd) AS total FROM project_summary').get() as { total: number };
    expect(total).toBe(expected);
  });
});
