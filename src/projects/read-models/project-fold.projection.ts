import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection } from '../../projections/projection';
import type { BusinessDate } from '../../shared/business-date';
import { REGISTRATION_EVENT_TYPES } from '../application/project-history';
import { projectIdOf } from '../application/project-stream';
import { projectDecider } from '../domain/project.decider';
import type { ProjectState } from '../domain/project.state';
import { projectView, type ProjectView } from '../domain/project.view';
import { projectSerde } from '../project.serde';
import { memoLast } from '../../shared/memo-last';
import { SnapshotFormatError } from '../../projections/snapshot-format';

/**
 * The format of the stored snapshot: the JSON of `ProjectState` as this code folds it, with
 * the date of the latest (re)registration and the project's first log position beside it.
 * Raise it when the shape of `ProjectState` changes, or when an upcaster in project.serde.ts
 * changes what the fold sees (a new schema version and its upcaster, a fixed upcaster): the
 * snapshots were folded from the events as the old code read them. Raising it raises the
 * projection's version, so the runner resets the snapshots and every read model fed from them
 * and folds the whole log again through the serde (at the next start; at once with
 * `npm run projections:rebuild` or POST /admin/projections/rebuild).
 */
export const PROJECT_SNAPSHOT_FORMAT = 1;

/** A project whose state changed in a batch, as handed to every read model fed by the fold. */
export interface FoldedProject {
  readonly projectId: string;
  readonly state: ProjectState;
  /** The view of `state` (a registered project: the fold hands no other). */
  readonly view: ProjectView;
  /** The state as stored before this batch; undefined for a project new in it. */
  readonly previous?: ProjectState;
  /** `JSON.stringify(state)`, made once for every read model that stores it. */
  readonly stateJson: string;
  /** The stream version `state` holds. */
  readonly version: number;
  /** The business date of the latest registration or resubmission. */
  readonly registeredOn: BusinessDate;
  /** The log position of the project's first event, and of the last one applied. */
  readonly firstPosition: bigint;
  readonly lastPosition: bigint;
  /** When the last event applied was recorded. */
  readonly updatedAt: string;
}

/**
 * A read model built from the projects' folded state rather than from events: its rows are
 * written in the same transaction as the snapshot, so it holds exactly the versions the
 * snapshot holds and needs no version check of its own.
 */
export interface ProjectStateReadModel {
  /** Raise when its tables or logic change: the fold's version rises with it (see below). */
  readonly version: number;
  setup(db: Database): void;
  reset(db: Database): void;
  /** Writes the rows of the projects that changed in a batch. */
  save(db: Database, projects: readonly FoldedProject[]): void;
}

/** A stored project snapshot of another format than PROJECT_SNAPSHOT_FORMAT. */
export class ProjectSnapshotFormatError extends SnapshotFormatError {
  constructor(projectId: string, format: number) {
    super(`project ${projectId}`, format, PROJECT_SNAPSHOT_FORMAT);
    this.name = 'ProjectSnapshotFormatError';
  }
}

/**
 * The one fold of project events. Each event is deserialized (through the serde and its
 * upcasters) and applied with the write side's `evolve` once per batch; the state is kept in
 * a snapshot this feature owns (project_snapshot, format PROJECT_SNAPSHOT_FORMAT), and each
 * project that changed is handed to every read model that needs its state: the project summary
 * and the reminders' project facts (projections.module.ts lists them).
 *
 * Idempotent: the snapshot keeps the stream version it holds, and an event at or below it is
 * skipped (applied by another process, or a batch applied again); a project nothing new
 * reached is neither written nor handed on.
 */
export class ProjectFoldProjection implements Projection {
  readonly name = 'project-fold';
  /**
   * The snapshot format plus the version of every read model fed: each only ever rises, so
   * this rises whenever one of them does, and the runner then rebuilds them all from the log.
   * (A read model taken off the list: raise PROJECT_SNAPSHOT_FORMAT with it.)
   */
  readonly version: number;

