import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  START,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  type JSONType,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  GENESIS_HASH,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventMetadataInput,
  type EventToAppend,
  type ExpectedVersion,
  type RecordedEvent,
} from './event-store.port';
import { checkAppendArguments } from './append-arguments';
import { computeEventHash } from './hash-chain';
import type { StreamNames } from './stream-names';

/**
 * Between our port's shapes and those of @eventstore/db-client. Pure: no connection here.
 *
 * Our versions are 1-based (a stream's version is its number of events); EventStoreDB
 * numbers events from revision 0, so revision r is our version r + 1. Our global position
 * is the event's commit position in $all: the gRPC append commits each event on its own
 * (commit position = prepare position = where the event starts in the transaction log), so
 * every event has its own position, increasing in commit order, though not gap-free.
 */

/** The revision the client must expect so that the stream stands at our `version` when the append lands. */
export function expectedRevisionFor(version: number): AppendExpectedRevision {
  if (!Number.isSafeInteger(version) || version < 0)
    throw new TypeError(`Not a stream version: ${String(version)}`);
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

/** The client's "current revision" of a stream (from a conflict) as our version: no stream is version 0. */
export function versionOfCurrentRevision(current: CurrentRevision | undefined): number {
  return typeof current === 'bigint' ? versionOfRevision(current) : 0;
}

/**
 * Where to start reading $all so that events strictly after `after` come back. For each of
 * our events commit and prepare positions are equal; 0n means "from the beginning".
 * Reads from a position include the event at it, so readers still drop positions <= after.
 */
export function readPositionAfter(after: bigint): ReadPosition {
  if (after < 0n) throw new RangeError(`A log position cannot be negative: ${after}`);
  return after === 0n ? START : { commit: after, prepare: after };
}

// EventStoreDB says "no position" with -1 or the largest unsigned 64-bit number, depending on the path.
const NO_POSITION = 2n ** 64n - 1n;

/** A recorded event this adapter cannot turn into one of ours (not JSON, no hash chain, no position). */
export class UnreadableEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint | undefined,
    problem: string,
  ) {
    super(
      `Event ${revision === undefined ? '?' : String(revision)} of ${streamId} cannot be read: ${problem}`,
    );
    this.name = 'UnreadableEventError';
  }
}

/** An event the caller gave, its data and metadata as they will read back (what the hash covers). */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadataInput;
}

/** An event with its version and sealed metadata, ready to be written. */
export interface SealedEvent extends PreparedEvent {
  readonly streamId: string;
  readonly version: number;
  readonly metadata: EventMetadata;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The port's checks, then that the stream is one the store reads back. */
export function checkOurAppendArguments(
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedVersion,
  names: StreamNames,
): void {
  checkAppendArguments(streamId, events, expected);
  if (!names.isKept(streamId)) {
    throw new TypeError(
      `Stream ${streamId} is not under ${names.prefixes.join(', ')}: it would never be read back from $all`,
    );
  }
}

/** Normalises data and metadata through JSON, as they will read back, so the hash covers what is stored. */
export function prepareEvent(event: EventToAppend): PreparedEvent {
  if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) {
    // EventStoreDB keys idempotency on event ids and accepts UUIDs only.
    throw new TypeError(`Event id ${String(event.eventId)} is not a UUID`);
  }
  if (typeof event.type !== 'string' || event.type === '')
    throw new TypeError(`Event ${event.eventId} needs a type`);
  const dataJson = JSON.stringify(event.data);
  if (dataJson === undefined) throw new TypeError(`Event ${event.eventId} has no JSON data`);
  return {
    eventId: event.eventId.toLowerCase(),
    type: event.type,
    data: JSON.parse(dataJson) as unknown,
    metadata: JSON.parse(JSON.stringify(event.metadata)) as EventMetadataInput,
  };
}

/** Where a stream stands before an append: its version and the hash of its last event. */
export interface StreamHead {
  readonly version: number;
  readonly hash: string;
}

export const EMPTY_STREAM: StreamHead = { version: 0, hash: GENESIS_HASH };

