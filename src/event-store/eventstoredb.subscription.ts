import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { CatchUpOptions, RecordedEvent, Subscription } from './event-store.port';
import { toRecordedEvent } from './eventstoredb.mapping';
import type { StreamNames } from './stream-names';

/**
 * A catch-up subscription to $all that does not die: when the client's subscription errors,
 * ends, or the handler fails, it reports the problem through `onError`, waits (exponential
 * backoff) and subscribes again from the last event it delivered. `onCaughtUp` is called once
 * everything the server had when it said "caught up" has been delivered, and again whenever
 * live delivery drains.
 *
 * The checkpoint is the position of the last event whose `onEvent` resolved; events at or
 * before it are never delivered twice by one subscription, and none after it is skipped.
 */

export type SubscriptionState = 'connecting' | 'catching_up' | 'live' | 'resubscribing' | 'stopped';

export interface SubscriptionStatus {
  readonly state: SubscriptionState;
  /** Position of the last event delivered (a string: positions are bigint). */
  readonly position: string;
  /** How many times the subscription was dropped and opened again. */
  readonly resubscriptions: number;
  readonly lastError?: string;
}

export interface ResubscribingOptions {
  /** Opens the client's subscription to $all delivering events after `after` (0n: from the start). */
  readonly open: (after: bigint) => AllStreamSubscription;
  /** Wait before the n-th resubscription in a row (n from 1); reset once a subscription delivers. */
  readonly backoff?: (attempt: number) => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called once the subscription has stopped for good. */
  readonly onStopped?: () => void;
  /** Which streams are delivered (the server filter should already send only those). */
  readonly streamNames: StreamNames;
}

/** Reported through `onError` each time the subscription drops, before it resubscribes. */
export class SubscriptionDroppedError extends Error {
  constructor(
    readonly position: bigint,
    readonly retryInMs: number,
    override readonly cause: unknown,
  ) {
    super(
      `Subscription to $all dropped after position ${position} (${describe(cause)}); resubscribing in ${retryInMs} ms`,
    );
    this.name = 'SubscriptionDroppedError';
  }
}

/** Doubling waits from `baseMs` up to `maxMs`, each between half and all of that (instances spread out). */
export function exponentialBackoff(
  baseMs = 250,
  maxMs = 30_000,
  random: () => number = Math.random,
): (attempt: number) => number {
  return (attempt) => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
    return Math.round(ceiling / 2 + (ceiling / 2) * random());
  };
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    }
    signal.addEventListener('abort', finish);
  });
}

export class ResubscribingSubscription implements Subscription {
  private state: SubscriptionState = 'connecting';
  private position: bigint;
  private resubscriptions = 0;
  private lastError?: string;
  private current?: { readonly client: AllStreamSubscription; readonly reader: SubscriptionReader };
  private readonly stopping = new AbortController();
  private readonly backoff: (attempt: number) => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly done: Promise<void>;

  constructor(
    private readonly options: CatchUpOptions,
    private readonly settings: ResubscribingOptions,
  ) {
    this.position = options.after;
    this.backoff = settings.backoff ?? exponentialBackoff();
    this.sleep = settings.sleep ?? sleep;
    this.done = this.run().finally(() => {
      this.state = 'stopped';
      settings.onStopped?.();
    });
  }

