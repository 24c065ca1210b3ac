import { randomUUID } from 'node:crypto';
import {
  AccessDeniedError,
  convertToCommandError,
  DeadlineExceededError,
  NO_STREAM,
  START,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  type JSONEventData,
} from '@eventstore/db-client';
import { status } from '@grpc/grpc-js';
import {
  resolvedFromWire,
  serviceError,
  type WireEvent,
} from '../../test/support/eventstoredb-wire';
import {
  EventStoreUnavailableError,
  GENESIS_HASH,
  WrongExpectedVersionError,
  type EventToAppend,
  type RecordedEvent,
} from './event-store.port';
import {
  checkOurAppendArguments,
  EMPTY_STREAM,
  expectedRevisionFor,
  headOf,
  prepareEvent,
  readPositionAfter,
  sealEvents,
  toEventData,
  toRecordedEvent,
  translateClientError,
  UnreadableEventError,
  versionOfCurrentRevision,
  versionOfRevision,
  type SealedEvent,
} from './eventstoredb.mapping';
import { verifyChain } from './hash-chain';
import { StreamNames } from './stream-names';
import { OUR_STREAM_PREFIXES } from '../platform/our-streams';

const NAMES = new StreamNames(OUR_STREAM_PREFIXES);

const RECORDED_AT = '2025-03-14T02:30:00.000Z';
const STREAM = 'support-project-0b8f5c1e-4a57-4f8e-9c1d-2f3a4b5c6d7e';

function anEvent(data: unknown = { amountVnd: 350_000_000, note: 'Tạm ứng đợt 1' }): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'AdvancePaid',
    data,
    metadata: {
      commandId: randomUUID(),
      actor: { sub: 'finance-1', name: 'Lê Văn C', role: 'finance_officer' },
      occurredOn: '2025-03-14',
      schemaVersion: 1,
      correlationId: 'req-1',
    },
  };
}

/** `events` prepared and sealed as the first ones of STREAM, recorded at RECORDED_AT. */
function sealNew(...events: EventToAppend[]): SealedEvent[] {
  return sealEvents(
    STREAM,
    EMPTY_STREAM,
    events.map((event) => prepareEvent(event)),
    RECORDED_AT,
  );
}

/** What the server would send back for a sealed event written through toEventData. */
function asStored(event: SealedEvent, position: bigint, streamName = event.streamId): WireEvent {
  const written = toEventData(event) as JSONEventData;
  return {
    streamName,
    revision: BigInt(event.version - 1),
    position,
    id: written.id,
    type: written.type,
    data: written.data,
    metadata: written.metadata,
    contentType: written.contentType,
  };
}

