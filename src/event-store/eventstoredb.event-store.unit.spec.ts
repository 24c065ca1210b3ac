import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { UnavailableError } from '@eventstore/db-client';
import { EventStoreUnavailableError, type EventToAppend } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb.event-store';
import { SubscriptionDroppedError } from './eventstoredb.subscription';
import { OUR_STREAM_PREFIXES } from '../platform/our-streams';

/**
 * The adapter with the real client, against an address where no EventStoreDB answers (a port
 * that was just free). What needs a server (appends, reads, subscriptions that deliver) is
 * the contract suite's job: test/contract/eventstoredb.contract.spec.ts.
 */

async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function anEvent(): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'PlanOpened',
    data: { year: 2026 },
    metadata: {
      commandId: randomUUID(),
      actor: { sub: 'a1', name: 'Approver', role: 'approver' },
      occurredOn: '2026-01-05',
      schemaVersion: 1,
    },
  };
}

async function eventually(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} not met in time`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('EventStoreDB event store when no server answers', () => {
  let store: EventStoreDbEventStore;

  beforeEach(async () => {
    store = EventStoreDbEventStore.fromConnectionString(
      `esdb://127.0.0.1:${await freePort()}?tls=false`,
      { streamPrefixes: OUR_STREAM_PREFIXES, subscription: { backoff: () => 10 } },
    );
  });

  afterEach(async () => {
    await store.close();
  });

  it('fails ping as unavailable, so /health says the event store is down', async () => {
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('fails an append as unavailable (503), not as a conflict or a crash', async () => {
    const failure = store.append('annual-plan-2026', [anEvent()], 0);
    await expect(failure).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(failure).rejects.toThrow(/EventStoreDB cannot be used now: .*UNAVAILABLE/);
  });

  it('fails reads as unavailable', async () => {
    await expect(store.readStream('annual-plan-2026')).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(store.readAll({ after: 0n, limit: 10 })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('keeps its subscription alive: each failed attempt is reported and tried again', async () => {
    const errors: unknown[] = [];
    const subscription = store.subscribeToAll({
      after: 0n,
      onEvent: () => undefined,
      onError: (error) => errors.push(error),
    });
    await eventually(() => errors.length >= 3, 'three attempts');
    expect(errors[0]).toBeInstanceOf(SubscriptionDroppedError);
    expect((errors[0] as SubscriptionDroppedError).cause).toBeInstanceOf(UnavailableError);
    const [status] = store.subscriptionStatus();
    expect(status.resubscriptions).toBeGreaterThanOrEqual(3);
    expect(status.lastError).toMatch(/dropped after position 0/);
    await subscription.stop();
    expect(store.subscriptionStatus()).toEqual([]);
  });

  it('refuses, before any network call, what it could never read back or the server would refuse', async () => {
    await expect(store.append('reminder-1', [anEvent()], 0)).rejects.toThrow(/not under/);
    await expect(
      store.append('annual-plan-2026', [{ ...anEvent(), eventId: 'not-a-uuid' }], 0),
    ).rejects.toThrow(/not a UUID/);
    await expect(store.append('annual-plan-2026', [], 0)).rejects.toThrow(/Nothing to append/);
    await expect(store.append('annual-plan-2026', [anEvent()], -1)).rejects.toThrow(TypeError);
  });

  it('refuses an import of streams it would not read back, before writing anything', async () => {
    const [event] = [anEvent()];
    await expect(
      store.importEvents([
        {
          ...event,
          streamId: 'reminder-1',
          version: 1,
          position: 1n,
          metadata: {
            ...event.metadata,
            recordedAt: '2026-01-05T00:00:00Z',
            prevHash: '0',
            hash: '1',
          },
        },
      ]),
    ).rejects.toThrow(/Cannot import stream reminder-1/);
  });

  it('is unavailable once closed, and stops its subscriptions on close', async () => {
    const errors: unknown[] = [];
    store.subscribeToAll({ after: 0n, onEvent: () => undefined, onError: (e) => errors.push(e) });
    await store.close();
    expect(store.subscriptionStatus()).toEqual([]);
    await expect(store.ping()).rejects.toThrow(/closed/);
    await expect(store.append('annual-plan-2026', [anEvent()], 0)).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    expect(() => store.subscribeToAll({ after: 0n, onEvent: () => undefined })).toThrow(
      EventStoreUnavailableError,
    );
  });
});
