import type { Role } from '../shared/actor';
import type { BusinessDate } from '../shared/business-date';

/**
 * The event log: the only source of truth. Every adapter (SQLite embedded, EventStoreDB)
 * implements this port and passes the one contract suite in test/contract/.
 *
 * Versions are 1-based: a stream's version is the number of events in it, and its events
 * are numbered 1..version. Global positions are bigint in code and strings over HTTP.
 */

/** Who acted, in the role the step was taken in. */
export interface EventActor {
  readonly sub: string;
  readonly name: string;
  readonly role: Role;
}

/** What the caller states about an event; the store adds `recordedAt`, `prevHash` and `hash`. */
export interface EventMetadataInput {
  readonly commandId: string;
  readonly actor: EventActor;
  /** The business date the step happened on (Asia/Ho_Chi_Minh). */
  readonly occurredOn: BusinessDate;
  /** Version of the shape of `data` for this event type; serde upcasts older versions. */
  readonly schemaVersion: number;
  /** The HTTP request (or job) that caused the command, for tracing. */
  readonly correlationId?: string;
  /**
   * SHA-256 of the command as decided (its type and fields): a repeated command id that
   * comes with a different command (an Idempotency-Key reused for another request) is told apart.
   */
  readonly commandHash?: string;
}

export interface EventMetadata extends EventMetadataInput {
  /** When the store recorded the event (ISO 8601 UTC timestamp). */
  readonly recordedAt: string;
  /** Hash of the previous event in the same stream; 64 zeros for the first. */
  readonly prevHash: string;
  /** SHA-256 (hex) over the canonical form of stream id, version, type, data, metadata and prevHash. */
  readonly hash: string;
}

export interface EventToAppend {
  /** Derived from the command id, so a retried command yields the same ids and appends once. */
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadataInput;
}

export interface RecordedEvent {
  readonly eventId: string;
  readonly streamId: string;
  /** 1-based position of the event in its stream. */
  readonly version: number;
  /**
   * Position in the global log: strictly increasing in commit order, so a subscriber that
   * resumes after a position misses nothing. SQLite's positions are also gap-free (1, 2, 3 …);
   * EventStoreDB's are offsets in its log and leave gaps.
   */
  readonly position: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * What the stream must look like for the append to go through:
 * a number is the exact version expected (0: the stream must not exist yet);
 * `any` skips the check.
 */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  /** The stream's version after the append. */
  readonly version: number;
  /** Global position of the last event appended. */
  readonly position: bigint;
  readonly events: readonly RecordedEvent[];
  /** True when the events were already in the stream (a retried command): nothing new was written. */
  readonly alreadyAppended: boolean;
}

/** The result of appending `events` (at least one, in order): it stands where the last one does. */
export function appendResultOf(
  events: readonly RecordedEvent[],
  alreadyAppended: boolean,
): AppendResult {
  const last = events[events.length - 1];
  return { version: last.version, position: last.position, events, alreadyAppended };
}

export interface ReadAllOptions {
  /** Read events strictly after this position (0n: from the start). */
  readonly after: bigint;
  readonly limit: number;
}

export interface CatchUpOptions {
  /** Deliver events strictly after this position. */
  readonly after: bigint;
  /** Called for each event in global order; the next is not delivered before it resolves. */
  readonly onEvent: (event: RecordedEvent) => void | Promise<void>;
  /** Called each time the subscription has delivered everything currently in the log. */
  readonly onCaughtUp?: (position: bigint) => void;
  /** Called when delivery fails; the subscription retries with backoff. */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  /** Human-readable adapter name for /health and logs. */
  readonly kind: string;

  /**
   * Appends atomically. Throws WrongExpectedVersionError if the stream's version differs
   * from `expected`. If the first event id is already in this stream at the next positions
   * (a retry), returns the original result with `alreadyAppended: true`.
   * Resolves only once the events are durable.
   */
  append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedVersion,
  ): Promise<AppendResult>;

  /** The stream's events in order, optionally only up to `toVersion`. Empty if there is no stream. */
  readStream(streamId: string, options?: { toVersion?: number }): Promise<readonly RecordedEvent[]>;

  /** A page of the global log in position order. */
  readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]>;

  /** Position of the last event in the global log (0n when empty). */
  headPosition(): Promise<bigint>;

  /** Catch-up subscription to the global log: history first, then live events. */
  subscribeToAll(options: CatchUpOptions): Subscription;

  /**
   * Writes events exactly as recorded elsewhere (ids, versions, metadata, hashes kept):
   * for moving a log between stores. Refuses streams that already exist here.
   */
  importEvents(events: readonly RecordedEvent[]): Promise<void>;

  /** Throws if the store cannot be used now (for /health). */
  ping(): Promise<void>;

  /**
   * True while writes wait for a lock another process holds (SQLite): reads still work, and
   * /health reports the store degraded. Absent where that cannot happen.
   */
  writesLocked?(): boolean;

  close(): Promise<void>;
}

/** The stream's version is not the one the command was decided against. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The store cannot take writes now (read-only file, disk full, server down): HTTP 503. */
export class EventStoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

/** Another process held the store's write lock for longer than a write waits: nothing was written. */
export class EventStoreBusyError extends EventStoreUnavailableError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'EventStoreBusyError';
  }
}

export const GENESIS_HASH = '0'.repeat(64);

/** Nest injection token for the configured EventStore. */
export const EVENT_STORE = Symbol('EVENT_STORE');