export function headOf(last: RecordedEvent | undefined): StreamHead {
  return last ? { version: last.version, hash: last.metadata.hash } : EMPTY_STREAM;
}

/** Numbers the events after `head` and chains their hashes onto it. */
export function sealEvents(
  streamId: string,
  head: StreamHead,
  events: readonly PreparedEvent[],
  recordedAt: string,
): SealedEvent[] {
  let prevHash = head.hash;
  return events.map((event, index) => {
    const version = head.version + index + 1;
    const unsigned = { ...event.metadata, recordedAt, prevHash };
    const hash = computeEventHash({
      streamId,
      version,
      type: event.type,
      data: event.data,
      metadata: unsigned,
    });
    prevHash = hash;
    return { ...event, streamId, version, metadata: { ...unsigned, hash } };
  });
}

/** What the client writes: our id (so a retried write is recognised), type, JSON data and metadata. */
export function toEventData(
  event: Pick<RecordedEvent, 'eventId' | 'type' | 'data' | 'metadata'>,
): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

/** One of our events from what the client read (a stream read, a $all read or a subscription). */
export function toRecordedEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  names: StreamNames,
): RecordedEvent {
  const recorded = resolved.event;
  if (!recorded)
    throw new UnreadableEventError(
      resolved.link?.streamId ?? '?',
      undefined,
      'a link to a deleted event',
    );
  const fail = (problem: string) =>
    new UnreadableEventError(recorded.streamId, recorded.revision, problem);
  const streamId = names.streamIdOf(recorded.streamId);
  if (streamId === undefined) throw fail('it is not in a stream of this store');
  if (!recorded.isJson) throw fail('its content type is not application/json');
  const position = recorded.position?.commit ?? resolved.commitPosition;
  if (position === undefined || position < 0n || position >= NO_POSITION) {
    throw fail('the server gave no log position (EventStoreDB 22.6 or later returns one)');
  }
  const metadata = recorded.metadata;
  if (!isSealedMetadata(metadata)) throw fail('its metadata carries no hash chain');
  return {
    eventId: recorded.id,
    streamId,
    version: versionOfRevision(recorded.revision),
    position,
    type: recorded.type,
    data: recorded.data,
    metadata,
  };
}

function isSealedMetadata(metadata: unknown): metadata is EventMetadata {
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    metadata instanceof Uint8Array ||
    Array.isArray(metadata)
  )
    return false;
  const candidate = metadata as Partial<Record<keyof EventMetadata, unknown>>;
  return (
    typeof candidate.hash === 'string' &&
    typeof candidate.prevHash === 'string' &&
    typeof candidate.recordedAt === 'string'
  );
}

/** What the client's errors mean for our callers. */
export function translateClientError(
  raw: unknown,
  context: { readonly streamId?: string; readonly expected?: ExpectedVersion } = {},
): unknown {
  const error = asClientError(raw);
  if (error instanceof ClientWrongExpectedVersionError) {
    return new WrongExpectedVersionError(
      context.streamId ?? error.streamName,
      context.expected ?? expectedFromClient(error.expectedVersion),
      versionOfCurrentRevision(error.actualVersion),
    );
  }
  if (isUnavailable(error)) {
    return new EventStoreUnavailableError(
      `EventStoreDB cannot be used now: ${(error as Error).message}`,
      error,
    );
  }
  return raw;
}

/**
 * Some client paths (a failed append stream, for one) reject with the raw gRPC error rather
 * than the client's own class; the client's converter gives them their meaning.
 */
function asClientError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  try {
    return convertToCommandError(error);
  } catch {
    return error;
  }
}

function expectedFromClient(expected: AppendExpectedRevision): ExpectedVersion {
  if (typeof expected === 'bigint') return versionOfRevision(expected);
  return expected === NO_STREAM ? 0 : 'any';
}

/** Errors that say "not now" (server down or unreachable, leader moving, timeouts) rather than "wrong". */
export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError ||
    (error instanceof Error && /^Failed to discover after/.test(error.message))
  );
}
