import Database from 'better-sqlite3';
import type { CatchUpOptions, EventStore, Subscription } from '../event-store/event-store.port';
import { ProjectionRunner } from './projection-runner';
import type { Projection } from './projection';

/**
 * The runner's health as its subscription reports trouble and recovery. The subscription is
 * driven by hand (what a dropped EventStoreDB connection would report); the database is real.
 */
function storeWithHandDrivenSubscription(): { store: EventStore; options: () => CatchUpOptions } {
  let given: CatchUpOptions | undefined;
  const subscription: Subscription = { stop: async () => undefined };
  const store = {
    kind: 'hand-driven',
    subscribeToAll: (options: CatchUpOptions) => {
      given = options;
      return subscription;
    },
  } as unknown as EventStore;
  return {
    store,
    options: () => {
      if (!given) throw new Error('not subscribed');
      return given;
    },
  };
}

const nothing: Projection = {
  name: 'nothing',
  version: 1,
  setup: () => undefined,
  reset: () => undefined,
  apply: () => undefined,
};

describe('the projection runner', () => {
  it('says it is failing while the subscription is down, and live again once it has caught up', () => {
    const db = new Database(':memory:');
    const { store, options } = storeWithHandDrivenSubscription();
    const runner = new ProjectionRunner(store, db, [nothing]);
    runner.start();
    expect(runner.status().state).toBe('catching_up');
    options().onCaughtUp?.(0n);
    expect(runner.status().state).toBe('live');

    options().onError?.(new Error('connection dropped'));
    expect(runner.status()).toMatchObject({ state: 'failing', lastError: 'connection dropped' });

    options().onCaughtUp?.(0n);
    expect(runner.status().state).toBe('live');
    expect(runner.status().lastError).toBeUndefined();
    db.close();
  });
});
