import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendResult as ServerAppendResult,
  type ReadPosition,
} from '@eventstore/db-client';
import {
  appendResultOf,
  EventStoreUnavailableError,
  WrongExpectedVersionError,
  type AppendResult,
  type CatchUpOptions,
  type EventStore,
  type EventToAppend,
  type ExpectedVersion,
  type RecordedEvent,
  type Subscription,
} from './event-store.port';
import {
  checkOurAppendArguments,
  expectedRevisionFor,
  headOf,
  prepareEvent,
  readPositionAfter,
  sealEvents,
  toEventData,
  toRecordedEvent,
  translateClientError,
  versionOfRevision,
  type PreparedEvent,
  type SealedEvent,
  type StreamHead,
} from './eventstoredb.mapping';
import { StreamNames } from './stream-names';
import { lastOurPosition, readOurEventsAfter } from './eventstoredb.paging';
import {
  ResubscribingSubscription,
  type ResubscribingOptions,
  type SubscriptionStatus,
} from './eventstoredb.subscription';
import { checkImportedVersions } from './imported-versions';

/** /health asks often; a server that does not answer within this is reported down, not waited for. */
const PING_DEADLINE_MS = 3000;

export interface EventStoreDbEventStoreOptions {
  /** Source of `recordedAt`. */
  readonly clock?: () => Date;
  /** Passed to each catch-up subscription (backoff, timers). */
  readonly subscription?: Omit<ResubscribingOptions, 'open' | 'onStopped' | 'streamNames'>;
  /** How many times an `any` append re-reads the stream after losing a race, before giving up. */
  readonly maxAnyAttempts?: number;
  /** Events per append when importing (EventStoreDB refuses appends over its max append size, 1 MiB by default). */
  readonly importBatchSize?: number;
  /** Streams this store writes and reads back: the application's aggregates' prefixes. */
  readonly streamPrefixes: readonly string[];
  /** Put before every stream name on the server, so several logs can share one cluster. */
  readonly namespace?: string;
}

