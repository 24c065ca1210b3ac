import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import {
  ReminderPlanFactsRows,
  ReminderProjectFactsRows,
} from '../../reminders/reminder-facts.read-model';
import { ReminderFactsReader } from '../../reminders/reminder-facts.reader';
import { DEFAULT_REMINDER_SETTINGS } from '../../reminders/rules/reminder-settings';
import { projectHistoryOf } from '../application/project-history';
import { projectReminderFacts } from '../application/project-reminder-facts';
import { ev, historyOf, PROJECT_ID } from '../../../test/support/projects/project-fixtures';
import { recordedProjectEvents } from '../../../test/support/projects/recorded-project-events';
import { projectView } from '../domain/project.view';
import {
  PROJECT_SNAPSHOT_FORMAT,
  ProjectFoldProjection,
  ProjectSnapshotFormatError,
  type ProjectStateReadModel,
} from './project-fold.projection';
import { ProjectSummaryReadModel } from './project-summary.projection';
import { reminderProjectFactsFeed } from './reminder-facts.feed';

const fold = () =>
  new ProjectFoldProjection([
    new ProjectSummaryReadModel(),
    reminderProjectFactsFeed(new ReminderProjectFactsRows()),
  ]);

describe('the one fold of project events', () => {
  let db: Database.Database;
  const history = [
    ...historyOf.in_execution,
    ev.reported('2024-03', '2024-03-25', [{ indicator: 'trainees', value: 12 }]),
    ev.advance(50_000_000),
  ];
  const events = recordedProjectEvents(history);

  beforeEach(() => {
    db = new Database(':memory:');
  });

  afterEach(() => db.close());

  function apply(projection: ProjectFoldProjection, batch: readonly RecordedEvent[]): void {
    db.transaction(() => projection.apply(db, batch))();
  }

  it('hands the summary and the reminders the state the stream folds to, stored once as its snapshot', () => {
    const projection = fold();
    projection.setup(db);
    apply(projection, events);

    const fromStream = projectHistoryOf(events);
    const snapshot = db.prepare('SELECT * FROM project_snapshot').get() as Record<string, unknown>;
    expect(snapshot).toMatchObject({
      project_id: PROJECT_ID,
      version: events.length,
      format: PROJECT_SNAPSHOT_FORMAT,
      registered_on: '2024-06-01',
      first_position: 1,
    });
    expect(JSON.parse(snapshot.state_json as string)).toEqual(fromStream.state);
    const summary = db
      .prepare('SELECT version, state_json, net_disbursed_vnd FROM project_summary')
      .get() as { version: number; state_json: string; net_disbursed_vnd: number };
    expect(summary).toEqual({
      version: events.length,
      state_json: snapshot.state_json,
      net_disbursed_vnd: 50_000_000,
    });
    new ReminderPlanFactsRows().setup(db); // the reader reads both tables
    const view = projectView(fromStream.state);
    if (!view) throw new Error('the history registers the project');
    expect(
      new ReminderFactsReader(db).load('2024-06-20', DEFAULT_REMINDER_SETTINGS, {}).projects,
    ).toEqual([projectReminderFacts(view, fromStream.registeredOn)]);
  });

  it('builds the same rows event by event as in one batch, and skips what a row holds', () => {
    const once = new Database(':memory:');
    const oneBatch = fold();
    oneBatch.setup(once);
    once.transaction(() => oneBatch.apply(once, events))();

    const projection = fold();
    projection.setup(db);
    for (const event of events) apply(projection, [event]);
    apply(projection, events); // all held already: nothing changes
    for (const table of ['project_snapshot', 'project_summary', 'project_indicators', 'reminder_project_facts']) {
      const rows = (d: Database.Database) => d.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
      expect(rows(db)).toEqual(rows(once));
    }
    once.close();
  });

  it('refuses a snapshot of another format, and leaves the rows as they were', () => {
    const projection = fold();
    projection.setup(db);
    apply(projection, events.slice(0, -1));
    db.prepare('UPDATE project_snapshot SET format = ?').run(PROJECT_SNAPSHOT_FORMAT + 1);
    const before = db.prepare('SELECT net_disbursed_vnd FROM project_summary').get();

    expect(() => apply(projection, events.slice(-1))).toThrow(ProjectSnapshotFormatError);
    expect(db.prepare('SELECT net_disbursed_vnd FROM project_summary').get()).toEqual(before);
  });

  it('rises in version with the snapshot format and with any read model it feeds, so the runner rebuilds them', () => {
    const model = (version: number): ProjectStateReadModel => ({
      version,
      setup: () => undefined,
      reset: () => undefined,
      save: () => undefined,
    });
    const today = new ProjectFoldProjection([model(2), model(3)]).version;
    expect(today).toBe(PROJECT_SNAPSHOT_FORMAT + 5);
    expect(new ProjectFoldProjection([model(2), model(4)]).version).toBeGreaterThan(today);
    expect(new ProjectFoldProjection([model(2), model(3), model(1)]).version).toBeGreaterThan(today);
  });
});
