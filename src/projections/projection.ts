import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../event-store/event-store.port';

/**
 * A read model kept in SQLite and built only from the durable log. The runner calls
 * `apply` inside the transaction that also moves the projection's checkpoint, so a crash
 * never skips an event nor applies one twice.
 */
export interface Projection {
  readonly name: string;
  /** Raise when the tables or the logic change: the projection is then rebuilt from the start. */
  readonly version: number;
  /** Creates the tables if they are missing. */
  setup(db: Database): void;
  /** Removes every row, before a rebuild. */
  reset(db: Database): void;
  /** Applies events in global order (already inside a transaction). */
  apply(db: Database, events: readonly RecordedEvent[]): void;
}

/** Nest injection token for the list of projections the runner feeds. */
export const PROJECTIONS = Symbol('PROJECTIONS');
/** Nest injection token for the SQLite database that holds the read models. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
