import type { Statement } from 'better-sqlite3';
import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import { EventStoreUnavailableError } from './event-store.port';
import type { SqliteDatabase } from './sqlite-database';

/** Forces what was written to one file to disk. */
export interface FileSync {
  /** On libuv's thread pool: the event loop goes on meanwhile. */
  sync(): Promise<void>;
  /** On the calling thread; absent when only `sync` may be used. */
  syncNow?(): void;
  close(): void;
}

export type SyncFile = (path: string) => FileSync;

/**
 * fdatasync through a descriptor kept open. The write-ahead log stays the same file while the
 * connection that writes it is open: SQLite removes it only when its last connection closes.
 */
export function fdatasyncFile(path: string): FileSync {
  let fd: number | undefined;
  const descriptor = () => (fd ??= openSync(path, 'r'));
  // After a failure the descriptor is opened afresh: a broken one must not stick.
  const drop = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        let target: number;
        try {
          target = descriptor();
        } catch (error) {
          return reject(error);
        }
        fdatasync(target, (error) => {
          if (!error) return resolve();
          drop();
          reject(error);
        });
      }),
    syncNow: () => {
      try {
        fdatasyncSync(descriptor());
      } catch (error) {
        drop();
        throw error;
      }
    },
    close: drop,
  };
}

/** After a failed sync, the next try waits this long (or for the next commit). */
const RETRY_AFTER_FAILURE_MS = 100;
/**
 * Syncs that take less than this (on average) run on the event loop, as SQLite's FULL would:
 * handing a fast sync to the thread pool costs more (two thread switches) than it saves.
 */
const INLINE_BELOW_MS = 1;
/** Weight of the latest sync in the running average of sync times. */
const AVERAGE_WEIGHT = 0.25;

/**
 * Group commit that does not stop the event loop for a slow disk. With synchronous=FULL,
 * SQLite fsyncs the write-ahead log inside COMMIT, and better-sqlite3 runs COMMIT on the main
 * thread: when the disk is slow, every request, decision and read-model batch waits out every
 * fsync. Here the append transaction commits with synchronous=NORMAL (written to the log file,
 * not yet forced to disk), and the log file is then fdatasync'd: the same sync FULL does, of
 * the same file. While syncs are fast it runs right after COMMIT; once they slow down it runs on
 * libuv's thread pool, the event loop goes on deciding the next commands, and batches committed
 * meanwhile share the next sync.
 *
 * What is not yet durable is not yet shown: appends resolve, subscriptions receive events and
 * readStream returns a stream only once the sync that covers them has completed. So nobody
 * acts on, projects, or acknowledges (a retried command included) an event a power cut could
 * still take. Durability is tracked for the connection's own writes: positions above the
 * highest one this store wrote (another process's, imported with FULL) count as durable.
 *
 * A connection that is not in WAL mode, has no file, or is not set to FULL (or EXTRA) keeps
 * SQLite's own behaviour: COMMIT returns when the setting says the data is safe.
 */
export class WalDurability {
  readonly enabled: boolean;
  private readonly wal?: FileSync;
  private readonly relaxSync?: Statement;
  private readonly restoreSync?: Statement;
  /** Highest position known to be on disk. */
  private durableThrough: bigint;
  /** Highest position this store has committed. */
  private written: bigint;
  private syncing = false;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private waiters: { position: bigint; resolve: () => void; reject: (error: unknown) => void }[] =
    [];
  private syncs = 0;
  private averageSyncMs = 0;

  constructor(
    db: SqliteDatabase,
    head: bigint,
    syncFile: SyncFile,
    private readonly onDurable: () => void,
  ) {
    this.durableThrough = head;
    this.written = head;
    const file = (db.pragma('database_list') as { name: string; file: string }[]).find(
      (entry) => entry.name === 'main',
    )?.file;
    const journalMode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    this.enabled = Boolean(file) && journalMode === 'wal' && synchronous >= 2;
    if (this.enabled) {
      this.wal = syncFile(`${file}-wal`);
      this.relaxSync = db.prepare('PRAGMA synchronous = NORMAL');
      this.restoreSync = db.prepare(`PRAGMA synchronous = ${synchronous}`);
    }
  }

  /** How many log syncs have run. */
  get syncCount(): number {
    return this.syncs;
  }

  /** Runs a whole write transaction (BEGIN..COMMIT) that commits without the fsync. */
  commitWithoutSync<T>(transaction: () => T): T {
    if (!this.enabled) return transaction();
    this.relaxSync!.run();
    try {
      return transaction();
    } finally {
      this.restoreSync!.run();
    }
  }

  /** Notes a committed write up to `position` and starts the sync that makes it durable. */
  committed(position: bigint): void {
    if (position > this.written) this.written = position;
    this.startSync();
  }

  isDurable(position: bigint): boolean {
    return !this.enabled || position <= this.durableThrough || position > this.written;
  }

  /** The events up to (not including) the first one not yet durable. */
  durablePrefix<E extends { readonly position: bigint }>(events: E[]): E[] {
    if (!this.enabled || this.durableThrough >= this.written) return events;
    const cut = events.findIndex((event) => !this.isDurable(event.position));
    return cut < 0 ? events : events.slice(0, cut);
  }

  /** Resolves once `position` is on disk (at once if it is); rejects if its sync failed. */
  whenDurable(position: bigint): Promise<void> {
    if (this.isDurable(position)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ position, resolve, reject });
      this.startSync();
    });
  }

  /** Everything committed so far, durable. */
  whenAllDurable(): Promise<void> {
    return this.whenDurable(this.written);
  }

  /** Waits for what was committed, then takes no more syncs. */
  async stop(): Promise<void> {
    await this.whenAllDurable().catch(() => undefined);
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.wal?.close();
  }

  private startSync(): void {
    if (this.syncing || this.stopped || this.durableThrough >= this.written) return;
    clearTimeout(this.retryTimer);
    const target = this.written;
    const started = performance.now();
    this.syncs += 1;
    const wal = this.wal!;
    if (wal.syncNow && this.averageSyncMs < INLINE_BELOW_MS) {
      try {
        wal.syncNow();
      } catch (error) {
        return this.failed(target, error);
      }
      return this.synced(target, started);
    }
    this.syncing = true;
    wal.sync().then(
      () => {
        this.syncing = false;
        this.synced(target, started);
      },
      (error: unknown) => {
        this.syncing = false;
        this.failed(target, error);
      },
    );
  }

  private synced(target: bigint, started: number): void {
    const took = performance.now() - started;
    this.averageSyncMs += AVERAGE_WEIGHT * (took - this.averageSyncMs);
    this.durableThrough = target;
    this.settle(target, null);
    this.onDurable();
    this.startSync();
  }

  private failed(target: bigint, error: unknown): void {
    this.settle(
      target,
      new EventStoreUnavailableError(
        `The event log could not be made durable: ${(error as Error).message}`,
        error,
      ),
    );
    this.retryTimer = setTimeout(() => this.startSync(), RETRY_AFTER_FAILURE_MS);
    this.retryTimer.unref();
  }

  private settle(target: bigint, error: unknown): void {
    const due = this.waiters.filter((waiter) => waiter.position <= target);
    this.waiters = this.waiters.filter((waiter) => waiter.position > target);
    for (const waiter of due) {
      if (error === null) waiter.resolve();
      else waiter.reject(error);
    }
  }
}
