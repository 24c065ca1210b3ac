import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { openSqliteDatabase } from '../../src/event-store/sqlite-database';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { FixedClock } from '../../src/platform/clock';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { allProjections } from '../support/read-models/all-projections';
import { commandWorld, type ProjectCommands } from '../support/kernel/command-world';
import { disbursementReport } from '../../src/reports/disbursement-report';
import { ReferenceDataService } from '../../src/reference-data/reference-data.service';
import { driveProjects, dumpReadModels, meta } from '../support/drive-projects';
import { openPlans } from '../support/open-plans';
import { PersonalDataVault } from '../../src/personal-data/personal-data-vault';

/**
 * Read models stay right when an event reaches them twice: a second process on the same file
 * (a second server, `projections:rebuild` while the server runs), or a batch applied again.
 * The runner skips what the stored checkpoint already covers, read in the transaction that
 * writes; each projection skips an event its row already holds (by stream version).
 */
describe('projections applied more than once', () => {
  let dir: string;
  let file: string;
  const opened: { db: Database; store: SqliteEventStore; runner: ProjectionRunner }[] = [];
  let service: ProjectCommands;

  /** A connection of its own to the one file, with its event store and runner: what a process has. */
  function openProcess() {
    const db = openSqliteDatabase(file);
    const store = new SqliteEventStore(db, { pollIntervalMs: 20 });
    const runner = new ProjectionRunner(store, db, allProjections());
    const process = { db, store, runner };
    opened.push(process);
    return process;
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kc-idempotent-'));
    file = join(dir, 'kc.sqlite');
    const { store } = openProcess();
    const clock = new FixedClock(new Date('2024-12-01T03:00:00Z'));
    const reference = new ReferenceDataService();
    const world = commandWorld({ store, clock, reference, vault: PersonalDataVault.open(dir) });
    await openPlans(world, [2024]);
    service = world.projects;
  });

  afterEach(async () => {
    for (const { db, store, runner } of opened.splice(0)) {
      await runner.stop();
      await store.close();
      db.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** The read models a single runner builds from the whole log, in a database of their own. */
  async function rebuiltFromScratch(events: readonly RecordedEvent[]): Promise<string> {
    const db = openSqliteDatabase(':memory:');
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

  it('applying the same batch twice, or overlapping batches, leaves every read model as one rebuild', async () => {
    await driveProjects(service, 10);
    const [{ store }] = opened;
    const events = await store.readAll({ after: 0n, limit: 100_000 });
    const once = await rebuiltFromScratch(events);

    const db = openSqliteDatabase(':memory:');
    try {
      const projections = allProjections();
      for (const projection of projections) projection.setup(db);
      const half = Math.floor(events.length / 2);
      for (const batch of [events, events, events.slice(0, half), events.slice(half - 7)]) {
        db.transaction(() => {
          for (const projection of projections) projection.apply(db, batch);
        })();
      }
      expect(dumpReadModels(db)).toEqual(once);
    } finally {
      db.close();
    }
  });

  it('two runners on the same file build the read models one rebuild builds', async () => {
    const [first] = opened;
    const second = openProcess();
    first.runner.start();
    second.runner.start();
    await driveProjects(service, 15);
    const head = await first.store.headPosition();
    expect(await first.runner.waitFor(head, 10_000)).toBe(true);
    expect(await second.runner.waitFor(head, 10_000)).toBe(true);

    const events = await first.store.readAll({ after: 0n, limit: 100_000 });
    expect(dumpReadModels(first.db)).toEqual(await rebuiltFromScratch(events));
  });

  it('one advance of 10,000,000 đồng shows as 10,000,000 with two runners on the file, not 20,000,000', async () => {
    const [first] = opened;
    first.runner.start();
    const { id } = await service.register(
      {
        planYear: 2024,
        district: 'tan-phu',
        title: 'Đề án tạm ứng một lần',
        activityType: 'machinery',
        beneficiary: { name: 'Cơ sở Tân Phú' },
        requestedFundingVnd: 20_000_000,
        counterpartFundingVnd: 20_000_000,
        fundingSource: 'local',
        targets: [{ indicator: 'trainees', target: 5 }],
        plannedStart: '2024-02-01',
        plannedEnd: '2024-11-30',
      },
      meta('district_officer', 'd-tan-phu', 'tan-phu'),
    );
    const steps = [
      { type: 'StartAppraisal', data: {}, role: 'center_officer' },
      { type: 'RecordAppraisalResult', data: { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 20_000_000 }, role: 'center_officer' },
      { type: 'ApproveProject', data: { decisionNo: 'QĐ-1', decisionDate: '2024-03-01', approvedFundingVnd: 20_000_000 }, role: 'approver' },
      { type: 'StartExecution', data: { startedOn: '2024-03-05' }, role: 'center_officer' },
      { type: 'RecordDisbursement', data: { kind: 'advance', amountVnd: 10_000_000, paidOn: '2024-03-10', voucherNo: 'TU-1' }, role: 'finance_officer' },
    ] as const;
    const run = (step: (typeof steps)[number]) =>
      service.execute(id, { type: step.type, data: step.data } as never, meta(step.role, `${step.role}-1`));
    for (const step of steps.slice(0, -1)) await run(step);
    expect(await first.runner.waitFor(await first.store.headPosition(), 10_000)).toBe(true);
    // A second process starts on the file (a second server): both runners get the advance.
    const second = openProcess();
    second.runner.start();
    await run(steps[steps.length - 1]);
    const head = await first.store.headPosition();
    expect(await first.runner.waitFor(head, 10_000)).toBe(true);
    expect(await second.runner.waitFor(head, 10_000)).toBe(true);

    for (const { db } of [first, second]) {
      const row = db.prepare('SELECT net_disbursed_vnd FROM project_summary WHERE project_id = ?').get(id) as {
        net_disbursed_vnd: number;
      };
      expect(row.net_disbursed_vnd).toBe(10_000_000);
      expect(disbursementReport(db, 'district', {}).total.disbursedVnd).toBe(10_000_000);
    }
  });
});
