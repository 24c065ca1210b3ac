import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { SETTINGS, type Settings } from '../config/settings';
import { createEventStore, openReadModelDatabase } from '../event-store/create-event-store';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { READ_MODEL_DB } from '../projections/projection';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { Clock, SystemClock } from './clock';

/**
 * The event store chosen by EVENT_STORE, the SQLite database that holds the read models, the
 * clock and the reference data in force.
 * With the embedded store both live in one file under DATA_DIR and share one connection
 * (better-sqlite3 is synchronous, so a transaction never interleaves with another).
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_DB,
      inject: [SETTINGS],
      useFactory: (settings: Settings): Database => openReadModelDatabase(settings),
    },
    {
      provide: EVENT_STORE,
      inject: [SETTINGS, READ_MODEL_DB],
      useFactory: (settings: Settings, db: Database): EventStore =>
        createEventStore(settings, { sqliteDatabase: db }),
    },
    { provide: Clock, useClass: SystemClock },
    // One instance for the whole application, so reference data an admin replaces is seen everywhere.
    ReferenceDataService,
  ],
  exports: [READ_MODEL_DB, EVENT_STORE, Clock, ReferenceDataService],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: Database,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    if (this.db.open) this.db.close();
  }
}
