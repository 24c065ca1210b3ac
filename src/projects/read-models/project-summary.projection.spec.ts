import Database from 'better-sqlite3';
import { ev, historyOf } from '../../../test/support/projects/project-fixtures';
import { recordedProjectEvents } from '../../../test/support/projects/recorded-project-events';
import type { ProjectEvent } from '../domain/project.events';
import { ProjectFoldProjection } from './project-fold.projection';
import { ProjectSummaryReadModel } from './project-summary.projection';

describe('the project summary read model', () => {
  let db: Database.Database;
  // The summary is fed by the project fold, as projections.module.ts wires it.
  const projection = new ProjectFoldProjection([new ProjectSummaryReadModel()]);
  let version = 0;

  /** Applies `events` as one batch of the runner, after those applied before. */
  function applyBatch(...events: ProjectEvent[]): void {
    db.transaction(() => projection.apply(db, recordedProjectEvents(events, version)))();
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
