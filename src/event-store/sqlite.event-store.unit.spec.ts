import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStoreUnavailableError,
  WrongExpectedVersionError,
  type EventToAppend,
  type RecordedEvent,
} from './event-store.port';
import { readWholeLog, verifyLog } from './hash-chain';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-database';
import {
  EventIdConflictError,
  SqliteEventStore,
  type SqliteEventStoreOptions,
} from './sqlite.event-store';

function anEvent(data: unknown = { note: 'bước' }): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'StepTaken',
    data,
    metadata: {
      commandId: randomUUID(),
      actor: { sub: 'u-1', name: 'Lê Văn C', role: 'approver' },
      occurredOn: '2025-04-01',
      schemaVersion: 1,
    },
  };
}

function events(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent({ index }));
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every append of the batch was refused as unavailable. */
function expectAllUnavailable(outcomes: readonly PromiseSettledResult<unknown>[]): void {
  for (const outcome of outcomes)
    expect(outcome).toMatchObject({
      status: 'rejected',
      reason: expect.any(EventStoreUnavailableError),
    });
}

/** The store takes writes again: stream `s`, holding one event, takes its second at position 2. */
async function expectSecondEventAppended(store: SqliteEventStore): Promise<void> {
  await expect(store.append('s', events(1), 1)).resolves.toMatchObject({
    version: 2,
    position: 2n,
  });
}

