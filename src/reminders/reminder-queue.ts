import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { BUSINESS_TIME_ZONE } from '../shared/business-date';
import type { DeliveryJobData } from './reminder-subject';

/** The job scheduler every instance registers (upsertJobScheduler is idempotent on this id). */
export const REMINDER_SCHEDULER_ID = 'reminder-scan';
export const SCAN_JOB = 'scan';
export const DELIVER_JOB = 'deliver';

/** A completed delivery job keeps its id this long, so the same reminder queued again is ignored. */
const COMPLETED_AGE_SECONDS = 3 * 24 * 3600;
/** Redis operations that answer a request (health, scan) give up after this. */
const OPERATION_TIMEOUT_MS = 2000;

export interface QueueLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ReminderQueueOptions {
  readonly redisUrl: string;
  /** QUEUE_PREFIX: the queue is `<prefix>-reminders`, its keys start with `<prefix>:`. */
  readonly prefix: string;
  readonly cron: string;
  readonly attempts: number;
  readonly backoffMs: number;
  readonly concurrency?: number;
  /** Longest wait between reconnection attempts while Redis is away. */
  readonly reconnectMaxMs?: number;
  /** How often the scheduler is checked for (a flushed Redis loses it). */
  readonly schedulerCheckMs?: number;
  readonly log: QueueLog;
}

export type JobProcessor = (job: Job) => Promise<unknown>;

/** Redis cannot be reached now: the request should be answered 503. */
/** How long shutdown waits for the queue's connections to close before it lets go of them. */
const CLOSE_TIMEOUT_MS = 3000;

export class ReminderQueueUnavailableError extends Error {
  constructor(message = 'The reminder queue (Redis) cannot be reached') {
    super(message);
    this.name = 'ReminderQueueUnavailableError';
  }
}

export interface FailedReminderJob {
  readonly reminderId: string;
  readonly jobId: string;
  readonly name: string;
  readonly subject?: DeliveryJobData['subject'];
  readonly asOf?: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly failedAt: string | null;
}

export interface ReminderQueueStatus {
  readonly status: 'up' | 'down' | 'degraded';
  readonly [detail: string]: unknown;
}

/**
 * The one BullMQ queue of reminders, `<QUEUE_PREFIX>-reminders`: the scheduler's scan jobs
 * and the delivery jobs, whose ids are reminder ids. Nothing here waits for Redis at start:
 * without it the API keeps serving, requests that need the queue fail at once (the producer
 * has no offline queue), and both connections reconnect by themselves; on each reconnect,
 * and every few minutes, the scheduler is registered again if it is missing.
 */
export class ReminderQueue {
  readonly name: string;
  private readonly producer: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private schedulerTimer?: NodeJS.Timeout;
  private ensuring?: Promise<void>;
  private closed = false;
  private lastConnectionError = '';

