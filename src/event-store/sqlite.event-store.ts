import { EventEmitter } from 'node:events';
import {
  appendResultOf,
  EventStoreBusyError,
  EventStoreUnavailableError,
  GENESIS_HASH,
  WrongExpectedVersionError,
  type AppendResult,
  type CatchUpOptions,
  type EventMetadata,
  type EventMetadataInput,
  type EventStore,
  type EventToAppend,
  type ExpectedVersion,
  type RecordedEvent,
  type Subscription,
} from './event-store.port';
import { computeEventHash } from './hash-chain';
import {
  isSqliteBusyError,
  isSqliteUnavailableError,
  sqliteErrorCode,
  openSqliteDatabase,
  type OpenSqliteOptions,
  type SqliteDatabase,
} from './sqlite-database';
import { RecentEvents } from './recent-events';
import { fdatasyncFile, WalDurability, type SyncFile } from './wal-durability';
import { checkImportedVersions } from './imported-versions';
import { checkAppendArguments } from './append-arguments';

export interface SqliteEventStoreOptions extends OpenSqliteOptions {
  /** Fallback polling for subscriptions, for events appended by another process to the same file. */
  readonly pollIntervalMs?: number;
  /** Most appends committed in one transaction. */
  readonly maxBatchSize?: number;
  readonly subscriptionPageSize?: number;
  /** First wait after a failed delivery; doubles up to `retryMaxMs`. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Source of `recordedAt`. */
  readonly clock?: () => Date;
  /** How the write-ahead log is forced to disk after a commit (fdatasync); tests slow it or fail it. */
  readonly syncFile?: SyncFile;
  /** How long an append waits, retrying, for a write lock another process holds, before it fails. */
  readonly busyRetryMs?: number;
}

/**
 * While another process holds the write lock, a batch is tried again after 5 ms, doubling up
 * to 200 ms, each try blocking at most the short busy timeout (sqlite-database.ts); an append
 * that has waited BUSY_RETRY_MS fails with EventStoreBusyError (503 with Retry-After).
 */
const BUSY_RETRY_FIRST_MS = 5;
const BUSY_RETRY_MAX_DELAY_MS = 200;
export const BUSY_RETRY_MS = 2000;

/** An event id is already recorded elsewhere (another stream, or not as the start of this same append). */
export class EventIdConflictError extends Error {
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(
      `Event id ${eventId} is already recorded and is not a retry of this append to ${streamId}`,
    );
    this.name = 'EventIdConflictError';
  }
}

// position is the rowid without AUTOINCREMENT: SQLite takes max(position) + 1, so a rolled-back
// append leaves no gap, and writers are serialised, so positions follow commit order.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream_id, version)
  );
