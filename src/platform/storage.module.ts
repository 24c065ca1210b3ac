import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { SETTINGS, type Settings } from '../config/settings';
import { createEventStore, openReadModelDatabase } from '../event-store/create-event-store';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { READ_MODEL_DB } from '../projections/projection';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { Clock, SystemClock } from './clock';
import { DataDirLock, describeHolder } from './data-dir-lock';
import { ensurePrivateDataDir } from './private-files';
import { OUR_STREAM_PREFIXES } from './our-streams';

/** Nest injection token for this process's lock on DATA_DIR (data-dir-lock.ts). */
export const DATA_DIR_LOCK = Symbol('DATA_DIR_LOCK');

/**
 * DATA_DIR made private (0700, files 0600), then locked: the one writer of the data
 * directory, taken before the database is opened. A second process fails here, naming the holder.
 */
function lockDataDir(settings: Settings): DataDirLock {
  const log = new Logger('Storage');
  for (const note of ensurePrivateDataDir(settings.dataDir)) log.warn(note);
  const lock = DataDirLock.acquire(settings.dataDir);
  if (lock.previous && lock.previous.pid !== lock.holder.pid)
    log.warn(
      `The previous holder of ${settings.dataDir} (${describeHolder(lock.previous)}) ended without releasing it`,
    );
  return lock;
}

/**
 * The lock on DATA_DIR, the event store chosen by EVENT_STORE, the SQLite database that holds
 * the read models, the clock and the reference data in force.
 * With the embedded store both live in one file under DATA_DIR and share one connection
 * (better-sqlite3 is synchronous, so a transaction never interleaves with another).
 */
@Global()
@Module({
  providers: [
    { provide: DATA_DIR_LOCK, inject: [SETTINGS], useFactory: lockDataDir },
    {
      provide: READ_MODEL_DB,
      // The lock first: nothing is opened in a data directory another process writes to.
      inject: [SETTINGS, DATA_DIR_LOCK],
      useFactory: (settings: Settings): Database => openReadModelDatabase(settings),
    },
    {
      provide: EVENT_STORE,
      inject: [SETTINGS, READ_MODEL_DB],
      useFactory: (settings: Settings, db: Database): EventStore =>
        createEventStore(settings, { streamPrefixes: OUR_STREAM_PREFIXES, sqliteDatabase: db }),
    },
    { provide: Clock, useClass: SystemClock },
    // One instance for the whole application, so reference data an admin replaces is seen everywhere.
    ReferenceDataService,
  ],
  exports: [DATA_DIR_LOCK, READ_MODEL_DB, EVENT_STORE, Clock, ReferenceDataService],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: Database,
    @Inject(DATA_DIR_LOCK) private readonly lock: DataDirLock,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.store.close();
      if (this.db.open) this.db.close();
    } finally {
      this.lock.release();
    }
  }
}