  constructor(private readonly options: ReminderQueueOptions) {
    this.name = `${options.prefix}-reminders`;
    this.producer = new Redis(options.redisUrl, {
      maxRetriesPerRequest: null,
      enableOfflineQueue: false,
      retryStrategy: (times) => this.reconnectDelay(times),
    });
    this.producer.on('error', (error: Error) => this.connectionError(error));
    this.producer.on('ready', () => {
      if (this.lastConnectionError) this.options.log.log(`Redis is back for ${this.name}`);
      this.lastConnectionError = '';
      void this.ensureScheduler();
    });
    this.queue = new Queue(this.name, {
      connection: this.producer,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.attempts,
        backoff: { type: 'exponential', delay: options.backoffMs },
        removeOnComplete: { age: COMPLETED_AGE_SECONDS },
        // Failed jobs stay until an operator retries or removes them (Bull Board).
        removeOnFail: false,
      },
    });
    this.queue.on('error', (error: Error) => this.connectionError(error));
  }

  /** The BullMQ queue itself, for the operators' dashboard. */
  get bullQueue(): Queue {
    return this.queue;
  }

  /** Starts processing (scan and delivery jobs) and keeping the scheduler registered. */
  startWorker(process: JobProcessor): void {
    if (this.worker || this.closed) return;
    this.worker = new Worker(this.name, process, {
      connection: {
        url: this.options.redisUrl,
        maxRetriesPerRequest: null,
        retryStrategy: (times: number) => this.reconnectDelay(times),
      },
      prefix: this.options.prefix,
      concurrency: this.options.concurrency ?? 4,
    });
    this.worker.on('error', (error: Error) => this.connectionError(error));
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      const final = job.attemptsMade >= attempts;
      const message = `Reminder job ${job.id} failed (attempt ${job.attemptsMade} of ${attempts}): ${error.message}`;
      if (final) this.options.log.error(`${message}; it stays in the failed set`);
      else this.options.log.warn(message);
    });
    const every = this.options.schedulerCheckMs ?? 5 * 60_000;
    this.schedulerTimer = setInterval(() => void this.ensureScheduler(), every);
    this.schedulerTimer.unref();
    void this.ensureScheduler();
  }

  isUp(): boolean {
    return this.producer.status === 'ready';
  }

  /**
   * Registers the scan on REMINDER_CRON in Asia/Ho_Chi_Minh, unless it is registered already
   * with that pattern. Safe on any number of instances: upserting one id is idempotent.
   */
  ensureScheduler(): Promise<void> {
    if (!this.isUp() || this.closed) return Promise.resolve();
    this.ensuring ??= this.registerScheduler().finally(() => (this.ensuring = undefined));
    return this.ensuring;
  }

  private async registerScheduler(): Promise<void> {
    try {
      const existing = await this.queue.getJobScheduler(REMINDER_SCHEDULER_ID);
      if (existing?.pattern === this.options.cron && existing.tz === BUSINESS_TIME_ZONE) return;
      await this.queue.upsertJobScheduler(
        REMINDER_SCHEDULER_ID,
        { pattern: this.options.cron, tz: BUSINESS_TIME_ZONE },
        {
          name: SCAN_JOB,
          data: {},
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, attempts: 3 },
        },
      );
      this.options.log.log(
        `Reminder scan scheduled on "${this.options.cron}" (${BUSINESS_TIME_ZONE}) in ${this.name}`,
      );
    } catch (error) {
      if (!this.closed)
        this.options.log.warn(`Could not register the reminder scan: ${messageOf(error)}`);
    }
  }

  /** Queues delivery jobs, one per reminder id; an id already in the queue is left as it is. */
  async enqueue(jobs: readonly DeliveryJobData[]): Promise<void> {
    this.requireUp();
    for (let i = 0; i < jobs.length; i += 500) {
      const batch = jobs.slice(i, i + 500).map((data) => ({
        name: DELIVER_JOB,
        data,
        opts: { jobId: data.reminderId },
      }));
      await withTimeout(this.queue.addBulk(batch), OPERATION_TIMEOUT_MS * 5);
    }
  }

  async failedJobs(limit = 100): Promise<FailedReminderJob[]> {
    this.requireUp();
    const jobs = await withTimeout(this.queue.getFailed(0, limit - 1), OPERATION_TIMEOUT_MS);
    return jobs.map((job) => {
      const data = (job.data ?? {}) as Partial<DeliveryJobData>;
      return {
        reminderId: data.reminderId ?? String(job.id),
        jobId: String(job.id),
        name: job.name,
        ...(data.subject && { subject: data.subject }),
        ...(data.asOf && { asOf: data.asOf }),
        attempts: job.attemptsMade,
        lastError: job.failedReason,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      };
    });
  }

  /** For /health: down without Redis; degraded while failed jobs wait for an operator. */
  async status(): Promise<ReminderQueueStatus> {
    if (!this.isUp()) {
      return {
        status: 'down',
        queue: this.name,
        connection: this.producer.status,
        ...(this.lastConnectionError && { error: this.lastConnectionError }),
      };
    }
    try {
      const [counts, scheduler] = await withTimeout(
        Promise.all([
          this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
          this.queue.getJobScheduler(REMINDER_SCHEDULER_ID),
        ]),
        OPERATION_TIMEOUT_MS,
      );
      return {
        status: (counts.failed ?? 0) > 0 ? 'degraded' : 'up',
        queue: this.name,
        jobs: counts,
        scheduler: scheduler
          ? {
              pattern: scheduler.pattern,
              tz: scheduler.tz,
              next: scheduler.next ? new Date(scheduler.next).toISOString() : null,
            }
          : null,
        worker: this.worker?.isRunning() ? 'running' : 'stopped',
      };
    } catch (error) {
      return { status: 'down', queue: this.name, error: messageOf(error) };
    }
  }

  /** Waits for the jobs in progress, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.schedulerTimer);
    // With Redis unreachable BullMQ's close never settles: shutdown waits a bounded time for an
    // orderly close, then lets go of the connections, so the process can exit.
    const orderly = (async () => {
      await this.ensuring;
      await this.worker?.close();
      await this.queue.close();
    })().catch(() => undefined);
    await Promise.race([
      orderly,
      new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref()),
    ]);
    this.producer.disconnect();
    void this.worker?.disconnect().catch(() => undefined);
    void this.queue.disconnect().catch(() => undefined);
  }

  private requireUp(): void {
    if (!this.isUp()) throw new ReminderQueueUnavailableError();
  }

  private reconnectDelay(times: number): number {
    return Math.min(100 * 2 ** Math.min(times, 10), this.options.reconnectMaxMs ?? 5000);
  }

  /** Logged once per outage, not once per reconnection attempt. */
  private connectionError(error: Error): void {
    const message = messageOf(error);
    if (message === this.lastConnectionError || this.closed) return;
    this.lastConnectionError = message;
    this.options.log.warn(`Reminder queue ${this.name}: ${message}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReminderQueueUnavailableError('Redis did not answer in time')),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
