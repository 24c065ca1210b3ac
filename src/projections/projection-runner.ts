import type { Database } from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store.port';
import { CheckpointStore } from './checkpoint-store';
import type { Projection } from './projection';

const BATCH_SIZE = 1000;
const RETRY_MS = [100, 500, 2000, 5000];

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
  private flushTimer?: NodeJS.Immediate;
  private committed = 0n;
  private state: ProjectionStatus['state'] = 'stopped';
  private lastError?: string;
  private failures = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly projections: readonly Projection[],
  ) {
    this.checkpoints = new CheckpointStore(db);
    this.progress.setMaxListeners(0);
    for (const projection of projections) projection.setup(db);
    this.resetOutdated();
  }

  /** The position every projection has reached. */
  get position(): bigint {
    return this.committed;
  }

  status(): ProjectionStatus {
    return { state: this.state, position: this.committed.toString(), ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  start(): void {
    if (this.subscription) return;
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
        this.flush();
        if (this.state === 'catching_up') this.state = 'live';
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
    if (this.flushTimer) clearImmediate(this.flushTimer);
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

  /** Drops every read model and builds them again from the whole log, then resumes. */
  async rebuild(): Promise<{ events: number }> {
    const wasRunning = this.subscription !== undefined;
    await this.stop();
    this.db.transaction(() => {
      for (const projection of this.projections) {
        projection.reset(this.db);
        this.checkpoints.set(projection.name, projection.version, 0n);
      }
    })();
    this.committed = 0n;
    let count = 0;
    for (;;) {
      const page = await this.store.readAll({ after: this.committed, limit: 5000 });
      if (page.length === 0) break;
      this.commitBatch(page);
      count += page.length;
    }
    if (wasRunning) this.start();
    return { events: count };
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setImmediate(() => {
      this.flushTimer = undefined;
      this.flush();
    });
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      this.commitBatch(batch);
      this.failures = 0;
      this.lastError = undefined;
    } catch (error) {
      this.fail(error);
    }
  }

  private commitBatch(batch: readonly RecordedEvent[]): void {
    const last = batch[batch.length - 1].position;
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const from = this.checkpoints.get(projection.name)?.position ?? 0n;
        const fresh = from === 0n ? batch : batch.filter((event) => event.position > from);
        if (fresh.length > 0) projection.apply(this.db, fresh);
        this.checkpoints.set(projection.name, projection.version, last);
      }
    })();
    this.committed = last;
    this.progress.emit('committed');
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