describe('EventStoreDB mapping', () => {
  describe('versions and revisions', () => {
    it('expects no stream for version 0 and revision n - 1 for version n', () => {
      expect(expectedRevisionFor(0)).toBe(NO_STREAM);
      expect(expectedRevisionFor(1)).toBe(0n);
      expect(expectedRevisionFor(42)).toBe(41n);
    });

    it('refuses a version that is not a whole number from 0', () => {
      expect(() => expectedRevisionFor(-1)).toThrow(TypeError);
      expect(() => expectedRevisionFor(1.5)).toThrow(TypeError);
    });

    it('reads revision r as version r + 1, and no stream as version 0', () => {
      expect(versionOfRevision(0n)).toBe(1);
      expect(versionOfRevision(9n)).toBe(10);
      expect(versionOfCurrentRevision(4n)).toBe(5);
      expect(versionOfCurrentRevision('no_stream')).toBe(0);
    });

    it('reads $all from the start for position 0 and from the event itself otherwise', () => {
      expect(readPositionAfter(0n)).toBe(START);
      expect(readPositionAfter(18_446n)).toEqual({ commit: 18_446n, prepare: 18_446n });
      expect(() => readPositionAfter(-1n)).toThrow(RangeError);
    });
  });

  describe('stream names', () => {
    it('keeps only the streams under its prefixes', () => {
      const names = NAMES;
      expect(names.isKept(STREAM)).toBe(true);
      expect(names.isKept('annual-plan-2026')).toBe(true);
      expect(names.isKept('programme-CT-2025')).toBe(true);
      expect(names.isKept('$settings')).toBe(false);
      expect(names.streamIdOf('$stats-127.0.0.1:2113')).toBeUndefined();
    });

    it('puts the namespace before names on the server and takes it off when reading', () => {
      const names = new StreamNames(['annual-plan-'], 'dong-nai/');
      expect(names.serverName('annual-plan-2026')).toBe('dong-nai/annual-plan-2026');
      expect(names.serverPrefixes).toEqual(['dong-nai/annual-plan-']);
      expect(names.streamIdOf('dong-nai/annual-plan-2026')).toBe('annual-plan-2026');
      expect(names.streamIdOf('binh-duong/annual-plan-2026')).toBeUndefined();
      expect(names.streamIdOf('annual-plan-2026')).toBeUndefined();
    });

    it('refuses an append to a stream it would never read back from $all', () => {
      expect(() => checkOurAppendArguments('reminder-1', [anEvent()], 0, NAMES)).toThrow(
        /not under support-project-, annual-plan-, programme-/,
      );
      expect(() => checkOurAppendArguments(STREAM, [anEvent()], 0, NAMES)).not.toThrow();
    });
  });

  describe('writing events', () => {
    it('refuses event ids that are not UUIDs, since the server keys retries on them', () => {
      expect(() => prepareEvent({ ...anEvent(), eventId: 'event-1' })).toThrow(/not a UUID/);
    });

    it('seals the first events of a stream from the genesis hash, numbered from 1', () => {
      const sealed = sealNew(anEvent(), anEvent());
      expect(sealed.map((event) => event.version)).toEqual([1, 2]);
      expect(sealed[0].metadata.prevHash).toBe(GENESIS_HASH);
      expect(sealed[1].metadata.prevHash).toBe(sealed[0].metadata.hash);
      expect(sealed[0].metadata.recordedAt).toBe(RECORDED_AT);
      const recorded = sealed.map((event, index): RecordedEvent => ({
        ...event,
        position: BigInt(index + 1),
      }));
      expect(verifyChain(recorded)).toEqual({
        valid: true,
        eventsChecked: 2,
        firstBrokenVersion: null,
      });
    });

    it('continues the chain from the head of an existing stream', () => {
      const [first] = sealNew(anEvent());
      const head = headOf({ ...first, position: 100n });
      expect(head).toEqual({ version: 1, hash: first.metadata.hash });
      const [second] = sealEvents(STREAM, head, [prepareEvent(anEvent())], RECORDED_AT);
      expect(second.version).toBe(2);
      expect(second.metadata.prevHash).toBe(first.metadata.hash);
      expect(
        verifyChain([
          { ...first, position: 100n },
          { ...second, position: 260n },
        ]).valid,
      ).toBe(true);
    });

    it('hashes the data as it will read back: fields JSON drops are not hashed', () => {
      const given = anEvent({ amountVnd: 1, dropped: undefined });
      const [sealed] = sealNew(given);
      expect(sealed.data).toEqual({ amountVnd: 1 });
      expect(Object.keys(sealed.data as object)).toEqual(['amountVnd']);
    });

    it('writes our id, type, JSON data and the sealed metadata as JSON', () => {
      const [sealed] = sealNew(anEvent());
      expect(toEventData(sealed)).toEqual({
        id: sealed.eventId,
        contentType: 'application/json',
        type: 'AdvancePaid',
        data: sealed.data,
        metadata: sealed.metadata,
      });
    });
  });

  describe('reading events back through the client', () => {
    it('gives back exactly what was written, with revision r as version r + 1 and the commit position', () => {
      const sealed = sealNew(anEvent(), anEvent());
      const read = sealed.map((event, index) =>
        toRecordedEvent(resolvedFromWire(asStored(event, 5_000n + 170n * BigInt(index))), NAMES),
      );
      expect(read).toEqual(
        sealed.map((event, index) => ({ ...event, position: 5_000n + 170n * BigInt(index) })),
      );
      expect(verifyChain(read).valid).toBe(true);
    });

    it('keeps Vietnamese text, line separators and the largest safe integer intact', () => {
      const data = {
        amountVnd: Number.MAX_SAFE_INTEGER,
        title: 'Hỗ trợ máy cắt CNC\u2028dòng 2 🏭',
        shares: [350_000_000, 0],
      };
      const [sealed] = sealNew(anEvent(data));
      const read = toRecordedEvent(resolvedFromWire(asStored(sealed, 1n)), NAMES);
      expect(read.data).toEqual(data);
      expect(verifyChain([read]).valid).toBe(true);
    });

    it('takes the namespace off the stream name, so hashes stay those of our stream ids', () => {
      const names = new StreamNames(OUR_STREAM_PREFIXES, 'hanoi/');
      const [sealed] = sealNew(anEvent());
      const read = toRecordedEvent(
        resolvedFromWire(asStored(sealed, 7n, `hanoi/${STREAM}`)),
        names,
      );
      expect(read.streamId).toBe(STREAM);
      expect(verifyChain([read]).valid).toBe(true);
    });

    it('refuses an event of a stream that is not ours', () => {
      const [sealed] = sealNew(anEvent());
      expect(() =>
        toRecordedEvent(resolvedFromWire(asStored(sealed, 7n, `other/${STREAM}`)), NAMES),
      ).toThrow(UnreadableEventError);
    });

    it('refuses an event that is not JSON', () => {
      const [sealed] = sealNew(anEvent());
      const binary = {
        ...asStored(sealed, 7n),
        contentType: 'application/octet-stream',
        data: Uint8Array.from([1, 2, 3]),
      };
      expect(() => toRecordedEvent(resolvedFromWire(binary), NAMES)).toThrow(
        /not application\/json/,
      );
    });

    it('refuses an event written without our hash chain', () => {
      const foreign: WireEvent = {
        streamName: STREAM,
        revision: 0n,
        position: 9n,
        id: randomUUID(),
        type: 'Imported',
        data: {},
        metadata: { source: 'elsewhere' },
      };
      expect(() => toRecordedEvent(resolvedFromWire(foreign), NAMES)).toThrow(/no hash chain/);
      expect(() =>
        toRecordedEvent(resolvedFromWire({ ...foreign, metadata: undefined }), NAMES),
      ).toThrow(/no hash chain/);
    });

    it('refuses an event without a log position (servers before 22.6 on stream reads)', () => {
      const [sealed] = sealNew(anEvent());
      expect(() =>
        toRecordedEvent(resolvedFromWire(asStored(sealed, 2n ** 64n - 1n)), NAMES),
      ).toThrow(/no log position/);
    });
  });

  describe("translating the client's errors", () => {
    it("turns an append's wrong expected version into ours, with our 1-based versions", () => {
      const clientError = new ClientWrongExpectedVersionError(undefined, {
        streamName: STREAM,
        expected: 0n,
        current: 2n,
      });
      const translated = translateClientError(clientError, { streamId: STREAM, expected: 1 });
      expect(translated).toBeInstanceOf(WrongExpectedVersionError);
      expect(translated).toMatchObject({ streamId: STREAM, expected: 1, actual: 3 });
    });

    it('says version 0 when the server says there is no stream, and reads the expectation from the error when not given', () => {
      const clientError = new ClientWrongExpectedVersionError(undefined, {
        streamName: STREAM,
        expected: 4n,
        current: 'no_stream',
      });
      expect(translateClientError(clientError)).toMatchObject({
        streamId: STREAM,
        expected: 5,
        actual: 0,
      });
    });

    it('understands the wrong expected version the server reports as a gRPC error', () => {
      const grpcError = serviceError(
        status.FAILED_PRECONDITION,
        'Append failed',
        'wrong-expected-version',
      );
      grpcError.metadata.set('stream-name', STREAM);
      grpcError.metadata.set('expected-version', '0');
      grpcError.metadata.set('actual-version', '6');
      const clientError = convertToCommandError(grpcError);
      expect(clientError).toBeInstanceOf(ClientWrongExpectedVersionError);
      expect(translateClientError(clientError, { streamId: STREAM, expected: 1 })).toMatchObject({
        name: 'WrongExpectedVersionError',
        actual: 7,
      });
    });

    it('turns an unreachable server or a deadline into "unavailable" (503), keeping the cause', () => {
      for (const code of [status.UNAVAILABLE, status.DEADLINE_EXCEEDED]) {
        const clientError = convertToCommandError(serviceError(code, 'No connection established'));
        expect(clientError).toBeInstanceOf(
          code === status.UNAVAILABLE ? UnavailableError : DeadlineExceededError,
        );
        const translated = translateClientError(clientError);
        expect(translated).toBeInstanceOf(EventStoreUnavailableError);
        expect((translated as EventStoreUnavailableError).cause).toBe(clientError);
      }
      expect(
        translateClientError(new Error('Failed to discover after 10 attempts.')),
      ).toBeInstanceOf(EventStoreUnavailableError);
    });

    it('understands the raw gRPC error a failed append stream rejects with', () => {
      const raw = serviceError(status.UNAVAILABLE, 'No connection established');
      const translated = translateClientError(raw);
      expect(translated).toBeInstanceOf(EventStoreUnavailableError);
      expect((translated as EventStoreUnavailableError).cause).toBeInstanceOf(UnavailableError);
    });

    it('passes other errors on unchanged', () => {
      const denied = convertToCommandError(
        serviceError(status.PERMISSION_DENIED, 'Access denied', 'access-denied'),
      );
      expect(denied).toBeInstanceOf(AccessDeniedError);
      expect(translateClientError(denied)).toBe(denied);
      const bug = new TypeError('boom');
      expect(translateClientError(bug)).toBe(bug);
    });
  });
});