`;

const COLUMNS = 'position, event_id, stream_id, version, type, data, metadata';

interface EventRow {
  readonly position: number;
  readonly event_id: string;
  readonly stream_id: string;
  readonly version: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** An event checked and serialised before it is queued, so the write transaction stays short. */
interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  /** `data` as it will read back from its JSON text: what the hash covers. */
  readonly data: unknown;
  readonly dataJson: string;
  readonly metadata: EventMetadataInput;
}

interface PendingAppend {
  /** performance.now() when it was queued: how long it has waited for a lock. */
  readonly queuedAt: number;
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expected: ExpectedVersion;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };

const APPENDED = 'appended';

export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: SqliteDatabase;
  private readonly ownsDatabase: boolean;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly notifications = new EventEmitter();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly clock: () => Date;
  private readonly maxBatchSize: number;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  /** Set while writes wait for another process's lock: the next try (or probe) is timed. */
  private busyRetry?: NodeJS.Timeout;
  private busyTries = 0;
  private closed = false;
  private commits = 0;
  private appendsCommitted = 0;
  private readonly durability: WalDurability;
  /** What live subscriptions read next, kept from the appends instead of read back. */
  private readonly recent = new RecentEvents(2_000);

  /** Opens the file at `database` (and closes it on close()), or uses a connection the caller owns. */
  constructor(
    database: string | SqliteDatabase,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    this.ownsDatabase = typeof database === 'string';
    this.db = typeof database === 'string' ? openSqliteDatabase(database, options) : database;
    try {
      this.db.exec(SCHEMA);
      this.sql = prepareStatements(this.db);
    } catch (error) {
      if (this.ownsDatabase) this.db.close();
      throw error;
    }
    this.clock = options.clock ?? (() => new Date());
    this.maxBatchSize = Math.max(1, options.maxBatchSize ?? 500);
    this.notifications.setMaxListeners(0);
    this.durability = new WalDurability(
      this.db,
      BigInt((this.sql.head.get() as { head: number }).head),
      options.syncFile ?? fdatasyncFile,
      () => this.notifications.emit(APPENDED),
    );
  }

  /** How many transactions committed appends, and how many appends they held (group commit at work). */
  groupCommitStats(): { readonly commits: number; readonly appends: number } {
    return { commits: this.commits, appends: this.appendsCommitted };
  }

  /** How many times the log was forced to disk off the event loop (0 when SQLite does it in COMMIT). */
  walSyncCount(): number {
    return this.durability.syncCount;
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    if (this.closed)
      return Promise.reject(new EventStoreUnavailableError('The event store is closed'));
    let prepared: PreparedEvent[];
    try {
      checkAppendArguments(streamId, events, expected);
      prepared = events.map(prepareEvent);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({
        queuedAt: performance.now(),
        streamId,
        events: prepared,
        expected,
        resolve,
        reject,
      });
      this.scheduleFlush();
    });
  }

  async readStream(
    streamId: string,
    options: { toVersion?: number } = {},
  ): Promise<readonly RecordedEvent[]> {
    const toVersion = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    const events = this.reading(() =>
      (this.sql.readStream.all(streamId, toVersion) as EventRow[]).map(toRecordedEvent),
    );
    // A stream whose last append is still being synced is returned once it is durable, so a
    // command (or its retry) never decides on, nor reports, an event a power cut could take.
    const last = events[events.length - 1];
    if (last && !this.durability.isDurable(last.position))
      await this.durability.whenDurable(last.position);
    return events;
  }

  async readAll(options: { after: bigint; limit: number }): Promise<readonly RecordedEvent[]> {
    return this.reading(() => this.readPage(options.after, options.limit));
  }

  async headPosition(): Promise<bigint> {
    return this.reading(() => BigInt((this.sql.head.get() as { head: number }).head));
  }

  subscribeToAll(options: CatchUpOptions): Subscription {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    const subscription = new CatchUpSubscription(
      (after, limit) => this.readPage(after, limit),
      this.notifications,
      options,
      {
        pageSize: this.options.subscriptionPageSize ?? 1000,
        pollIntervalMs: this.options.pollIntervalMs ?? 500,
        retryBaseMs: this.options.retryBaseMs ?? 100,
        retryMaxMs: this.options.retryMaxMs ?? 5000,
      },
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async importEvents(events: readonly RecordedEvent[]): Promise<void> {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    const streamIds = checkImportedVersions(events);
    // Appends queued before the import commit before it, so positions follow call order.
    this.flushQueue();
    const importAll = this.db.transaction(() => {
      for (const streamId of streamIds) {
        if (this.sql.streamHead.get(streamId))
          throw new Error(`Cannot import into stream ${streamId}: it already exists`);
      }
      for (const event of events) {
        this.sql.insert.run(
          event.eventId,
          event.streamId,
          event.version,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        );
      }
    });
    try {
      importAll.immediate();
    } catch (error) {
      if (sqliteErrorCode(error) !== 'SQLITE_CONSTRAINT_UNIQUE') throw translateError(error);
      const clash = events.find((event) => this.sql.findEvent.get(event.eventId) !== undefined);
      throw clash ? new EventIdConflictError(clash.eventId, clash.streamId) : error;
    }
    if (events.length > 0) this.notifications.emit(APPENDED);
  }

  async ping(): Promise<void> {
    this.reading(() => this.sql.ping.get());
  }

  writesLocked(): boolean {
    return this.busyRetry !== undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.busyRetry);
    this.busyRetry = undefined;
    this.flushQueue();
    await this.durability.stop();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsDatabase) this.db.close();
  }

  private reading<T>(read: () => T): T {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    try {
      return read();
    } catch (error) {
      throw translateError(error);
    }
  }

  private readPage(after: bigint, limit: number): RecordedEvent[] {
    if (limit <= 0) return [];
    const page =
      this.recent.page(after, limit) ??
      (this.sql.readAll.all(after, limit) as EventRow[]).map(toRecordedEvent);
    return this.durability.durablePrefix(page);
  }

  private scheduleFlush(): void {
    // While another process holds the lock, the timed retry flushes what is queued.
    if (this.flushScheduled || this.busyRetry) return;
    this.flushScheduled = true;
    // Everything appended during this turn of the event loop joins the same transaction.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushSoon();
    });
  }

  private flushSoon(): void {
    if (this.queue.length === 0 || this.closed) return;
    if (!this.commitBatch(this.queue.splice(0, this.maxBatchSize))) return;
    if (this.queue.length > 0) this.scheduleFlush();
  }

  /** At close: what is queued is tried once more, and fails if the lock is still held. */
  private flushQueue(): void {
    while (this.queue.length > 0) {
      if (!this.commitBatch(this.queue.splice(0, this.maxBatchSize), false)) {
        const failure = new EventStoreBusyError('The event store is locked by another process');
        for (const request of this.queue.splice(0)) request.reject(failure);
      }
    }
  }

  /**
   * Another process holds the write lock: the batch goes back to the head of the queue and is
   * tried again later, off the event loop; appends that have waited BUSY_RETRY_MS fail.
   */
  private retryWhenFree(batch: readonly PendingAppend[], error: unknown): void {
    const now = performance.now();
    const budget = this.options.busyRetryMs ?? BUSY_RETRY_MS;
    const waiting: PendingAppend[] = [];
    for (const request of batch) {
      if (now - request.queuedAt < budget) waiting.push(request);
      else
        request.reject(
          new EventStoreBusyError(
            'The event store is locked by another process: the write waited and gave up',
            error,
          ),
        );
    }
    this.queue.unshift(...waiting);
    this.scheduleBusyRetry();
  }

  private scheduleBusyRetry(): void {
    const delay = Math.min(BUSY_RETRY_MAX_DELAY_MS, BUSY_RETRY_FIRST_MS * 2 ** this.busyTries);
    this.busyTries += 1;
    clearTimeout(this.busyRetry);
    this.busyRetry = setTimeout(() => {
      if (this.closed) return;
      if (this.queue.length > 0) {
        // Still marked locked: commitBatch clears it on success, or schedules the next try.
        this.busyRetry = undefined;
        this.flushSoon();
        return;
      }
      this.probeWriteLock();
    }, delay);
    this.busyRetry.unref();
  }

  /** Nothing is queued but the last write met the lock: is it still held? (for /health) */
  private probeWriteLock(): void {
    if (this.db.inTransaction) return this.scheduleBusyRetry();
    try {
      this.sql.begin.run();
      this.sql.rollback.run();
    } catch (error) {
      if (isSqliteBusyError(error)) return this.scheduleBusyRetry();
    }
    this.lockFreed();
  }

  private lockFreed(): void {
    clearTimeout(this.busyRetry);
    this.busyRetry = undefined;
    this.busyTries = 0;
  }

  /**
   * One transaction for the batch; a savepoint per append so a conflict undoes only that append.
   * Each append is answered once the batch is durable (see WalDurability).
   */
  /** False when another process held the lock: the batch was queued again (retryWhenBusy) or not written. */
  private commitBatch(batch: readonly PendingAppend[], retryWhenBusy = true): boolean {
    const recordedAt = this.clock().toISOString();
    const outcomes: Outcome[] = [];
    try {
      this.durability.commitWithoutSync(() => {
        this.sql.begin.run();
        for (const request of batch) outcomes.push(this.appendOne(request, recordedAt));
        this.sql.commit.run();
      });
    } catch (error) {
      this.rollbackQuietly();
      if (isSqliteBusyError(error)) {
        if (retryWhenBusy) this.retryWhenFree(batch, error);
        else this.queue.unshift(...batch);
        return false;
      }
      const failure = translateError(error);
      for (const request of batch) request.reject(failure);
      return true;
    }
    if (this.busyRetry !== undefined || this.busyTries > 0) this.lockFreed();
    this.commits += 1;
    let lastWritten = 0n;
    for (const outcome of outcomes) {
      if (!outcome.ok || outcome.result.alreadyAppended) continue;
      this.appendsCommitted += 1;
      if (outcome.result.position > lastWritten) lastWritten = outcome.result.position;
    }
    // Subscriptions see them only once durable: readPage cuts at the durable prefix.
    this.recent.add(
      outcomes.flatMap((outcome) =>
        outcome.ok && !outcome.result.alreadyAppended ? outcome.result.events : [],
      ),
    );
    const answer = () =>
      outcomes.forEach((outcome, index) => {
        if (outcome.ok) batch[index].resolve(outcome.result);
        else batch[index].reject(outcome.error);
      });
    if (!this.durability.enabled) {
      answer();
      if (lastWritten > 0n) this.notifications.emit(APPENDED);
      return true;
    }
    if (lastWritten > 0n) this.durability.committed(lastWritten);
    // Everything committed so far, so a retried append also waits for its original's sync.
    this.durability
      .whenAllDurable()
      .then(answer, (error: unknown) =>
        outcomes.forEach((outcome, index) =>
          batch[index].reject(outcome.ok ? error : outcome.error),
        ),
      );
    return true;
  }

  /** A multi-event append runs in a savepoint so a failure undoes only its own events. */
  private appendOne(request: PendingAppend, recordedAt: string): Outcome {
    // A single INSERT that fails undoes itself, and nothing is written before it, so one-event
    // appends (the common case) skip the savepoint.
    const inSavepoint = request.events.length > 1;
    if (inSavepoint) this.sql.savepoint.run();
    try {
      const result = this.appendInTransaction(request, recordedAt);
      if (inSavepoint) this.sql.release.run();
      return { ok: true, result };
    } catch (error) {
      // A write the database refused (disk full, read-only...) fails the whole batch.
      if (isSqliteUnavailableError(error) || !this.db.inTransaction) throw error;
      if (inSavepoint) {
        this.sql.rollbackToSavepoint.run();
        this.sql.release.run();
      }
      return { ok: false, error: translateError(error, request) };
    }
  }

  private appendInTransaction(request: PendingAppend, recordedAt: string): AppendResult {
    const { streamId, events, expected } = request;
    const head = this.sql.streamHead.get(streamId) as { version: number; hash: string } | undefined;
    const current = head?.version ?? 0;
    // A retry is recognised by its first event id. With a matching expected version the id
    // cannot already stand at the next version, so that lookup is only needed off the fast path.
    if (expected === 'any' || expected !== current) {
      const earlier = this.sql.findEvent.get(events[0].eventId) as
        Pick<EventRow, 'stream_id' | 'version'> | undefined;
      if (earlier) return this.earlierAppend(request, earlier, current);
      if (expected !== 'any') throw new WrongExpectedVersionError(streamId, expected, current);
    }
    let prevHash = head?.hash ?? GENESIS_HASH;
    const recorded = events.map((event, index): RecordedEvent => {
      const version = current + index + 1;
      const unsigned = { ...event.metadata, recordedAt, prevHash };
      const metadata: EventMetadata = {
        ...unsigned,
        hash: computeEventHash({
          streamId,
          version,
          type: event.type,
          data: event.data,
          metadata: unsigned,
        }),
      };
      const { lastInsertRowid } = this.sql.insert.run(
        event.eventId,
        streamId,
        version,
        event.type,
        event.dataJson,
        JSON.stringify(metadata),
      );
      prevHash = metadata.hash;
      return {
        eventId: event.eventId,
        streamId,
        version,
        position: BigInt(lastInsertRowid),
        type: event.type,
        data: event.data,
        metadata,
      };
    });
    return appendResultOf(recorded, false);
  }

  /** A retried append: the same event ids already stand, in order, where the original append put them. */
  private earlierAppend(
    request: PendingAppend,
    earlier: Pick<EventRow, 'stream_id' | 'version'>,
    current: number,
  ): AppendResult {
    const { streamId, events, expected } = request;
    if (earlier.stream_id !== streamId) throw new EventIdConflictError(events[0].eventId, streamId);
    const stored = (
      this.sql.readStreamRange.all(
        streamId,
        earlier.version,
        earlier.version + events.length - 1,
      ) as EventRow[]
    ).map(toRecordedEvent);
    const sameEvents =
      stored.length === events.length &&
      stored.every((event, index) => event.eventId === events[index].eventId);
    if (!sameEvents) throw new EventIdConflictError(events[0].eventId, streamId);
    if (expected !== 'any' && expected !== earlier.version - 1)
      throw new WrongExpectedVersionError(streamId, expected, current);
    return appendResultOf(stored, true);
  }

  private rollbackQuietly(): void {
    if (!this.db.open || !this.db.inTransaction) return;
    try {
      this.sql.rollback.run();
    } catch {
      // The connection already dropped the transaction; nothing of it was committed.
    }
  }
}

function prepareStatements(db: SqliteDatabase) {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT append_request'),
    release: db.prepare('RELEASE append_request'),
    rollbackToSavepoint: db.prepare('ROLLBACK TO append_request'),
    insert: db.prepare(
      'INSERT INTO events (event_id, stream_id, version, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    findEvent: db.prepare('SELECT stream_id, version FROM events WHERE event_id = ?'),
    streamHead: db.prepare(
      "SELECT version, json_extract(metadata, '$.hash') AS hash FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1",
    ),
    readStream: db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND version <= ? ORDER BY version`,
    ),
    readStreamRange: db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND version BETWEEN ? AND ? ORDER BY version`,
    ),
    readAll: db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    head: db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
    ping: db.prepare('SELECT 1'),
  };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}

function prepareEvent(event: EventToAppend): PreparedEvent {
  if (typeof event.eventId !== 'string' || event.eventId === '')
    throw new TypeError('Each event needs an event id');
  if (typeof event.type !== 'string' || event.type === '')
    throw new TypeError(`Event ${event.eventId} needs a type`);
  const dataJson = JSON.stringify(event.data);
  if (dataJson === undefined) throw new TypeError(`Event ${event.eventId} has no JSON data`);
  return {
    eventId: event.eventId,
    type: event.type,
    data: JSON.parse(dataJson) as unknown,
    dataJson,
    metadata: JSON.parse(JSON.stringify(event.metadata)) as EventMetadataInput,
  };
}

function translateError(error: unknown, request?: PendingAppend): unknown {
  if (error instanceof EventStoreUnavailableError || error instanceof WrongExpectedVersionError)
    return error;
  if (isSqliteUnavailableError(error)) {
    return new EventStoreUnavailableError(
      `The event store cannot take writes now: ${(error as Error).message}`,
      error,
    );
  }
  if (
    request &&
    sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' &&
    /event_id/.test((error as Error).message)
  ) {
    return new EventIdConflictError(request.events[0].eventId, request.streamId);
  }
  return error;
}

interface SubscriptionSettings {
  readonly pageSize: number;
  readonly pollIntervalMs: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

/** Pages through the log from `after`, then waits for commit notifications (or the poll timer). */
class CatchUpSubscription implements Subscription {
  private stopped = false;
  /** Set when an append committed since the last read, so the loop does not go to sleep. */
  private appendedSinceRead = false;
  private waiting: { readonly finish: () => void; readonly onAppend: boolean } | null = null;
  private readonly onAppended = () => {
    this.appendedSinceRead = true;
    if (this.waiting?.onAppend) this.waiting.finish();
  };
  private readonly done: Promise<void>;

  constructor(
    private readonly readPage: (after: bigint, limit: number) => readonly RecordedEvent[],
    notifications: EventEmitter,
    private readonly options: CatchUpOptions,
    private readonly settings: SubscriptionSettings,
    onStopped: () => void,
  ) {
    notifications.on(APPENDED, this.onAppended);
    this.done = this.run().finally(() => {
      notifications.off(APPENDED, this.onAppended);
      onStopped();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting?.finish();
    await this.done;
  }

  private async run(): Promise<void> {
    let position = this.options.after;
    let caughtUpReportedAt: bigint | null = null;
    let failures = 0;
    while (!this.stopped) {
      this.appendedSinceRead = false;
      let page: readonly RecordedEvent[];
      try {
        page = this.readPage(position, this.settings.pageSize);
      } catch (error) {
        this.report(error);
        await this.pause(this.backoff(failures++), false);
        continue;
      }
      if (page.length === 0) {
        if (caughtUpReportedAt !== position) {
          caughtUpReportedAt = position;
          this.callQuietly(() => this.options.onCaughtUp?.(position));
        }
        await this.pause(this.settings.pollIntervalMs, true);
        continue;
      }
      for (const event of page) {
        if (this.stopped) return;
        try {
          await this.options.onEvent(event);
        } catch (error) {
          this.report(error);
          // Retry from the last delivered event: the failed one is delivered again, none is skipped.
          await this.pause(this.backoff(failures++), false);
          break;
        }
        position = event.position;
        failures = 0;
      }
    }
  }

  private backoff(failures: number): number {
    return Math.min(
      this.settings.retryMaxMs,
      this.settings.retryBaseMs * 2 ** Math.min(failures, 20),
    );
  }

  private pause(ms: number, wakeOnAppend: boolean): Promise<void> {
    if (this.stopped || (wakeOnAppend && this.appendedSinceRead)) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiting = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.waiting = { finish, onAppend: wakeOnAppend };
    });
  }

  private report(error: unknown): void {
    this.callQuietly(() => this.options.onError?.(error));
  }

  private callQuietly(callback: () => void): void {
    try {
      callback();
    } catch {
      // A failing observer must not stop delivery.
    }
  }
}
