import { randomUUID } from 'node:crypto';
import {
  GENESIS_HASH,
  WrongExpectedVersionError,
  type AppendResult,
  type EventMetadataInput,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../../src/event-store/event-store.port';
import { verifyChain, verifyLog } from '../../src/event-store/hash-chain';

/**
 * The behaviour every EventStore adapter must have. Each adapter's spec calls
 * `eventStoreContract(name, factory)`; the factory is called once per test (twice for imports)
 * and must return a store whose log nobody else writes to during that test.
 */
export interface EventStoreFixture {
  readonly store: EventStore;
  /** Closes the current store and opens a new one on the same storage (as after a restart). */
  reopen(): Promise<EventStore>;
  /** Closes whatever store is open and removes the storage. */
  cleanup(): Promise<void>;
  /** Rewrites a stored event's data behind the store's back; adapters that can, implement it. */
  tamper?(streamId: string, version: number, newData: unknown): Promise<void>;
  /**
   * True when the adapter's positions rise by exactly one per event (SQLite). Every adapter's
   * positions rise strictly in commit order; EventStoreDB's are log offsets with gaps.
   */
  readonly gapFreePositions?: boolean;
}

/** Positions strictly rising after `start`; with a gap-free adapter, exactly start+1, start+2, … */
function expectPositionsAfter(positions: readonly bigint[], start: bigint, gapFree: boolean | undefined): void {
  if (gapFree) {
    expect(positions).toEqual(positions.map((_, i) => start + BigInt(i + 1)));
    return;
  }
  positions.forEach((position, i) => expect(position).toBeGreaterThan(i === 0 ? start : positions[i - 1]));
}

export type EventStoreFactory = () => Promise<EventStoreFixture>;

const ACTOR = { sub: 'officer-1', name: 'Trần Thị B', role: 'center_officer' as const };

function metadata(commandId = randomUUID()): EventMetadataInput {
  return {
    commandId,
    actor: ACTOR,
    occurredOn: '2025-03-14',
    schemaVersion: 1,
    correlationId: `req-${commandId}`,
  };
}

function anEvent(type = 'StepTaken', data: unknown = { note: 'bước' }): EventToAppend {
  return { eventId: randomUUID(), type, data, metadata: metadata() };
}

function events(count: number, type = 'StepTaken'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent(type, { index }));
}

function newStreamId(): string {
  return `contract-${randomUUID()}`;
}

