import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/event-store/sqlite-database';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { eventStoreContract, type EventStoreFixture } from './event-store.contract';

/** A store on its own temporary file; tampering goes straight to the row with a second connection. */
async function sqliteFixture(): Promise<EventStoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-contract-'));
  const file = join(dir, 'events.sqlite');
  let store = new SqliteEventStore(file);
  return {
    gapFreePositions: true,
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = new SqliteEventStore(file);
      return store;
    },
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async tamper(streamId, version, newData) {
      const db = openSqliteDatabase(file);
      try {
        const { changes } = db
          .prepare('UPDATE events SET data = ? WHERE stream_id = ? AND version = ?')
          .run(JSON.stringify(newData), streamId, version);
        if (changes !== 1) throw new Error(`No event ${streamId}@${version} to tamper with`);
      } finally {
        db.close();
      }
    },
  };
}

eventStoreContract('SQLite', sqliteFixture);
