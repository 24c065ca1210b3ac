import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStoreUnavailableError,
  type EventToAppend,
  type RecordedEvent,
} from './event-store.port';
import { SqliteEventStore } from './sqlite.event-store';
import type { FileSync } from './wal-durability';

function anEvent(): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'StepTaken',
    data: { note: 'bước' },
    metadata: {
      commandId: randomUUID(),
      actor: { sub: 'u-1', name: 'Lê Văn C', role: 'approver' },
      occurredOn: '2025-04-01',
      schemaVersion: 1,
    },
  };
}

/** A disk whose syncs complete only when the test says so (the real store, a held-back sync). */
class HeldSync implements FileSync {
  readonly paths: string[] = [];
  private pending: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(path?: string) {
    if (path) this.paths.push(path);
  }

  get waiting(): number {
    return this.pending.length;
  }

  sync(): Promise<void> {
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  complete(): void {
    this.pending.shift()!.resolve();
  }

  fail(): void {
    this.pending.shift()!.reject(new Error('EIO: i/o error, fdatasync'));
  }

  close(): void {}
}

/** A few turns of the event loop: long enough for anything not waiting on the disk. */
async function turns(count = 5): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

function settledState(promise: Promise<unknown>): () => 'pending' | 'resolved' | 'rejected' {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  return () => state;
}

describe('SqliteEventStore on a slow disk (the log synced off the event loop)', () => {
  let dir: string;
  let disk: HeldSync;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-durability-'));
    disk = new HeldSync();
    store = new SqliteEventStore(join(dir, 'events.sqlite'), {
      syncFile: (path) => {
        disk.paths.push(path);
        return disk;
      },
    });
  });

  afterEach(async () => {
    while (disk.waiting > 0) disk.complete();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs the write-ahead log of the database file', async () => {
    const appended = store.append('s', [anEvent()], 0);
    await turns();
    disk.complete();
    await appended;
    expect(disk.paths).toEqual([join(dir, 'events.sqlite-wal')]);
    expect(store.walSyncCount()).toBe(1);
  });

  it('answers an append only once the sync that covers it has completed', async () => {
    const state = settledState(store.append('s', [anEvent()], 0));
    await turns();
    expect(disk.waiting).toBe(1);
    expect(state()).toBe('pending');
    disk.complete();
    await turns();
    expect(state()).toBe('resolved');
  });

  it('lets appends committed while a sync runs share the next sync', async () => {
    const first = store.append('a', [anEvent()], 0);
    await turns();
    const later = [store.append('b', [anEvent()], 0), store.append('c', [anEvent()], 0)];
    await turns();
    const third = store.append('d', [anEvent()], 0);
    await turns();
    expect(store.groupCommitStats().commits).toBe(3);
    expect(disk.waiting).toBe(1);
    disk.complete();
    await first;
    await turns();
    expect(disk.waiting).toBe(1);
    disk.complete();
    await Promise.all([...later, third]);
    expect(store.walSyncCount()).toBe(2);
  });

  it('delivers no event to subscribers before it is durable', async () => {
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      after: 0n,
      onEvent: (e) => void delivered.push(e),
    });
    const appended = store.append('s', [anEvent()], 0);
    await turns(20);
    expect(delivered).toEqual([]);
    expect(await store.readAll({ after: 0n, limit: 10 })).toEqual([]);
    disk.complete();
    const { position } = await appended;
    for (let i = 0; i < 100 && delivered.length === 0; i++) await turns();
    expect(delivered.map((e) => e.position)).toEqual([position]);
    await subscription.stop();
  });

  it('gives a stream to a command (or a retry) only once its last append is durable', async () => {
    const appended = settledState(store.append('s', [anEvent()], 0));
    await turns();
    const read = store.readStream('s');
    const state = settledState(read);
    await turns();
    expect(state()).toBe('pending');
    disk.complete();
    expect((await read).map((e) => e.version)).toEqual([1]);
    await turns();
    expect(appended()).toBe('resolved');
  });

  it('refuses the appends as unavailable when the sync fails, and makes them durable on a later sync', async () => {
    const appended = store.append('s', [anEvent()], 0);
    await turns();
    disk.fail();
    await expect(appended).rejects.toBeInstanceOf(EventStoreUnavailableError);
    // The retried command finds its event (once a later sync has made it durable).
    const retried = store.readStream('s');
    await turns();
    disk.complete();
    expect((await retried).map((e) => e.version)).toEqual([1]);
  });

  it('waits for the last sync when closed', async () => {
    const appended = store.append('s', [anEvent()], 0);
    await turns();
    const closed = settledState(store.close());
    await turns();
    expect(closed()).toBe('pending');
    disk.complete();
    await appended;
    await turns();
    expect(closed()).toBe('resolved');
  });
});

describe('SqliteEventStore where SQLite already decides durability', () => {
  it('leaves an in-memory database to SQLite: no sync of its own', async () => {
    const store = new SqliteEventStore(':memory:', {
      syncFile: () => {
        throw new Error('no log file to sync');
      },
    });
    await store.append('s', [anEvent()], 0);
    expect(store.walSyncCount()).toBe(0);
    await store.close();
  });

  it('syncs fast disks right after the commit, without a trip to the thread pool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wal-durability-'));
    const calls: string[] = [];
    const store = new SqliteEventStore(join(dir, 'events.sqlite'), {
      syncFile: () => ({
        sync: () => {
          calls.push('thread pool');
          return Promise.resolve();
        },
        syncNow: () => void calls.push('inline'),
        close: () => undefined,
      }),
    });
    await Promise.all([store.append('a', [anEvent()], 0), store.append('b', [anEvent()], 0)]);
    await store.append('a', [anEvent()], 1);
    expect(calls).toEqual(['inline', 'inline']);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
