import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { SnapshotFormatError } from '../../projections/snapshot-format';
import { ReplayLog } from '../../../test/support/read-models/replay-log';
import type { Actor } from '../../shared/actor';
import { planAggregateType as planAggregate } from '../plan.aggregate';
import { planStreamId } from '../domain/plan.decider';
import { PLAN_SNAPSHOT_FORMAT, PlanProjection } from './plan.projection';

const programme = { code: 'DN-2021-2025', fromYear: 2021, toYear: 2025 };
const center: Actor = { sub: 'u-center', name: 'Trần Thị B', role: 'center_officer' };
const officer: Actor = {
  sub: 'u-xuan-loc',
  name: 'Phạm Văn D',
  role: 'district_officer',
  district: 'xuan-loc',
};

/** The plan's folded state kept beside plan_summary's columns, and the format it is kept in. */
describe('the plan snapshot in plan_summary', () => {
  let log: ReplayLog;
  let events: readonly RecordedEvent[];
  let db: Database.Database;
  const apply = (projection: PlanProjection, batch: readonly RecordedEvent[]) =>
    db.transaction(() => projection.apply(db, batch))();

  beforeAll(async () => {
    log = new ReplayLog();
    const stream = planStreamId(2022);
    await log.run(
      planAggregate,
      stream,
      {
        type: 'OpenPlan',
        data: { year: 2022, programCode: programme.code, registrationDeadline: '2021-05-20' },
      },
      center,
      '2021-04-01',
      { programme },
    );
    await log.run(
      planAggregate,
      stream,
      { type: 'SubmitDistrictRegistration', data: { district: 'xuan-loc', projectIds: [] } },
      officer,
      '2021-05-10',
      { programme },
    );
    events = await log.store.readStream(stream);
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