/**
 * The event log in EventStoreDB/KurrentDB (one node or a cluster) through @eventstore/db-client.
 *
 * The hash chain needs the previous event's hash, so an append reads the stream's last event,
 * seals the new events onto it and appends expecting exactly that revision: if another writer
 * got in between, the server refuses and the caller sees WrongExpectedVersionError (the command
 * loop decides again). Event ids are ours (derived from the command id), so the server
 * recognises a retried append as the same write.
 *
 * What differs from the embedded store, and why:
 * - positions are commit positions in the transaction log (bytes), increasing but not gap-free;
 * - an event id is unique per stream, not across the whole log (the server does not index ids);
 * - `importEvents` is not one transaction: a failed import leaves the streams it wrote, and
 *   importing again is refused for those streams (start again on an empty database).
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly clock: () => Date;
  private readonly names: StreamNames;
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.names = new StreamNames(options.streamPrefixes, options.namespace ?? '');
  }

  static fromConnectionString(
    connectionString: string,
    options: EventStoreDbEventStoreOptions,
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      options,
    );
  }

  /** State of each live catch-up subscription (for /health and logs). */
  subscriptionStatus(): SubscriptionStatus[] {
    return [...this.subscriptions].map((subscription) => subscription.status());
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    this.assertOpen();
    checkOurAppendArguments(streamId, events, expected, this.names);
    const prepared = events.map(prepareEvent);
    const attempts = expected === 'any' ? Math.max(1, this.options.maxAnyAttempts ?? 10) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(streamId, prepared, expected);
      } catch (error) {
        // With `any` the caller did not decide on a version: a race lost between our read and
        // our write only means the chain must be sealed again onto the new last event.
        if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
      }
    }
  }

  async readStream(
    streamId: string,
    options: { toVersion?: number } = {},
  ): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const toVersion = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    if (toVersion <= 0) return [];
    return this.readStreamFrom(streamId, 0, toVersion);
  }

  async readAll(options: { after: bigint; limit: number }): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    // One more than the page: a read from a position starts with the event at it, already seen.
    const chunkSize = Math.min(Math.max(options.limit + 1, 2), 4096);
    return this.call(() =>
      readOurEventsAfter(
        (from, maxCount) => this.readAllChunk(from, maxCount, FORWARDS),
        this.names,
        options.after,
        options.limit,
        chunkSize,
      ),
    );
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.call(() =>
      lastOurPosition((from, maxCount) => this.readAllChunk(from, maxCount, BACKWARDS), this.names),
    );
  }

  subscribeToAll(options: CatchUpOptions): Subscription {
    this.assertOpen();
    const subscription: ResubscribingSubscription = new ResubscribingSubscription(options, {
      ...this.options.subscription,
      open: (after) =>
        this.client.subscribeToAll({
          fromPosition: readPositionAfter(after),
          filter: streamNameFilter({ prefixes: [...this.names.serverPrefixes] }),
        }),
      onStopped: () => this.subscriptions.delete(subscription),
      streamNames: this.names,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async importEvents(events: readonly RecordedEvent[]): Promise<void> {
    this.assertOpen();
    const streamIds = checkImportedVersions(events);
    const outside = streamIds.find((streamId) => !this.names.isKept(streamId));
    if (outside !== undefined)
      throw new Error(
        `Cannot import stream ${outside}: it is not under ${this.names.prefixes.join(', ')}`,
      );
    for (const streamId of streamIds) {
      const head = await this.readHead(streamId);
      if (head.version > 0)
        throw new Error(`Cannot import into stream ${streamId}: it already exists`);
    }
    const batchSize = Math.max(1, this.options.importBatchSize ?? 100);
    // Runs of one stream's consecutive events go together, so $all keeps the imported order.
    for (let start = 0; start < events.length;) {
      const streamId = events[start].streamId;
      let end = start + 1;
      while (end < events.length && end - start < batchSize && events[end].streamId === streamId)
        end++;
      const run = events.slice(start, end);
      const expected = run[0].version - 1;
      await this.appendAtVersion(streamId, run, expected, expected);
      start = end;
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.call(() => this.readAllChunk(START, 1, FORWARDS, PING_DEADLINE_MS));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  /**
   * Appends sealed events expecting the stream to stand at `version`; a conflict is reported
   * against `expected`, what the caller asked for.
   */
  private async appendAtVersion(
    streamId: string,
    sealed: readonly Parameters<typeof toEventData>[0][],
    version: number,
    expected: ExpectedVersion,
  ): Promise<ServerAppendResult> {
    let written;
    try {
      written = await this.client.appendToStream(
        this.names.serverName(streamId),
        sealed.map(toEventData),
        { expectedRevision: expectedRevisionFor(version) },
      );
    } catch (error) {
      throw translateClientError(error, { streamId, expected });
    }
    if (!written.success) {
      // Only with throwOnAppendFailure=false in the connection string: a conflict as a result.
      throw new WrongExpectedVersionError(
        streamId,
        expected,
        versionOfRevision(written.nextExpectedRevision),
      );
    }
    return written;
  }

  private async appendOnce(
    streamId: string,
    events: readonly PreparedEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const retried = expected === 'any' ? await this.earlierAnyAppend(streamId, events) : undefined;
    if (retried?.earlier) return retried.earlier;
    const head = retried?.head ?? (await this.readHead(streamId));
    if (expected !== 'any' && expected !== head.version) {
      const earlier = await this.earlierAppendAt(streamId, events, expected);
      if (earlier) return earlier;
      throw new WrongExpectedVersionError(streamId, expected, head.version);
    }
    const sealed = sealEvents(streamId, head, events, this.clock().toISOString());
    const written = await this.appendAtVersion(streamId, sealed, head.version, expected);
    const position = written.position?.commit;
    // One event: the server's position is its own. (Were a concurrent retry of the same command
    // to win the narrow race between our read and our write, the server would acknowledge ours
    // idempotently and this result would show our recordedAt, not the stored one.)
    if (sealed.length === 1 && position !== undefined) {
      const [event] = sealed;
      return appendResultOf([{ ...event, position }], false);
    }
    return this.readBackAppended(streamId, sealed);
  }

  /**
   * What a multi-event append stored, with each event's own position (the server returns only
   * the last). If another writer appended the very same event ids first (a concurrent retry),
   * the server acknowledged ours without writing it, and the stored metadata is theirs.
   */
  private async readBackAppended(
    streamId: string,
    sealed: readonly SealedEvent[],
  ): Promise<AppendResult> {
    const stored = await this.readStreamFrom(streamId, sealed[0].version - 1, sealed.length);
    const same =
      stored.length === sealed.length &&
      stored.every((event, index) => event.eventId === sealed[index].eventId);
    if (!same)
      throw new Error(
        `Stream ${streamId} does not hold the events just appended at versions ${sealed[0].version}..`,
      );
    const alreadyAppended = stored.some(
      (event, index) => event.metadata.hash !== sealed[index].metadata.hash,
    );
    return appendResultOf(stored, alreadyAppended);
  }

  /** A retry of an append decided at `expected`: the same ids already stand right after it. */
  private async earlierAppendAt(
    streamId: string,
    events: readonly PreparedEvent[],
    expected: number,
  ): Promise<AppendResult | undefined> {
    const stored = await this.readStreamFrom(streamId, expected, events.length);
    return sameIds(stored, events) ? earlierResult(stored) : undefined;
  }

  /**
   * With `any` a retry may come after other appends, so the stream is searched for the first
   * id (our streams are short: a project's whole life is a few dozen events).
   */
  private async earlierAnyAppend(
    streamId: string,
    events: readonly PreparedEvent[],
  ): Promise<{ head: StreamHead; earlier?: AppendResult }> {
    const all = await this.readStreamFrom(streamId, 0, Number.MAX_SAFE_INTEGER);
    const head = headOf(all[all.length - 1]);
    const start = all.findIndex((event) => event.eventId === events[0].eventId);
    if (start < 0) return { head };
    const stored = all.slice(start, start + events.length);
    return { head, earlier: sameIds(stored, events) ? earlierResult(stored) : undefined };
  }

  private async readHead(streamId: string): Promise<StreamHead> {
    const last = await this.readResolved(streamId, {
      fromRevision: END,
      direction: BACKWARDS,
      maxCount: 1,
    });
    return headOf(last[0]);
  }

  /** Up to `count` events of the stream after `afterVersion`. */
  private readStreamFrom(
    streamId: string,
    afterVersion: number,
    count: number,
  ): Promise<RecordedEvent[]> {
    return this.readResolved(streamId, {
      fromRevision: BigInt(afterVersion),
      direction: FORWARDS,
      maxCount: count,
    });
  }

  private async readResolved(
    streamId: string,
    options: {
      fromRevision: bigint | typeof END;
      direction: typeof FORWARDS | typeof BACKWARDS;
      maxCount: number;
    },
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(
        this.names.serverName(streamId),
        options,
      )) {
        events.push(toRecordedEvent(resolved, this.names));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateClientError(error, { streamId });
    }
    return events;
  }

  private async readAllChunk(
    fromPosition: ReadPosition,
    maxCount: number,
    direction: typeof FORWARDS | typeof BACKWARDS,
    deadline?: number,
  ): Promise<AllStreamResolvedEvent[]> {
    const chunk: AllStreamResolvedEvent[] = [];
    const options = {
      fromPosition,
      maxCount,
      direction,
      ...(deadline === undefined ? {} : { deadline }),
    };
    for await (const resolved of this.client.readAll(options)) chunk.push(resolved);
    return chunk;
  }

  private async call<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw translateClientError(error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}

function sameIds(stored: readonly RecordedEvent[], events: readonly PreparedEvent[]): boolean {
  return (
    stored.length === events.length &&
    stored.every((event, index) => event.eventId === events[index].eventId)
  );
}

function earlierResult(stored: readonly RecordedEvent[]): AppendResult {
  return appendResultOf(stored, true);
}
