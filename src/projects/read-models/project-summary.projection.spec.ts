import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { projectStreamId } from '../application/project-stream';
import { ev, historyOf, PROJECT_ID } from '../../../test/support/projects/project-fixtures';
import type { ProjectEvent } from '../domain/project.events';
import { ProjectFoldProjection } from './project-fold.projection';
import { ProjectSummaryReadModel } from './project-summary.projection';

/** Recorded events of the default project, numbered on from `version`. */
function recorded(events: readonly ProjectEvent[], version: number): RecordedEvent[] {
  return events.map((event, index) => ({
    eventId: `e-${version + index + 1}`,
    streamId: projectStreamId(PROJECT_ID),
    version: version + index + 1,
    position: BigInt(version + index + 1),
    type: event.type,
    data: event.data,
    metadata: {
      commandId: `c-${version + index + 1}`,
      actor: { sub: 'u-1', name: 'Nguyễn Văn A', role: 'district_officer' },
      occurredOn: '2024-06-01',
      schemaVersion: 1,
      recordedAt: '2024-06-01T01:00:00.000Z',
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    },
  }));
}

describe('the project summary read model', () => {
  let db: Database.Database;
  // The summary is fed by the project fold, as projections.module.ts wires it.
  const projection = new ProjectFoldProjection([new ProjectSummaryReadModel()]);
  let version = 0;

  /** Applies `events` as one batch of the runner, after those applied before. */
  function applyBatch(...events: ProjectEvent[]): void {
    db.transaction(() => projection.apply(db, recorded(events, version)))();
    version += events.length;
  }

  const indicators = () =>
    db
      .prepare('SELECT indicator, target, achieved FROM project_indicators ORDER BY indicator')
      .all();

  beforeEach(() => {
    db = new Database(':memory:');
    projection.setup(db);
    version = 0;
  });

  afterEach(() => db.close());

  it('keeps one row per indicator, with its target and what was achieved, batch after batch', () => {
    applyBatch(...historyOf.in_execution);
    expect(indicators()).toEqual([
      { indicator: 'establishments_supported', target: 1, achieved: 0 },
    ]);

    applyBatch(ev.reported('2024-03', '2024-03-25', [{ indicator: 'trainees', value: 12 }]));
    expect(indicators()).toEqual([
      { indicator: 'establishments_supported', target: 1, achieved: 0 },
      { indicator: 'trainees', target: 0, achieved: 12 },
    ]);

    // A batch that touches no indicator leaves the rows as they are.
    applyBatch(ev.advance(50_000_000));
    expect(indicators()).toHaveLength(2);

    applyBatch(
      ev.reported('2024-03', '2024-03-28', [{ indicator: 'trainees', value: 15 }], true),
      ev.adjusted({ targets: [{ indicator: 'trainees', target: 40 }] }),
    );
    expect(indicators()).toEqual([{ indicator: 'trainees', target: 40, achieved: 15 }]);
  });

  it('writes the summary row of every batch, indicators changed or not', () => {
    applyBatch(...historyOf.in_execution);
    applyBatch(ev.advance(50_000_000));
    expect(
      db.prepare('SELECT version, status, net_disbursed_vnd FROM project_summary').get(),
    ).toEqual({
      version: historyOf.in_execution.length + 1,
      status: 'in_execution',
      net_disbursed_vnd: 50_000_000,
    });
  });
});
