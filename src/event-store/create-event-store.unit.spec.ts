import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, type Settings } from '../config/settings';
import {
  createEventStore,
  openReadModelDatabase,
  readModelDatabasePath,
} from './create-event-store';
import { EventStoreDbEventStore } from './eventstoredb.event-store';
import { openSqliteDatabase } from './sqlite-database';
import { SqliteEventStore } from './sqlite.event-store';

/** Any prefixes do: the store takes what it is given. */
const PREFIXES = ['support-project-'];

function settingsFor(dataDir: string, env: Record<string, string> = {}): Settings {
  return loadSettings({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(40), ...env });
}

const ESDB = {
  EVENT_STORE: 'eventstoredb',
  EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
};

describe('choosing the event store from the settings', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'create-event-store-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('with EVENT_STORE=sqlite', () => {
    it('writes its events through the connection it is given, the one the read models use', async () => {
      const db = openSqliteDatabase(join(dir, 'shared.sqlite'));
      try {
        const store = createEventStore(settingsFor(dir), {
          streamPrefixes: PREFIXES,
          sqliteDatabase: db,
        });
        expect(store).toBeInstanceOf(SqliteEventStore);
        await store.append(
          'annual-plan-2026',
          [
            {
              eventId: randomUUID(),
              type: 'PlanOpened',
              data: {},
              metadata: {
                commandId: 'c1',
                actor: { sub: 'a', name: 'A', role: 'admin' },
                occurredOn: '2026-01-02',
                schemaVersion: 1,
              },
            },
          ],
          0,
        );
        expect(db.prepare('SELECT stream_id FROM events').all()).toEqual([
          { stream_id: 'annual-plan-2026' },
        ]);
        await store.close();
      } finally {
        db.close();
      }
    });

    it('opens DATA_DIR/khuyencong.sqlite itself when given no connection, creating the directory', async () => {
      const dataDir = join(dir, 'nested', 'data');
      const store = createEventStore(settingsFor(dataDir), { streamPrefixes: PREFIXES });
      try {
        expect(store.kind).toBe('sqlite');
        expect(existsSync(join(dataDir, 'khuyencong.sqlite'))).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('keeps the read models in that same file', () => {
      expect(readModelDatabasePath(settingsFor(dir))).toBe(join(dir, 'khuyencong.sqlite'));
    });
  });

  describe('with EVENT_STORE=eventstoredb', () => {
    it('builds the EventStoreDB adapter from the connection string, without connecting yet', async () => {
      const store = createEventStore(settingsFor(dir, ESDB), { streamPrefixes: PREFIXES });
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
      expect(store.kind).toBe('eventstoredb');
      await store.close();
      expect(existsSync(join(dir, 'khuyencong.sqlite'))).toBe(false);
    });

    it('takes appends only to the streams it is given (it knows no aggregate itself)', async () => {
      const store = createEventStore(settingsFor(dir, ESDB), { streamPrefixes: ['plan-'] });
      try {
        const event = {
          eventId: randomUUID(),
          type: 'ProjectRegistered',
          data: {},
          metadata: {
            commandId: randomUUID(),
            actor: { sub: 'district-1', name: 'Nguyễn Văn A', role: 'district_officer' as const },
            occurredOn: '2025-03-14',
            schemaVersion: 1,
          },
        };
        await expect(store.append('support-project-1', [event], 0)).rejects.toThrow(
          /not under plan-/,
        );
      } finally {
        await store.close();
      }
    });

    it('keeps the read models of this instance in DATA_DIR/read-models.sqlite, never in the events file', () => {
      const settings = settingsFor(dir, ESDB);
      expect(readModelDatabasePath(settings)).toBe(join(dir, 'read-models.sqlite'));
      const db = openReadModelDatabase(settings);
      try {
        expect(db.name).toBe(join(dir, 'read-models.sqlite'));
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        db.close();
      }
    });
  });
});
