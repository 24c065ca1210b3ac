import { randomUUID } from 'node:crypto';
import { UnavailableError, type AllStreamSubscription } from '@eventstore/db-client';
import {
  controllableSubscription,
  type ServerSide,
  type WireEvent,
} from '../../test/support/eventstoredb-wire';
import { GENESIS_HASH, type CatchUpOptions, type RecordedEvent } from './event-store.port';
import {
  exponentialBackoff,
  ResubscribingSubscription,
  SubscriptionDroppedError,
} from './eventstoredb.subscription';
import { StreamNames } from './stream-names';
import { OUR_STREAM_PREFIXES } from '../platform/our-streams';

const NAMES = new StreamNames(OUR_STREAM_PREFIXES);

/**
 * The resubscription logic over the client's own Subscription class, fed through a stream the
 * test controls: the test plays the server's side of the gRPC call (events, "caught up",
 * "fell behind", a broken connection, a closed call).
 */

const STREAM = 'annual-plan-2026';

/** Our event number n of the plan stream, at position 100 * n. */
function wire(n: number, streamName = STREAM): WireEvent {
  return {
    streamName,
    revision: BigInt(n - 1),
    position: BigInt(n * 100),
    id: randomUUID(),
    type: 'PlanOpened',
    data: { n },
    metadata: {
      commandId: `c${n}`,
      recordedAt: '2025-03-14T02:30:00.000Z',
      prevHash: GENESIS_HASH,
      hash: 'f'.repeat(64),
    },
  };
}

