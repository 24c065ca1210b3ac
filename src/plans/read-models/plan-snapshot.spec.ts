import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { SnapshotFormatError } from '../../projections/snapshot-format';
import { ReplayLog } from '../../../test/support/read-models/replay-log';
import { planLog } from '../../../test/support/plans/plan-log';
import { planStreamId } from '../domain/plan.decider';
import { PLAN_SNAPSHOT_FORMAT, PlanProjection } from './plan.projection';

/** The plan's folded state kept beside plan_summary's columns, and the format it is kept in. */
describe('the plan snapshot in plan_summary', () => {
  let log: ReplayLog;
  let events: readonly RecordedEvent[];
  let db: Database.Database;
  const apply = (projection: PlanProjection, batch: readonly RecordedEvent[]) =>
    db.transaction(() => projection.apply(db, batch))();

  beforeAll(async () => {
    log = new ReplayLog();
    const { openPlan, submit } = planLog(() => log);
    await openPlan(2022, '2021-05-20', '2021-04-01');
    await submit(2022, 'xuan-loc', '2021-05-10');
    events = await log.store.readStream(planStreamId(2022));
  });
  afterAll(() => log.close());
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  it('refuses a stored state of another format, and leaves the row as it was', () => {
    const projection = new PlanProjection();
    projection.setup(db);
    apply(projection, events.slice(0, 1));
    db.prepare('UPDATE plan_summary SET snapshot_format = ?').run(PLAN_SNAPSHOT_FORMAT + 1);
    const before = db.prepare('SELECT * FROM plan_summary').all();

    expect(() => apply(projection, events.slice(1))).toThrow(SnapshotFormatError);
    expect(db.prepare('SELECT * FROM plan_summary').all()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) AS n FROM plan_registrations').get()).toEqual({ n: 0 });
  });

  it('replaces the table of format 1, which kept the JSON without saying its format', () => {
    db.exec(`CREATE TABLE plan_summary (year INTEGER PRIMARY KEY, state_json TEXT NOT NULL) STRICT;
      INSERT INTO plan_summary VALUES (2022, '{"status":"open"}');`);
    const projection = new PlanProjection();
    projection.setup(db);
    apply(projection, events);

    const row = db.prepare('SELECT status, snapshot_format, version FROM plan_summary').get();
    expect(row).toEqual({ status: 'open', snapshot_format: PLAN_SNAPSHOT_FORMAT, version: 2 });
  });

  it('rises in version with the snapshot format, so the runner rebuilds the rows', () => {
    const model = {
      version: 3,
      setup: () => undefined,
      reset: () => undefined,
      save: () => undefined,
    };
    expect(new PlanProjection().version).toBe(PLAN_SNAPSHOT_FORMAT);
    expect(new PlanProjection([model]).version).toBe(PLAN_SNAPSHOT_FORMAT + 3);
  });
});
