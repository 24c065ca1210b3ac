import type { Database, Statement } from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store.port';
import { CheckpointStore } from './checkpoint-store';
import type { Projection } from './projection';

const BATCH_SIZE = 1000;
/**
 * Events per transaction in a rebuild. Large pages hold several events of each project under
 * way, so each read-model row is loaded and written once for several events (5,000 gave about
 * 28,000 events/s on a 200,000-event log, 20,000 about 46,000; larger gained little).
 */
const REBUILD_PAGE = 20_000;
/**
 * While live and nobody waits to read their own write, events are gathered this long into one
 * read-model transaction: under load that is many write batches per transaction instead of one
 * each, so pages shared by many rows (indexes, checkpoints) are written once per batch.
 */
const LIVE_FLUSH_MS = 25;
const RETRY_MS = [100, 500, 2000, 5000];

export interface RebuildOptions {
  readonly pageSize?: number;
  readonly yieldBetweenPages?: boolean;
  /** After each page: events applied so far, and the position reached. */
  readonly onProgress?: (events: number, position: bigint) => void;
}

export interface ProjectionStatus {
  readonly state: 'stopped' | 'catching_up' | 'live' | 'failing';
  readonly position: string;
  readonly lastError?: string;
}

/**
 * Feeds the projections from a catch-up subscription to the global log. Events are applied
 * in batches; each batch and the new checkpoints commit in one SQLite transaction. After a
 * failure it starts again from the committed checkpoint (never from memory), with backoff.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private readonly progress = new EventEmitter();
  private subscription?: Subscription;
  private buffer: RecordedEvent[] = [];
  private flushTimer?: { readonly cancel: () => void; readonly soon: boolean };
  private committed = 0n;
  private state: ProjectionStatus['state'] = 'stopped';
  private lastError?: string;
  private failures = 0;
  private restartTimer?: NodeJS.Timeout;
  /** Switch the shared connection to commits without fsync and back to its own setting. */
  private readonly relaxSync: Statement;
  private readonly restoreSync: Statement;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    /**
     * The read models to keep. A function is called once, when they are first needed: in Nest,
     * after every feature's providers exist (projection-set.ts).
     */
    private readonly given: readonly Projection[] | (() => readonly Projection[]),
  ) {
    this.checkpoints = new CheckpointStore(db);
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    this.relaxSync = db.prepare('PRAGMA synchronous = NORMAL');
    this.restoreSync = db.prepare(`PRAGMA synchronous = ${synchronous}`);
    this.progress.setMaxListeners(0);
    if (typeof given !== 'function') void this.projections;
  }

  private resolved?: readonly Projection[];

  /** The projections, their tables set up and the outdated ones reset on first use. */
  private get projections(): readonly Projection[] {
    if (this.resolved) return this.resolved;
    const projections = typeof this.given === 'function' ? this.given() : this.given;
    const names = new Set<string>();
    for (const { name } of projections) {
      if (names.has(name)) throw new Error(`Two projections are named '${name}'`);
      names.add(name);
    }
    for (const projection of projections) projection.setup(this.db);
    this.resolved = projections;
    this.resetOutdated();
    return projections;
  }

  /** The position every projection has reached. */
  get position(): bigint {
    return this.committed;
  }

  status(): ProjectionStatus {
    return {
      state: this.state,
      position: this.committed.toString(),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  start(): void {
    if (this.subscription) return;
    // From the database, never from memory: after a failure the batch in memory was rolled back.
    this.committed = this.lowestCheckpoint();
    this.state = 'catching_up';
    this.subscription = this.store.subscribeToAll({
      after: this.committed,
      onEvent: (event) => {
        this.buffer.push(event);
        if (this.buffer.length >= BATCH_SIZE) this.flush();
        else this.scheduleFlush();
      },
      onCaughtUp: () => {
        // Caught up again after the subscription failed: the failure is over.
        if (this.state === 'catching_up' || this.state === 'failing') {
          if (!this.flush()) return; // a failed batch restarts the runner from its checkpoint
          this.state = 'live';
          this.lastError = undefined;
        } else {
          this.scheduleFlush();
        }
      },
      // The subscription retries by itself; this only tells /health.
      onError: (error) => {
        this.state = 'failing';
        this.lastError = error instanceof Error ? error.message : String(error);
      },
    });
  }

  async stop(): Promise<void> {
    clearTimeout(this.restartTimer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    this.flushTimer?.cancel();
    this.flushTimer = undefined;
    this.buffer = [];
    this.state = 'stopped';
  }

  /**
   * Resolves true once the read models have reached `position` (read-your-writes),
   * false if `timeoutMs` passes first.
   */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.committed >= position) return Promise.resolve(true);
    // The events may be gathered for a later transaction already: apply them now.
    if (this.buffer.length > 0) this.scheduleFlush(true);
    return new Promise((resolve) => {
      const onProgress = () => {
        if (this.committed < position) return;
        cleanup();
        resolve(true);
      };
      const timer = setTimeout(() => {
        cleanup();
        resolve(false);
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.progress.off('committed', onProgress);
      };
      this.progress.on('committed', onProgress);
    });
  }

  /**
   * Drops every read model and builds them again from the whole log, then resumes. Pages of
   * `pageSize` events commit one transaction each; with `yieldBetweenPages` the event loop
   * runs between pages (the server keeps answering during a rebuild it was asked for).
   */
  async rebuild(options: RebuildOptions = {}): Promise<{ events: number }> {
    const pageSize = options.pageSize ?? REBUILD_PAGE;
    const wasRunning = this.subscription !== undefined;
    await this.stop();
    let count = 0;
    try {
      this.db.transaction(() => {
        for (const projection of this.projections) {
          projection.reset(this.db);
          this.checkpoints.set(projection.name, projection.version, 0n);
        }
      })();
      this.committed = 0n;
      for (;;) {
        const page = await this.store.readAll({ after: this.committed, limit: pageSize });
        if (page.length === 0) break;
        this.commitBatch(page);
        count += page.length;
        options.onProgress?.(count, this.committed);
        if (options.yieldBetweenPages) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      // Also after a failed page: the live runner goes on from the committed checkpoints.
      if (wasRunning) this.start();
    }
    return { events: count };
  }

  /** Applies the buffer on the next turn when someone waits for it, else after LIVE_FLUSH_MS. */
  private scheduleFlush(soon = this.progress.listenerCount('committed') > 0): void {
    if (this.flushTimer && (this.flushTimer.soon || !soon)) return;
    this.flushTimer?.cancel();
    const run = () => {
      this.flushTimer = undefined;
      this.flush();
    };
    if (soon) {
      const immediate = setImmediate(run);
      this.flushTimer = { cancel: () => clearImmediate(immediate), soon: true };
    } else {
      const timer = setTimeout(run, LIVE_FLUSH_MS);
      this.flushTimer = { cancel: () => clearTimeout(timer), soon: false };
    }
  }

  /** Applies what is buffered; false if that failed (the runner then restarts itself). */
  private flush(): boolean {
    if (this.buffer.length === 0) return true;
    const batch = this.buffer;
    this.buffer = [];
    try {
      this.commitBatch(batch);
      this.failures = 0;
      this.lastError = undefined;
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /**
   * Applies the events of `batch` each projection has not yet applied and moves the
   * checkpoints, in one transaction. What is "not yet applied" is read from the stored
   * checkpoint inside that write transaction (BEGIN IMMEDIATE), never from memory: another
   * process on the same file (a second server, a rebuild run by hand) may have applied them
   * since this runner last looked, and a checkpoint never goes back.
   */
  private commitBatch(batch: readonly RecordedEvent[]): void {
    const last = batch[batch.length - 1].position;
    this.withoutFsync(() =>
      this.db
        .transaction(() => {
          for (const projection of this.projections) {
            const from = this.checkpoints.get(projection.name)?.position ?? 0n;
            if (from >= last) continue;
            const fresh = from === 0n ? batch : batch.filter((event) => event.position > from);
            if (fresh.length > 0) projection.apply(this.db, fresh);
            this.checkpoints.set(projection.name, projection.version, last);
          }
        })
        .immediate(),
    );
    // Every projection now stands at `last` at least (some further on, moved by another process).
    if (last > this.committed) this.committed = last;
    this.progress.emit('committed');
  }

  /**
   * Read-model transactions commit without waiting for the disk (synchronous=NORMAL) on the
   * connection they share with the log, which commits with FULL. Nothing is lost by it: the
   * read models and their checkpoints commit together, after the events they were built from,
   * in one write-ahead log, so a power cut can only take the newest read-model commits (and
   * their checkpoints) with it, and the runner applies those events again. An fsync per batch
   * here would block the event loop as long as the log's own fsync, and as often.
   */
  private withoutFsync(write: () => void): void {
    this.relaxSync.run();
    try {
      write();
    } finally {
      this.restoreSync.run();
    }
  }

  /** Stops, then starts again from the committed checkpoint after a pause. */
  private fail(error: unknown): void {
    this.state = 'failing';
    this.lastError = error instanceof Error ? error.message : String(error);
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
    this.failures++;
    void this.stop().then(() => {
      this.state = 'failing';
      this.restartTimer = setTimeout(() => this.start(), delay);
    });
  }

  /** The lowest stored checkpoint: where the subscription starts so that every projection gets what it lacks. */
  private lowestCheckpoint(): bigint {
    let lowest: bigint | undefined;
    for (const projection of this.projections) {
      const position = this.checkpoints.get(projection.name)?.position ?? 0n;
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? 0n;
  }

  /** A projection whose code version changed starts again from the beginning of the log. */
  private resetOutdated(): void {
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const checkpoint = this.checkpoints.get(projection.name);
        if (checkpoint && checkpoint.version === projection.version) continue;
        projection.reset(this.db);
        this.checkpoints.set(projection.name, projection.version, 0n);
      }
    })();
  }
}