  status(): SubscriptionStatus {
    return {
      state: this.state,
      position: this.position.toString(),
      resubscriptions: this.resubscriptions,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  async stop(): Promise<void> {
    if (!this.stopping.signal.aborted) {
      this.stopping.abort();
      this.current?.reader.cancel();
    }
    await this.done;
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const { failure, delivered } = await this.subscribeOnce();
      if (this.stopped) break;
      attempt = delivered ? 1 : attempt + 1;
      const delay = this.backoff(attempt);
      this.state = 'resubscribing';
      this.resubscriptions += 1;
      this.report(
        failure instanceof HandlerError
          ? failure.cause
          : new SubscriptionDroppedError(this.position, delay, failure),
      );
      await this.sleep(delay, this.stopping.signal);
    }
  }

  /** One client subscription, from open to drop (or stop). `delivered`: it made progress. */
  private async subscribeOnce(): Promise<{ failure: unknown; delivered: boolean }> {
    let client: AllStreamSubscription;
    try {
      client = this.settings.open(this.position);
    } catch (error) {
      return { failure: error, delivered: false };
    }
    const reader = new SubscriptionReader(client);
    this.current = { client, reader };
    this.state = 'catching_up';
    let reportedAt: bigint | undefined;
    const progress = new CaughtUpTracker(reader, () => {
      // Once per subscription, then only when something new was delivered.
      if (reportedAt === this.position) return;
      reportedAt = this.position;
      this.caughtUp();
    });
    const onCaughtUp = () => progress.serverCaughtUp();
    const onFellBehind = () => {
      progress.serverFellBehind();
      if (!this.stopped) this.state = 'catching_up';
    };
    client.on('caughtUp', onCaughtUp);
    client.on('fellBehind', onFellBehind);
    let delivered = false;
    try {
      for (;;) {
        const resolved = await reader.next();
        if (resolved === undefined || this.stopped) break;
        const event = this.wanted(resolved);
        if (event) {
          try {
            await this.options.onEvent(event);
          } catch (error) {
            throw new HandlerError(error);
          }
          this.position = event.position;
          delivered = true;
        }
        progress.processed();
      }
      return {
        failure: new Error('the server ended the subscription'),
        delivered: delivered || progress.reported,
      };
    } catch (error) {
      return { failure: error, delivered: delivered || progress.reported };
    } finally {
      client.off('caughtUp', onCaughtUp);
      client.off('fellBehind', onFellBehind);
      reader.cancel();
      this.current = undefined;
      await client.unsubscribe().catch(() => undefined);
    }
  }

  /** The event to deliver, or undefined for one already delivered or not ours (the server filter should drop those). */
  private wanted(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
    const names = this.settings.streamNames;
    if (!resolved.event || names.streamIdOf(resolved.event.streamId) === undefined)
      return undefined;
    const event = toRecordedEvent(resolved, names);
    return event.position > this.position ? event : undefined;
  }

  private caughtUp(): void {
    if (this.stopped) return;
    this.state = 'live';
    this.lastError = undefined;
    this.callQuietly(() => this.options.onCaughtUp?.(this.position));
  }

  private report(error: unknown): void {
    this.lastError = describe(error);
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

/** The handler (onEvent) failed: reported as itself, not as a dropped subscription. */
class HandlerError extends Error {
  constructor(override readonly cause: unknown) {
    super(describe(cause));
  }
}

/**
 * Pulls events one at a time (the next is not read before the last is handled) and counts
 * them at the moment they leave the client's buffer, so "caught up" can be placed exactly.
 * It listens for errors for the subscription's whole life: an unheard 'error' would crash the process.
 */
class SubscriptionReader {
  taken = 0;
  private failure: { readonly error: unknown } | undefined;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly client: AllStreamSubscription) {
    const wakeUp = () => this.wake?.();
    client.on('readable', wakeUp);
    client.on('error', (error: Error) => {
      this.failure ??= { error };
      wakeUp();
    });
    const finish = () => {
      this.ended = true;
      wakeUp();
    };
    client.on('end', finish);
    client.on('close', finish);
  }

  /** Events the client has received but not yet handed over. */
  get buffered(): number {
    return this.client.readableLength;
  }

  /** The next event; undefined once the subscription ended or was cancelled. Throws its error after the events before it. */
  async next(): Promise<AllStreamResolvedEvent | undefined> {
    for (;;) {
      if (this.ended && this.failure === undefined) return undefined;
      const chunk = this.ended ? null : (this.client.read() as AllStreamResolvedEvent | null);
      if (chunk !== null) {
        this.taken += 1;
        return chunk;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  cancel(): void {
    this.ended = true;
    this.failure = undefined;
    this.wake?.();
  }
}

/**
 * The server says "caught up" in between events; everything it sent before that must be
 * handled before we say so. Afterwards (live), each time delivery drains we say so again.
 */
class CaughtUpTracker {
  /** Count of events taken from the client when everything sent before "caught up" is handled. */
  private mark: number | undefined;
  private handled = 0;
  reported = false;

  constructor(
    private readonly reader: SubscriptionReader,
    private readonly report: () => void,
  ) {}

  serverCaughtUp(): void {
    this.mark = this.reader.taken + this.reader.buffered;
    this.check();
  }

  serverFellBehind(): void {
    this.mark = undefined;
  }

  processed(): void {
    this.handled += 1;
    this.check();
  }

  private check(): void {
    if (this.mark === undefined) return;
    const drained = this.handled === this.reader.taken && this.reader.buffered === 0;
    if (this.handled >= this.mark && drained) {
      this.reported = true;
      this.report();
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