async function eventually(check: () => boolean, what = 'condition'): Promise<void> {
  const until = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} not met in time`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Every wait the subscription asks for, released by the test (or by stop). */
class ManualSleep {
  readonly requested: number[] = [];
  private pending: (() => void)[] = [];

  readonly sleep = (ms: number, signal: AbortSignal): Promise<void> => {
    this.requested.push(ms);
    return new Promise((resolve) => {
      this.pending.push(resolve);
      signal.addEventListener('abort', () => resolve());
    });
  };

  get waiting(): number {
    return this.pending.length;
  }

  release(): void {
    const pending = this.pending;
    this.pending = [];
    for (const resolve of pending) resolve();
  }
}

interface Harness {
  readonly subscription: ResubscribingSubscription;
  /** The server side of each subscription opened so far, in order. */
  readonly servers: ServerSide[];
  /** The position each subscription was opened after. */
  readonly openedAfter: bigint[];
  readonly seen: RecordedEvent[];
  readonly caughtUp: bigint[];
  readonly errors: unknown[];
  readonly sleeper: ManualSleep;
  readonly backoffAttempts: number[];
}

function start(options: Partial<CatchUpOptions> & { failOpen?: number } = {}): Harness {
  const servers: ServerSide[] = [];
  const openedAfter: bigint[] = [];
  const seen: RecordedEvent[] = [];
  const caughtUp: bigint[] = [];
  const errors: unknown[] = [];
  const sleeper = new ManualSleep();
  const backoffAttempts: number[] = [];
  let failOpen = options.failOpen ?? 0;
  const subscription = new ResubscribingSubscription(
    {
      after: options.after ?? 0n,
      onEvent: options.onEvent ?? ((event) => void seen.push(event)),
      onCaughtUp: (position) => caughtUp.push(position),
      onError: (error) => errors.push(error),
    },
    {
      streamNames: NAMES,
      open: (after): AllStreamSubscription => {
        openedAfter.push(after);
        if (failOpen > 0) {
          failOpen -= 1;
          throw new Error('connection refused');
        }
        const { subscription: client, server } = controllableSubscription();
        servers.push(server);
        return client;
      },
      backoff: (attempt) => {
        backoffAttempts.push(attempt);
        return attempt * 1000;
      },
      sleep: sleeper.sleep,
    },
  );
  return { subscription, servers, openedAfter, seen, caughtUp, errors, sleeper, backoffAttempts };
}

function positions(events: readonly RecordedEvent[]): bigint[] {
  return events.map((event) => event.position);
}

/**
 * Has the first subscription deliver our events 1 to `count`, then the server break the
 * connection (`drop`) or close the call (`end`); resolves once the subscription has reported
 * it and waits to resubscribe.
 */
async function breakAfterDelivering(
  harness: Harness,
  count: number,
  how: 'drop' | 'end' = 'drop',
): Promise<void> {
  await eventually(() => harness.servers.length === 1, 'first subscription');
  if (count > 0) {
    harness.servers[0].send(...Array.from({ length: count }, (_, index) => wire(index + 1)));
    await eventually(() => harness.seen.length === count, `${count} events delivered`);
  }
  harness.servers[0][how]();
  await eventually(() => harness.sleeper.waiting === 1, 'waiting to resubscribe');
}

describe('catch-up subscription to $all over the client', () => {
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.subscription.stop();
    harness = undefined;
  });

  describe('while connected', () => {
    it('delivers the history in order, mapped to our events', async () => {
      harness = start();
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].confirm();
      harness.servers[0].send(wire(1), wire(2), wire(3));
      await eventually(() => harness!.seen.length === 3);
      expect(positions(harness.seen)).toEqual([100n, 200n, 300n]);
      expect(harness.seen.map((event) => event.version)).toEqual([1, 2, 3]);
      expect(harness.seen[0]).toMatchObject({
        streamId: STREAM,
        type: 'PlanOpened',
        data: { n: 1 },
      });
      expect(harness.openedAfter).toEqual([0n]);
    });

    it('says it has caught up only once the events sent before "caught up" are handled', async () => {
      const release: (() => void)[] = [];
      const handled: bigint[] = [];
      harness = start({
        onEvent: (event) =>
          new Promise<void>((resolve) =>
            release.push(() => {
              handled.push(event.position);
              resolve();
            }),
          ),
      });
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].send(wire(1), wire(2));
      harness.servers[0].caughtUp();
      await eventually(() => release.length === 1, 'first event handed over');
      expect(harness.caughtUp).toEqual([]);
      release[0]();
      await eventually(() => release.length === 2, 'second event handed over');
      expect(harness.caughtUp).toEqual([]);
      release[1]();
      await eventually(() => harness!.caughtUp.length === 1, 'caught up');
      expect(harness.caughtUp).toEqual([200n]);
      expect(handled).toEqual([100n, 200n]);
      expect(harness.subscription.status()).toMatchObject({ state: 'live', position: '200' });
    });

    it('says it has caught up at the starting position when there is nothing new', async () => {
      harness = start({ after: 700n });
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].confirm();
      harness.servers[0].caughtUp();
      await eventually(() => harness!.caughtUp.length === 1);
      expect(harness.caughtUp).toEqual([700n]);
      expect(harness.openedAfter).toEqual([700n]);
    });

    it('says it has caught up again each time live delivery drains, and not while behind', async () => {
      harness = start();
      await eventually(() => harness!.servers.length === 1);
      const server = harness.servers[0];
      server.send(wire(1));
      server.caughtUp();
      await eventually(() => harness!.caughtUp.length === 1);
      server.send(wire(2));
      await eventually(() => harness!.caughtUp.length === 2);
      expect(harness.caughtUp).toEqual([100n, 200n]);
      server.fellBehind();
      server.send(wire(3));
      await eventually(() => harness!.seen.length === 3);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(harness.caughtUp).toEqual([100n, 200n]);
      expect(harness.subscription.status().state).toBe('catching_up');
      server.caughtUp();
      await eventually(() => harness!.caughtUp.length === 3);
      expect(harness.caughtUp).toEqual([100n, 200n, 300n]);
    });

    it('hands over one event at a time, the next only after the handler resolved', async () => {
      let handling = 0;
      let overlapped = false;
      const handled: number[] = [];
      harness = start({
        onEvent: async (event) => {
          handling += 1;
          overlapped ||= handling > 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          handled.push(event.version);
          handling -= 1;
        },
      });
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].send(...[1, 2, 3, 4, 5].map((n) => wire(n)));
      await eventually(() => handled.length === 5);
      expect(overlapped).toBe(false);
      expect(handled).toEqual([1, 2, 3, 4, 5]);
    });

    it('drops what the server filter should have dropped: streams that are not ours', async () => {
      harness = start();
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].send(wire(1), wire(2, '$stats-127.0.0.1:2113'), wire(3));
      harness.servers[0].caughtUp();
      await eventually(() => harness!.caughtUp.length === 1);
      expect(positions(harness.seen)).toEqual([100n, 300n]);
      expect(harness.caughtUp).toEqual([300n]);
    });
  });

  describe('when the subscription drops', () => {
    it('reports the drop, waits, and resubscribes from the last event delivered', async () => {
      harness = start();
      await breakAfterDelivering(harness, 2);
      expect(harness.errors).toHaveLength(1);
      const [dropped] = harness.errors;
      expect(dropped).toBeInstanceOf(SubscriptionDroppedError);
      expect(dropped).toMatchObject({ position: 200n, retryInMs: 1000 });
      expect((dropped as SubscriptionDroppedError).cause).toBeInstanceOf(UnavailableError);
      expect(harness.subscription.status()).toMatchObject({
        state: 'resubscribing',
        resubscriptions: 1,
      });
      expect(harness.servers[0].cancelled).toBe(true);
      expect(harness.servers).toHaveLength(1);

      harness.sleeper.release();
      await eventually(() => harness!.servers.length === 2);
      expect(harness.openedAfter).toEqual([0n, 200n]);
      harness.servers[1].send(wire(3));
      harness.servers[1].caughtUp();
      await eventually(() => harness!.caughtUp.length === 1);
      expect(positions(harness.seen)).toEqual([100n, 200n, 300n]);
      expect(harness.subscription.status()).toMatchObject({
        state: 'live',
        position: '300',
        resubscriptions: 1,
      });
      expect(harness.subscription.status().lastError).toBeUndefined();
    });

    it('delivers the events received before the connection broke, then resubscribes after them', async () => {
      harness = start();
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].send(wire(1), wire(2), wire(3));
      harness.servers[0].drop();
      await eventually(() => harness!.errors.length === 1);
      expect(positions(harness.seen)).toEqual([100n, 200n, 300n]);
      harness.sleeper.release();
      await eventually(() => harness!.openedAfter.length === 2);
      expect(harness.openedAfter[1]).toBe(300n);
    });

    it('never delivers an event twice when the new subscription starts at the checkpoint', async () => {
      harness = start();
      await breakAfterDelivering(harness, 2);
      harness.sleeper.release();
      await eventually(() => harness!.servers.length === 2);
      // A server that starts from the checkpoint inclusively sends event 2 again.
      harness.servers[1].send(wire(2), wire(3));
      harness.servers[1].caughtUp();
      await eventually(() => harness!.caughtUp.length === 1);
      expect(positions(harness.seen)).toEqual([100n, 200n, 300n]);
    });

    it('resubscribes when the server closes the call without an error', async () => {
      harness = start();
      await breakAfterDelivering(harness, 1, 'end');
      expect(harness.errors).toHaveLength(1);
      expect((harness.errors[0] as Error).message).toMatch(
        /dropped after position 100 \(the server ended the subscription\)/,
      );
      harness.sleeper.release();
      await eventually(() => harness!.servers.length === 2);
      expect(harness.openedAfter).toEqual([0n, 100n]);
    });

    it('keeps trying when it cannot even open the subscription, waiting longer each time', async () => {
      harness = start({ failOpen: 3 });
      for (let attempt = 1; attempt <= 3; attempt++) {
        await eventually(() => harness!.sleeper.waiting === 1, `wait ${attempt}`);
        harness.sleeper.release();
      }
      await eventually(() => harness!.servers.length === 1);
      expect(harness.backoffAttempts).toEqual([1, 2, 3]);
      expect(harness.sleeper.requested).toEqual([1000, 2000, 3000]);
      expect(harness.errors).toHaveLength(3);
      expect((harness.errors[0] as Error).message).toMatch(/connection refused/);
      harness.servers[0].send(wire(1));
      await eventually(() => harness!.seen.length === 1);
    });

    it('starts the backoff over once a subscription made progress', async () => {
      harness = start();
      await breakAfterDelivering(harness, 0);
      harness.sleeper.release();
      await eventually(() => harness!.servers.length === 2);
      harness.servers[1].drop();
      await eventually(() => harness!.sleeper.waiting === 1);
      harness.sleeper.release();
      await eventually(() => harness!.servers.length === 3);
      harness.servers[2].send(wire(1));
      await eventually(() => harness!.seen.length === 1);
      harness.servers[2].drop();
      await eventually(() => harness!.sleeper.waiting === 1);
      expect(harness.backoffAttempts).toEqual([1, 2, 1]);
    });
  });

  describe('when the handler fails', () => {
    it('reports the handler error itself and delivers the same event again, skipping none', async () => {
      const attempts: number[] = [];
      const failure = new Error('read model unavailable');
      harness = start({
        onEvent: (event) => {
          attempts.push(event.version);
          if (event.version === 2 && attempts.filter((version) => version === 2).length === 1)
            throw failure;
        },
      });
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].send(wire(1), wire(2), wire(3));
      await eventually(() => harness!.errors.length === 1);
      expect(harness.errors).toEqual([failure]);
      expect(harness.servers[0].cancelled).toBe(true);
      harness.sleeper.release();
      await eventually(() => harness!.servers.length === 2);
      expect(harness.openedAfter).toEqual([0n, 100n]);
      harness.servers[1].send(wire(2), wire(3));
      await eventually(() => attempts.length === 4);
      expect(attempts).toEqual([1, 2, 2, 3]);
      expect(harness.subscription.status().position).toBe('300');
    });

    it('does not stop because an observer throws', async () => {
      const seen: bigint[] = [];
      const subscriptionServers: ServerSide[] = [];
      const subscription = new ResubscribingSubscription(
        {
          after: 0n,
          onEvent: (event) => void seen.push(event.position),
          onCaughtUp: () => {
            throw new Error('observer bug');
          },
        },
        {
          streamNames: NAMES,
          open: () => {
            const { subscription: client, server } = controllableSubscription();
            subscriptionServers.push(server);
            return client;
          },
          sleep: () => Promise.resolve(),
        },
      );
      try {
        await eventually(() => subscriptionServers.length === 1);
        subscriptionServers[0].send(wire(1));
        subscriptionServers[0].caughtUp();
        subscriptionServers[0].send(wire(2));
        await eventually(() => seen.length === 2);
        expect(subscriptionServers).toHaveLength(1);
      } finally {
        await subscription.stop();
      }
    });
  });

  describe('when stopped', () => {
    it('unsubscribes and delivers nothing more', async () => {
      harness = start();
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].send(wire(1));
      await eventually(() => harness!.seen.length === 1);
      await harness.subscription.stop();
      expect(harness.servers[0].cancelled).toBe(true);
      expect(harness.subscription.status().state).toBe('stopped');
      harness.servers[0].send(wire(2));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(positions(harness.seen)).toEqual([100n]);
      expect(harness.errors).toEqual([]);
    });

    it('stops waiting in the backoff at once and does not subscribe again', async () => {
      harness = start();
      await breakAfterDelivering(harness, 0);
      await harness.subscription.stop();
      expect(harness.openedAfter).toEqual([0n]);
      expect(harness.subscription.status().state).toBe('stopped');
    });

    it('lets the event being handled finish, then stops', async () => {
      let finish: (() => void) | undefined;
      const handled: bigint[] = [];
      harness = start({
        onEvent: (event) =>
          new Promise<void>((resolve) => {
            finish = () => {
              handled.push(event.position);
              resolve();
            };
          }),
      });
      await eventually(() => harness!.servers.length === 1);
      harness.servers[0].send(wire(1), wire(2));
      await eventually(() => finish !== undefined, 'first event handed over');
      const stopped = harness.subscription.stop();
      finish!();
      await stopped;
      expect(handled).toEqual([100n]);
      expect(harness.subscription.status().position).toBe('100');
    });
  });
});

describe('exponential backoff', () => {
  it('doubles from the base up to the ceiling, between half and all of it', () => {
    const lowest = exponentialBackoff(250, 30_000, () => 0);
    const highest = exponentialBackoff(250, 30_000, () => 1);
    expect([1, 2, 3, 4].map(lowest)).toEqual([125, 250, 500, 1000]);
    expect([1, 2, 3, 4].map(highest)).toEqual([250, 500, 1000, 2000]);
    expect(highest(20)).toBe(30_000);
    expect(lowest(1000)).toBe(15_000);
  });
});
