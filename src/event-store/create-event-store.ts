import { join } from 'node:path';
import type { Settings } from '../config/settings';
import { ensurePrivateDataDir } from '../platform/private-files';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb.event-store';
import {
  databasePathIn,
  openDataDirDatabase,
  openSqliteDatabase,
  type SqliteDatabase,
} from './sqlite-database';
import { SqliteEventStore } from './sqlite.event-store';

/**
 * The store EVENT_STORE chooses, for the server (StorageModule) and the command-line tools.
 *
 * With `sqlite` events and read models share one file (DATA_DIR/khuyencong.sqlite). With
 * `eventstoredb` the log is on the server and each app instance keeps its own read models in
 * DATA_DIR/read-models.sqlite, fed by its own subscription: never the events file, so a node
 * that once ran embedded cannot mix old embedded checkpoints with EventStoreDB positions.
 */

export const READ_MODELS_FILE_NAME = 'read-models.sqlite';

export interface CreateEventStoreOptions {
  /** The streams EventStoreDB takes and reads back: the application's aggregates (platform/our-streams.ts). */
  readonly streamPrefixes: readonly string[];
  /** With `sqlite`: an open connection to share (the server shares it with the read models). */
  readonly sqliteDatabase?: SqliteDatabase;
}

export function createEventStore(settings: Settings, options: CreateEventStoreOptions): EventStore {
  const config = settings.eventStore;
  const { streamPrefixes } = options;
  if (config.kind === 'eventstoredb')
    return EventStoreDbEventStore.fromConnectionString(config.connectionString, { streamPrefixes });
  if (options.sqliteDatabase) return new SqliteEventStore(options.sqliteDatabase);
  ensurePrivateDataDir(settings.dataDir);
  return new SqliteEventStore(databasePathIn(settings.dataDir));
}

/** Where this instance keeps its read models and their checkpoints. */
export function readModelDatabasePath(settings: Settings): string {
  return settings.eventStore.kind === 'eventstoredb'
    ? join(settings.dataDir, READ_MODELS_FILE_NAME)
    : databasePathIn(settings.dataDir);
}

/** Opens (creating if needed) the read-model database for the configured store. */
export function openReadModelDatabase(settings: Settings): SqliteDatabase {
  if (settings.eventStore.kind === 'sqlite') return openDataDirDatabase(settings.dataDir);
  ensurePrivateDataDir(settings.dataDir);
  return openSqliteDatabase(readModelDatabasePath(settings));
}
