import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SETTINGS, type Settings } from '../config/settings';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from './projection-runner';

export interface RebuildJob {
  readonly id: string;
  readonly state: 'running' | 'done' | 'failed';
  /** `sub` of the admin who asked for it. */
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Events applied so far. */
  readonly eventsDone: number;
  /**
   * The log's head when the rebuild started (with SQLite, its number of events). Events
   * recorded meanwhile are applied too, so `eventsDone` may end above it.
   */
  readonly eventsTotal: number | null;
  /** Log position the read models have reached. */
  readonly position: string;
  readonly error?: string;
}

/**
 * A rebuild of every read model inside the running server, the one writer of its data
 * directory: the admin endpoint starts it, and anyone with the role admin can follow it.
 * One at a time; the last one is kept until the next starts (or the server restarts).
 */
@Injectable()
export class ProjectionRebuilds {
  private readonly log = new Logger('ProjectionRebuilds');
  private job?: RebuildJob;

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  private running(): boolean {
    return this.job?.state === 'running';
  }

  current(): RebuildJob | undefined {
    return this.job;
  }

  /** Starts a rebuild; undefined when one is already running. */
  async start(requestedBy: string): Promise<RebuildJob | undefined> {
    if (this.running()) return undefined;
    const head = await this.store.headPosition();
    // Another request may have started one while the head was read.
    if (this.running()) return undefined;
    const job: RebuildJob = {
      id: randomUUID(),
      state: 'running',
      requestedBy,
      startedAt: new Date().toISOString(),
      eventsDone: 0,
      // With EventStoreDB a position is not a count.
      eventsTotal: this.store.kind === 'sqlite' ? Number(head) : null,
      position: '0',
    };
    this.job = job;
    this.log.log({ msg: 'Rebuilding the read models', job: job.id, requestedBy });
    void this.runner
      .rebuild({
        // Each page holds the event loop while it is applied (better-sqlite3 is synchronous):
        // pages are small (REBUILD_PAGE_SIZE) and requests are answered between them.
        pageSize: this.settings.rebuildPageSize,
        yieldBetweenPages: true,
        onProgress: (events, position) =>
          this.update(job.id, { eventsDone: events, position: position.toString() }),
      })
      .then(
        ({ events }) => {
          this.update(job.id, {
            state: 'done',
            eventsDone: events,
            finishedAt: new Date().toISOString(),
          });
          this.log.log({ msg: 'Read models rebuilt', job: job.id, events });
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          this.update(job.id, {
            state: 'failed',
            error: message,
            finishedAt: new Date().toISOString(),
          });
          this.log.error({ msg: 'Rebuilding the read models failed', job: job.id, error: message });
        },
      );
    return job;
  }

  private update(id: string, change: Partial<RebuildJob>): void {
    if (this.job?.id === id) this.job = { ...this.job, ...change };
  }
}