const positionsOf = (recorded: readonly RecordedEvent[]) => recorded.map((event) => event.position);

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  const toClose: { close(): unknown }[] = [];

  function open(options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const store = new SqliteEventStore(file, options);
    toClose.push(store);
    return store;
  }

  function connection(): SqliteDatabase {
    const db = openSqliteDatabase(file);
    toClose.push(db);
    return db;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
    file = join(dir, 'events.sqlite');
  });

  afterEach(async () => {
    while (toClose.length > 0) await toClose.pop()?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('on an existing file', () => {
    it('keeps the events already there when a second store opens it', async () => {
      const first = open();
      await first.append('s', events(2), 0);
      const second = open();
      expect(await second.readStream('s')).toHaveLength(2);
      await expect(second.append('s', events(1), 2)).resolves.toMatchObject({ version: 3 });
    });

    it('stores data and metadata as JSON text', async () => {
      const store = open();
      await store.append('s', [anEvent({ amountVnd: 250_000_000 })], 0);
      const row = connection()
        .prepare(
          'SELECT typeof(data) AS dataType, typeof(metadata) AS metadataType, data FROM events',
        )
        .get();
      expect(row).toEqual({
        dataType: 'text',
        metadataType: 'text',
        data: '{"amountVnd":250000000}',
      });
    });
  });

  describe('group commit', () => {
    it('commits appends that arrive in the same turn in one transaction', async () => {
      const store = open();
      const before = store.groupCommitStats();
      await Promise.all(
        Array.from({ length: 16 }, (_, index) => store.append(`s-${index}`, events(1), 0)),
      );
      const after = store.groupCommitStats();
      expect(after.commits - before.commits).toBe(1);
      expect(after.appends - before.appends).toBe(16);
    });

    it('lets appends to one stream in the same batch build on one another', async () => {
      const store = open();
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, index) => store.append('s', events(1), index)),
      );
      expect(results.map((result) => result.version)).toEqual(
        Array.from({ length: 16 }, (_, index) => index + 1),
      );
      expect(store.groupCommitStats().commits).toBe(1);
    });

    it('keeps batches to the configured size', async () => {
      const store = open({ maxBatchSize: 4 });
      await Promise.all(
        Array.from({ length: 10 }, (_, index) => store.append(`s-${index}`, events(1), 0)),
      );
      expect(store.groupCommitStats()).toEqual({ commits: 3, appends: 10 });
    });

    it('leaves no gap in positions where a refused append was rolled back', async () => {
      const store = open();
      await store.append('taken', events(1), 0);
      const outcomes = await Promise.allSettled([
        store.append('a', events(2), 0),
        store.append('taken', events(3), 0),
        store.append('b', events(2), 0),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(positionsOf(await store.readAll({ after: 0n, limit: 100 }))).toEqual([
        1n,
        2n,
        3n,
        4n,
        5n,
      ]);
    });

    it('undoes the first events of an append whose later event id is taken, and nothing else', async () => {
      const store = open();
      const taken = anEvent();
      await store.append('other', [taken], 0);
      const outcomes = await Promise.allSettled([
        store.append('s', [anEvent(), taken], 0),
        store.append('t', events(1), 0),
      ]);
      expect(outcomes[0]).toMatchObject({
        status: 'rejected',
        reason: expect.any(EventIdConflictError),
      });
      expect(outcomes[1]).toMatchObject({ status: 'fulfilled', value: { position: 2n } });
      expect(await store.readStream('s')).toEqual([]);
    });
  });

  describe('event ids', () => {
    it('refuses an event id already recorded in another stream', async () => {
      const store = open();
      const event = anEvent();
      await store.append('a', [event], 0);
      await expect(store.append('b', [event], 0)).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await store.readStream('b')).toEqual([]);
    });

    it('refuses a retry whose later events differ from those recorded', async () => {
      const store = open();
      const [first, second] = events(2);
      await store.append('s', [first, second], 0);
      await expect(store.append('s', [first, anEvent()], 0)).rejects.toBeInstanceOf(
        EventIdConflictError,
      );
      expect(await store.readStream('s')).toHaveLength(2);
    });

    it('refuses a retry that expects a version the original did not', async () => {
      const store = open();
      const batch = events(1);
      await store.append('s', events(1), 0);
      await store.append('s', batch, 1);
      await expect(store.append('s', batch, 0)).rejects.toMatchObject({
        name: 'WrongExpectedVersionError',
        actual: 2,
      });
    });

    it('answers two identical appends in one batch as one append and its retry', async () => {
      const store = open();
      const batch = events(2);
      const [original, retry] = await Promise.all([
        store.append('s', batch, 0),
        store.append('s', batch, 0),
      ]);
      expect(original.alreadyAppended).toBe(false);
      expect(retry).toEqual({ ...original, alreadyAppended: true });
    });
  });

  describe('refusing bad input', () => {
    it('rejects data JSON cannot hold, and writes nothing', async () => {
      const store = open();
      await expect(store.append('s', [anEvent({ amount: 10n })], 0)).rejects.toBeInstanceOf(
        TypeError,
      );
      await expect(
        store.append('s', [{ ...anEvent(), data: undefined }], 0),
      ).rejects.toBeInstanceOf(TypeError);
      expect(await store.headPosition()).toBe(0n);
    });

    it('rejects an empty append and a negative expected version', async () => {
      const store = open();
      await expect(store.append('s', [], 0)).rejects.toBeInstanceOf(TypeError);
      await expect(store.append('s', events(1), -1)).rejects.toBeInstanceOf(TypeError);
    });
  });

  describe('subscriptions', () => {
    it('delivers a live event on commit, without waiting for the poll', async () => {
      const store = open({ pollIntervalMs: 60_000 });
      const seen: RecordedEvent[] = [];
      let caughtUp = false;
      const subscription = store.subscribeToAll({
        after: 0n,
        onEvent: (event) => void seen.push(event),
        onCaughtUp: () => (caughtUp = true),
      });
      await eventually(() => caughtUp);
      await store.append('s', events(1), 0);
      await eventually(() => seen.length === 1, 1000);
      await subscription.stop();
    });

    it('picks up events another connection appended, by polling', async () => {
      const watched = open({ pollIntervalMs: 50 });
      const seen: RecordedEvent[] = [];
      const subscription = watched.subscribeToAll({
        after: 0n,
        onEvent: (event) => void seen.push(event),
      });
      await open().append('s', events(2), 0);
      await eventually(() => seen.length === 2, 2000);
      await subscription.stop();
    });

    it('pages through history larger than one page', async () => {
      const store = open({ subscriptionPageSize: 7 });
      for (let i = 0; i < 5; i += 1) await store.append('s', events(5), i * 5);
      const seen: bigint[] = [];
      let caughtUpAt = -1n;
      const subscription = store.subscribeToAll({
        after: 0n,
        onEvent: (event) => void seen.push(event.position),
        onCaughtUp: (position) => (caughtUpAt = position),
      });
      await eventually(() => caughtUpAt === 25n);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => BigInt(index + 1)));
      await subscription.stop();
    });

    it('are stopped by close', async () => {
      const store = open();
      const seen: RecordedEvent[] = [];
      store.subscribeToAll({ after: 0n, onEvent: (event) => void seen.push(event) });
      await store.append('s', events(1), 0);
      await eventually(() => seen.length === 1);
      await expect(store.close()).resolves.toBeUndefined();
      expect(() => store.subscribeToAll({ after: 0n, onEvent: () => undefined })).toThrow(
        EventStoreUnavailableError,
      );
    });
  });

  describe('closing', () => {
    it('commits appends still queued before it closes', async () => {
      const store = open();
      const pending = store.append('s', events(3), 0);
      await store.close();
      await expect(pending).resolves.toMatchObject({ version: 3 });
      expect(await open().readStream('s')).toHaveLength(3);
    });

    it('refuses appends and reads afterwards as unavailable', async () => {
      const store = open();
      await store.close();
      await expect(store.append('s', events(1), 0)).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.readStream('s')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('importing', () => {
    it('refuses a stream whose versions do not run from 1 without gaps', async () => {
      const source = open();
      await source.append('s', events(3), 0);
      const [first, , third] = await source.readStream('s');
      const target = new SqliteEventStore(join(dir, 'target.sqlite'));
      toClose.push(target);
      await expect(target.importEvents([first, third])).rejects.toThrow(/version 3/);
      await expect(target.importEvents([third])).rejects.toThrow(/version 3/);
      expect(await target.headPosition()).toBe(0n);
    });

    it('imports nothing when one event id is already recorded', async () => {
      const store = open();
      const [event] = (await store.append('a', events(1), 0)).events;
      await expect(store.importEvents([{ ...event, streamId: 'b' }])).rejects.toBeInstanceOf(
        EventIdConflictError,
      );
      expect(await store.readStream('b')).toEqual([]);
      expect(await store.headPosition()).toBe(1n);
    });
  });

  describe('when the database cannot take writes', () => {
    it('rejects every append of the batch while another connection holds the write lock, then recovers', async () => {
      const store = open({ busyTimeoutMs: 50 });
      await store.append('s', events(1), 0);
      const locker = connection();
      locker.exec('BEGIN IMMEDIATE');
      const outcomes = await Promise.allSettled([
        store.append('s', events(1), 1),
        store.append('t', events(1), 0),
        store.append('u', events(2), 'any'),
      ]);
      expectAllUnavailable(outcomes);
      locker.exec('ROLLBACK');
      expect(await store.headPosition()).toBe(1n);
      await expectSecondEventAppended(store);
    });

    it('rejects appends as unavailable on a read-only connection, then recovers', async () => {
      const db = connection();
      const store = new SqliteEventStore(db);
      await store.append('s', events(1), 0);
      db.pragma('query_only = ON');
      const outcomes = await Promise.allSettled([
        store.append('s', events(1), 1),
        store.append('t', events(1), 0),
      ]);
      expectAllUnavailable(outcomes);
      db.pragma('query_only = OFF');
      await expectSecondEventAppended(store);
      expect(await verifyLog(readWholeLog(store))).toMatchObject({ valid: true, eventsChecked: 2 });
    });

    it('still answers WrongExpectedVersionError for a conflict, not unavailability', async () => {
      const store = open();
      await store.append('s', events(1), 0);
      await expect(store.append('s', events(1), 0)).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
    });
  });
});

/** Mounting a tmpfs needs root (CAP_SYS_ADMIN); where that is missing the disk-full test cannot run. */
function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0)
      return false;
    return spawnSync('umount', [probe]).status === 0;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const describeOnTmpfs = canMountTmpfs() ? describe : describe.skip;

describeOnTmpfs(
  'SqliteEventStore on a full disk (a small tmpfs; skipped where mounting needs root we lack)',
  () => {
    let mountPoint: string;
    let store: SqliteEventStore;

    function mount(options: string): void {
      const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint], {
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`mount failed: ${result.stderr}`);
    }

    beforeEach(() => {
      mountPoint = mkdtempSync(join(tmpdir(), 'event-store-tmpfs-'));
      mount('size=1m');
      store = new SqliteEventStore(join(mountPoint, 'events.sqlite'), { busyTimeoutMs: 100 });
    });

    afterEach(async () => {
      await store.close();
      spawnSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    });

    it('rejects the whole batch as unavailable, keeps what was acknowledged, and works again once there is room', async () => {
      const bulky = () => [anEvent({ note: 'x'.repeat(64 * 1024) })];
      const acknowledged: RecordedEvent[] = [];
      let refusal: unknown = null;
      for (let i = 0; i < 64 && refusal === null; i += 1) {
        await store.append('bulky', bulky(), 'any').then(
          (result) => acknowledged.push(...result.events),
          (error: unknown) => (refusal = error),
        );
      }
      expect(refusal).toBeInstanceOf(EventStoreUnavailableError);
      expect(acknowledged.length).toBeGreaterThan(0);

      const batch = await Promise.allSettled([
        store.append('bulky', bulky(), 'any'),
        store.append('small', events(1), 0),
        store.append('small-2', events(1), 0),
      ]);
      expectAllUnavailable(batch);
      expect(positionsOf(await store.readAll({ after: 0n, limit: 1000 }))).toEqual(
        positionsOf(acknowledged),
      );

      expect(spawnSync('mount', ['-o', 'remount,size=16m', mountPoint]).status).toBe(0);
      const recovered = await Promise.all([
        store.append('small', events(1), 0),
        store.append('bulky', bulky(), acknowledged.length),
      ]);
      expect(recovered.map((result) => result.position)).toEqual([
        BigInt(acknowledged.length + 1),
        BigInt(acknowledged.length + 2),
      ]);
      expect(await verifyLog(readWholeLog(store))).toMatchObject({
        valid: true,
        eventsChecked: acknowledged.length + 2,
      });
    });
  },
);