  constructor(private readonly readModels: readonly ProjectStateReadModel[]) {
    this.version = readModels.reduce((sum, model) => sum + model.version, PROJECT_SNAPSHOT_FORMAT);
  }

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS project_snapshot (
        project_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        format INTEGER NOT NULL,
        registered_on TEXT NOT NULL,
        first_position INTEGER NOT NULL,
        state_json TEXT NOT NULL
      ) STRICT;
    `);
    for (const model of this.readModels) model.setup(db);
  }

  reset(db: Database): void {
    db.exec('DELETE FROM project_snapshot;');
    for (const model of this.readModels) model.reset(db);
  }

  apply(db: Database, events: readonly RecordedEvent[]): void {
    const sql = this.statements(db);
    const touched = new Map<string, Folding>();
    for (const event of events) {
      const projectId = projectIdOf(event.streamId);
      if (projectId === undefined) continue;
      let folding = touched.get(projectId);
      if (!folding) {
        folding = load(sql, projectId);
        touched.set(projectId, folding);
      }
      if (event.version <= folding.version) continue;
      folding.state = projectDecider.evolve(folding.state, projectSerde.deserialize(event));
      folding.version = event.version;
      folding.firstPosition ??= event.position;
      folding.lastPosition = event.position;
      folding.updatedAt = event.metadata.recordedAt;
      if (REGISTRATION_EVENT_TYPES.has(event.type)) folding.registeredOn = event.metadata.occurredOn;
      folding.changed = true;
    }
    const changed: FoldedProject[] = [];
    for (const [projectId, folding] of touched) {
      if (!folding.changed) continue;
      const view = projectView(folding.state);
      if (!view) continue; // events before a registration cannot happen; nothing to keep
      const folded: FoldedProject = {
        projectId,
        state: folding.state,
        view,
        previous: folding.previous,
        stateJson: JSON.stringify(folding.state),
        version: folding.version,
        registeredOn: folding.registeredOn,
        firstPosition: folding.firstPosition ?? folding.lastPosition,
        lastPosition: folding.lastPosition,
        updatedAt: folding.updatedAt,
      };
      sql.upsert.run(
        projectId,
        folded.version,
        PROJECT_SNAPSHOT_FORMAT,
        folded.registeredOn,
        folded.firstPosition,
        folded.stateJson,
      );
      changed.push(folded);
    }
    if (changed.length === 0) return;
    for (const model of this.readModels) model.save(db, changed);
  }

  private readonly statements = memoLast(prepare);
}

interface Folding {
  state: ProjectState;
  readonly previous?: ProjectState;
  /** The stream version `state` holds: events at or below it are already applied. */
  version: number;
  registeredOn: BusinessDate;
  firstPosition?: bigint;
  lastPosition: bigint;
  updatedAt: string;
  /** Set once an event not yet held was applied: only those projects are written. */
  changed?: boolean;
}

interface Statements {
  load: Statement;
  upsert: Statement;
}

function prepare(db: Database): Statements {
  return {
    load: db
      .prepare(
        'SELECT version, format, registered_on, first_position, state_json FROM project_snapshot WHERE project_id = ?',
      )
      .safeIntegers(true),
    upsert: db.prepare(`
      INSERT INTO project_snapshot (project_id, version, format, registered_on, first_position, state_json)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(project_id) DO UPDATE SET version = excluded.version, format = excluded.format,
        registered_on = excluded.registered_on, state_json = excluded.state_json`),
  };
}

interface SnapshotRow {
  version: bigint;
  format: bigint;
  registered_on: string;
  first_position: bigint;
  state_json: string;
}

/** The stored snapshot, refused unless it is of the format this code folds. */
function load(sql: Statements, projectId: string): Folding {
  const row = sql.load.get(projectId) as SnapshotRow | undefined;
  if (!row) {
    return {
      state: projectDecider.initialState(),
      version: 0,
      registeredOn: '',
      lastPosition: 0n,
      updatedAt: '',
    };
  }
  if (Number(row.format) !== PROJECT_SNAPSHOT_FORMAT)
    throw new ProjectSnapshotFormatError(projectId, Number(row.format));
  // The format says this JSON is a ProjectState as this code folds it.
  const state = JSON.parse(row.state_json) as ProjectState;
  return {
    state,
    previous: state,
    version: Number(row.version),
    registeredOn: row.registered_on,
    firstPosition: row.first_position,
    lastPosition: 0n,
    updatedAt: '',
  };
}