function versions(recorded: readonly RecordedEvent[]): number[] {
  return recorded.map((event) => event.version);
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`${name} event store (contract)`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    const extraFixtures: EventStoreFixture[] = [];

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
      while (extraFixtures.length > 0) await extraFixtures.pop()?.cleanup();
    });

    describe('appending', () => {
      it('creates a new stream when version 0 is expected', async () => {
        const stream = newStreamId();
        const result = await store.append(stream, [anEvent('ProjectRegistered')], 0);
        expect(result).toMatchObject({ version: 1, alreadyAppended: false });
        expect(result.events).toHaveLength(1);
        expect(await store.readStream(stream)).toEqual(result.events);
      });

      it('refuses version 0 when the stream already exists', async () => {
        const stream = newStreamId();
        await store.append(stream, [anEvent()], 0);
        const refused = store.append(stream, [anEvent()], 0);
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(refused).rejects.toMatchObject({ streamId: stream, expected: 0, actual: 1 });
      });

      it('appends when the expected version is the current version', async () => {
        const stream = newStreamId();
        await store.append(stream, events(2), 0);
        const result = await store.append(stream, events(1), 2);
        expect(result.version).toBe(3);
        expect(versions(await store.readStream(stream))).toEqual([1, 2, 3]);
      });

      it('refuses a stale expected version and writes nothing', async () => {
        const stream = newStreamId();
        await store.append(stream, events(3), 0);
        const head = await store.headPosition();
        await expect(store.append(stream, events(2), 1)).rejects.toMatchObject({
          name: 'WrongExpectedVersionError',
          expected: 1,
          actual: 3,
        });
        expect(versions(await store.readStream(stream))).toEqual([1, 2, 3]);
        expect(await store.headPosition()).toBe(head);
      });

      it('refuses an expected version beyond the stream', async () => {
        const stream = newStreamId();
        await store.append(stream, events(1), 0);
        await expect(store.append(stream, events(1), 5)).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
      });

      it("appends without a version check when 'any' is expected", async () => {
        const stream = newStreamId();
        await store.append(stream, events(1), 'any');
        const result = await store.append(stream, events(2), 'any');
        expect(result.version).toBe(3);
        expect(versions(await store.readStream(stream))).toEqual([1, 2, 3]);
      });

      it('numbers versions from 1 without gaps across appends', async () => {
        const stream = newStreamId();
        const first = await store.append(stream, events(3), 0);
        const second = await store.append(stream, events(2), 3);
        expect(versions(first.events)).toEqual([1, 2, 3]);
        expect(versions(second.events)).toEqual([4, 5]);
        expect(second.position).toBe(second.events[1].position);
        expect(versions(await store.readStream(stream))).toEqual([1, 2, 3, 4, 5]);
      });

      it('records the metadata given, with recordedAt, prevHash and hash, and keeps money as plain numbers', async () => {
        const stream = newStreamId();
        const given = anEvent('AdvancePaid', {
          amountVnd: 9_007_199_254_740_991,
          shares: [350_000_000, 0],
          note: 'Tạm ứng đợt 1',
        });
        const before = Date.now();
        await store.append(stream, [given], 0);
        const [recorded] = await store.readStream(stream);
        expect(recorded.eventId).toBe(given.eventId);
        expect(recorded.type).toBe('AdvancePaid');
        expect(recorded.data).toEqual(given.data);
        expect(typeof (recorded.data as { amountVnd: unknown }).amountVnd).toBe('number');
        expect(recorded.metadata).toMatchObject(given.metadata);
        expect(recorded.metadata.recordedAt).toMatch(
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/,
        );
        expect(Date.parse(recorded.metadata.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(recorded.metadata.prevHash).toBe(GENESIS_HASH);
        expect(recorded.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      });
    });

    describe('retrying an append with the same event ids', () => {
      it('returns the original result and appends nothing', async () => {
        const stream = newStreamId();
        const batch = events(2);
        const original = await store.append(stream, batch, 0);
        const head = await store.headPosition();
        const retry = await store.append(stream, batch, 0);
        expect(retry).toEqual({ ...original, alreadyAppended: true });
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it("returns the original result when the retry expects 'any'", async () => {
        const stream = newStreamId();
        const batch = events(1);
        const original = await store.append(stream, batch, 'any');
        await store.append(stream, events(1), 1);
        const retry = await store.append(stream, batch, 'any');
        expect(retry).toEqual({ ...original, alreadyAppended: true });
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('concurrent appends', () => {
      it('lets exactly one of 16 appends expecting the same version through', async () => {
        const stream = newStreamId();
        await store.append(stream, events(1), 0);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 16 }, () => store.append(stream, events(1), 1)),
        );
        const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const refused = outcomes.filter(
          (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
        );
        expect(succeeded).toHaveLength(1);
        expect(refused).toHaveLength(15);
        for (const outcome of refused)
          expect(outcome.reason).toBeInstanceOf(WrongExpectedVersionError);
        expect(versions(await store.readStream(stream))).toEqual([1, 2]);
      });

      it('accepts 16 appends to 16 different streams', async () => {
        const streams = Array.from({ length: 16 }, newStreamId);
        const results = await Promise.all(
          streams.map((stream) => store.append(stream, events(1), 0)),
        );
        expect(results.map((result) => result.version)).toEqual(Array(16).fill(1));
        const positions = results.map((result) => result.position);
        expect(new Set(positions).size).toBe(16);
        for (const stream of streams) expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads an empty list for a stream that does not exist', async () => {
        expect(await store.readStream(newStreamId())).toEqual([]);
      });

      it('reads a stream up to a version', async () => {
        const stream = newStreamId();
        await store.append(stream, events(5), 0);
        expect(versions(await store.readStream(stream, { toVersion: 3 }))).toEqual([1, 2, 3]);
        expect(versions(await store.readStream(stream, { toVersion: 9 }))).toEqual([1, 2, 3, 4, 5]);
      });

      it('gives global positions that rise across streams in commit order (by one where the adapter is gap-free)', async () => {
        const start = await store.headPosition();
        const [a, b] = [newStreamId(), newStreamId()];
        const results: AppendResult[] = [];
        results.push(await store.append(a, events(2), 0));
        results.push(await store.append(b, events(1), 0));
        results.push(await store.append(a, events(3), 2));
        const positions = results.flatMap((result) => result.events.map((event) => event.position));
        expectPositionsAfter(positions, start, fixture.gapFreePositions);
        expect(await store.headPosition()).toBe(positions[positions.length - 1]);
      });

      it('reads the global log in position order, page by page', async () => {
        const start = await store.headPosition();
        const [a, b] = [newStreamId(), newStreamId()];
        await store.append(a, events(3), 0);
        await store.append(b, events(2), 0);
        await store.append(a, events(2), 3);
        const pages: (readonly RecordedEvent[])[] = [];
        let after = start;
        for (;;) {
          const page = await store.readAll({ after, limit: 3 });
          if (page.length === 0) break;
          pages.push(page);
          after = page[page.length - 1].position;
        }
        expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
        const log = pages.flat();
        expect(log.map((event) => [event.streamId, event.version])).toEqual([
          [a, 1],
          [a, 2],
          [a, 3],
          [b, 1],
          [b, 2],
          [a, 4],
          [a, 5],
        ]);
        expectPositionsAfter(
          log.map((event) => event.position),
          start,
          fixture.gapFreePositions,
        );
      });

      it('answers ping while open', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('hash chain', () => {
      it('links each event to the one before, so every stream verifies', async () => {
        const start = await store.headPosition();
        const [a, b] = [newStreamId(), newStreamId()];
        await store.append(a, events(2), 0);
        await store.append(b, events(3), 0);
        await store.append(a, events(2), 2);
        const streamA = await store.readStream(a);
        expect(streamA[1].metadata.prevHash).toBe(streamA[0].metadata.hash);
        expect(streamA[2].metadata.prevHash).toBe(streamA[1].metadata.hash);
        expect(verifyChain(streamA)).toEqual({
          valid: true,
          eventsChecked: 4,
          firstBrokenVersion: null,
        });
        const log = await store.readAll({ after: start, limit: 100 });
        expect(await verifyLog(log)).toEqual({
          valid: true,
          eventsChecked: 7,
          streamsChecked: 2,
          broken: [],
        });
      });

      it('detects an event altered after it was recorded', async () => {
        const stream = newStreamId();
        await store.append(
          stream,
          [
            anEvent('AdvancePaid', { amountVnd: 350_000_000 }),
            anEvent('AdvancePaid', { amountVnd: 100_000_000 }),
          ],
          0,
        );
        await store.append(stream, events(1), 2);
        let recorded = await store.readStream(stream);
        if (fixture.tamper) {
          await fixture.tamper(stream, 2, { amountVnd: 900_000_000 });
          recorded = await store.readStream(stream);
        } else {
          // Adapters that cannot reach their storage show the same through a copy of what they returned.
          recorded = recorded.map((event) =>
            event.version === 2 ? { ...event, data: { amountVnd: 900_000_000 } } : event,
          );
        }
        expect(recorded[1].data).toEqual({ amountVnd: 900_000_000 });
        expect(verifyChain(recorded)).toEqual({
          valid: false,
          eventsChecked: 3,
          firstBrokenVersion: 2,
        });
      });
    });

    describe('subscribing to the whole log', () => {
      it('delivers history, then live events, in order, and says when it has caught up', async () => {
        const start = await store.headPosition();
        const stream = newStreamId();
        const first = await store.append(stream, events(3), 0);
        const seen: RecordedEvent[] = [];
        const caughtUp: bigint[] = [];
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: (event) => void seen.push(event),
          onCaughtUp: (position) => caughtUp.push(position),
        });
        try {
          await eventually(() => caughtUp.includes(first.position));
          expect(versions(seen)).toEqual([1, 2, 3]);
          const second = await store.append(stream, events(2), 3);
          await eventually(() => seen.length === 5);
          await eventually(() => caughtUp.includes(second.position));
          expect(versions(seen)).toEqual([1, 2, 3, 4, 5]);
          expectPositionsAfter(
            seen.map((event) => event.position),
            start,
            fixture.gapFreePositions,
          );
        } finally {
          await subscription.stop();
        }
      });

      it('reports catching up at once on an empty log', async () => {
        const start = await store.headPosition();
        const caughtUp = deferred<bigint>();
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: () => undefined,
          onCaughtUp: caughtUp.resolve,
        });
        try {
          expect(await caughtUp.promise).toBe(start);
        } finally {
          await subscription.stop();
        }
      });

      it('resumes strictly after the given position, without duplicates', async () => {
        const stream = newStreamId();
        const first = await store.append(stream, events(2), 0);
        await store.append(stream, events(2), 2);
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribeToAll({
          after: first.position,
          onEvent: (event) => void seen.push(event),
        });
        try {
          await eventually(() => seen.length >= 2);
          await store.append(stream, events(1), 4);
          await eventually(() => seen.length >= 3);
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(versions(seen.filter((event) => event.streamId === stream))).toEqual([3, 4, 5]);
        } finally {
          await subscription.stop();
        }
      });

      it('waits for each event to be handled before delivering the next', async () => {
        const start = await store.headPosition();
        await store.append(newStreamId(), events(3), 0);
        let handling = 0;
        let overlapped = false;
        const handled: number[] = [];
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: async (event) => {
            handling += 1;
            overlapped ||= handling > 1;
            await new Promise((resolve) => setTimeout(resolve, 10));
            handled.push(event.version);
            handling -= 1;
          },
        });
        try {
          await eventually(() => handled.length === 3);
          expect(overlapped).toBe(false);
          expect(handled).toEqual([1, 2, 3]);
        } finally {
          await subscription.stop();
        }
      });

      it('retries after onEvent fails, without skipping the event', async () => {
        const start = await store.headPosition();
        const stream = newStreamId();
        await store.append(stream, events(3), 0);
        const attempts: number[] = [];
        const errors: unknown[] = [];
        const failure = new Error('read model unavailable');
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: (event) => {
            attempts.push(event.version);
            if (event.version === 2 && attempts.filter((version) => version === 2).length === 1)
              throw failure;
          },
          onError: (error) => errors.push(error),
        });
        try {
          await eventually(() => attempts.filter((version) => version === 3).length === 1);
          expect(attempts).toEqual([1, 2, 2, 3]);
          expect(errors).toEqual([failure]);
        } finally {
          await subscription.stop();
        }
      });

      it('delivers nothing once stopped', async () => {
        const start = await store.headPosition();
        const stream = newStreamId();
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: (event) => void seen.push(event),
        });
        await store.append(stream, events(1), 0);
        await eventually(() => seen.length === 1);
        await subscription.stop();
        await store.append(stream, events(2), 1);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(versions(seen)).toEqual([1]);
      });
    });

    describe('importing recorded events', () => {
      async function anotherStore(): Promise<EventStore> {
        const other = await factory();
        extraFixtures.push(other);
        return other.store;
      }

      it('keeps ids, versions, metadata and hashes, and gives new positions in the given order', async () => {
        const source = await anotherStore();
        const [a, b] = [newStreamId(), newStreamId()];
        const sourceStart = await source.headPosition();
        await source.append(a, events(2), 0);
        await source.append(b, events(1), 0);
        await source.append(a, events(1), 2);
        const exported = await source.readAll({ after: sourceStart, limit: 100 });

        const start = await store.headPosition();
        await store.importEvents(exported);
        const imported = await store.readAll({ after: start, limit: 100 });
        const withoutPosition = ({ position: _position, ...rest }: RecordedEvent) => rest;
        expect(imported.map(withoutPosition)).toEqual(exported.map(withoutPosition));
        expectPositionsAfter(
          imported.map((event) => event.position),
          start,
          fixture.gapFreePositions,
        );
        expect(verifyChain(await store.readStream(a))).toMatchObject({
          valid: true,
          eventsChecked: 3,
        });
        const next = await store.append(a, events(1), 3);
        expect(next.events[0].metadata.prevHash).toBe(exported[3].metadata.hash);
      });

      it('refuses streams that already exist, and imports nothing', async () => {
        const source = await anotherStore();
        const [fresh, existing] = [newStreamId(), newStreamId()];
        await source.append(fresh, events(1), 0);
        await source.append(existing, events(1), 0);
        const exported = [
          ...(await source.readStream(fresh)),
          ...(await source.readStream(existing)),
        ];
        await store.append(existing, events(1), 0);
        const head = await store.headPosition();

        await expect(store.importEvents(exported)).rejects.toThrow(existing);
        expect(await store.readStream(fresh)).toEqual([]);
        expect(await store.headPosition()).toBe(head);
      });
    });

    describe('after close and reopen', () => {
      it('keeps every event and hash', async () => {
        const [a, b] = [newStreamId(), newStreamId()];
        await store.append(a, events(2), 0);
        await store.append(b, events(1), 0);
        await Promise.all([store.append(a, events(1), 2), store.append(b, events(1), 1)]);
        const before = [...(await store.readStream(a)), ...(await store.readStream(b))];

        const reopened = await fixture.reopen();
        const after = [...(await reopened.readStream(a)), ...(await reopened.readStream(b))];
        expect(after).toEqual(before);
        expect(verifyChain(await reopened.readStream(a)).valid).toBe(true);
        const next = await reopened.append(a, events(1), 3);
        expect(next.version).toBe(4);
      });
    });
  });
}
