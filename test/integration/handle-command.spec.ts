import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CommandIdReusedError,
  ConcurrentChangeError,
  StaleVersionError,
} from '../../src/kernel/application-errors';
import { handleCommand, type AggregateSpec } from '../../src/kernel/command-loop';
import { createSerde } from '../../src/event-store/serde/event-serde';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { invalidState } from '../../src/shared/domain-error';
import type { Actor } from '../../src/shared/actor';

/** A tally that can be opened once and counted up, and closed: enough to exercise the loop. */
type Command =
  | { type: 'Open'; data: Record<string, never> }
  | { type: 'Add'; data: { n: number } }
  | { type: 'Close'; data: Record<string, never> };
type Event =
  | { type: 'Opened'; data: Record<string, never> }
  | { type: 'Added'; data: { n: number } }
  | { type: 'Closed'; data: Record<string, never> };
type State =
  { status: 'none' } | { status: 'open'; total: number } | { status: 'closed'; total: number };

const tally: AggregateSpec<Command, Event, State, { decisions: number[] }> = {
  decider: {
    initialState: () => ({ status: 'none' }),
    evolve: (state, event) => {
      if (event.type === 'Opened') return { status: 'open', total: 0 };
      if (state.status === 'none') return state;
      if (event.type === 'Added') return { status: 'open', total: state.total + event.data.n };
      return { status: 'closed', total: state.total };
    },
    decide: (command, state, context) => {
      context.decisions.push(state.status === 'none' ? -1 : state.total);
      if (command.type === 'Open')
        return state.status === 'none' ? [{ type: 'Opened', data: {} }] : [];
      if (state.status !== 'open') throw invalidState('closed', 'The tally is not open');
      if (command.type === 'Add') return [{ type: 'Added', data: { n: command.data.n } }];
      return [{ type: 'Closed', data: {} }];
    },
  },
  serde: createSerde<Event>({
    Opened: { current: 1 },
    Added: { current: 1 },
    Closed: { current: 1 },
  }),
  occurredOn: (_event, today) => today,
};

const actor: Actor = { sub: 'u1', name: 'Người dùng', role: 'center_officer' };

describe('the command loop', () => {
  let dir: string;
  let store: SqliteEventStore;
  let decisions: number[];
  let ids = 0;
  const run = (command: Command, extra: { commandId?: string; expectedVersion?: number } = {}) =>
    handleCommand(
      store,
      tally,
      {
        streamId: 'tally-1',
        command,
        commandId: extra.commandId ?? `c-${++ids}`,
        actor,
        today: '2024-06-15',
        ...(extra.expectedVersion === undefined ? {} : { expectedVersion: extra.expectedVersion }),
      },
      { context: () => ({ decisions }) },
    );

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kc-loop-'));
    store = new SqliteEventStore(join(dir, 'kc.sqlite'));
    decisions = [];
    await run({ type: 'Open', data: {} });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides again against the fresh state when another command got in first, so none is lost', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => run({ type: 'Add', data: { n: i + 1 } })),
    );
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    const events = await store.readStream('tally-1');
    expect(events.filter((e) => e.type === 'Added')).toHaveLength(10);
    expect(results.find((r) => r.version === 11)?.state).toEqual({ status: 'open', total: 55 });
  });

  it('gives up with a concurrent change when another writer wins every attempt, appending nothing of its own', async () => {
    let rivals = 0;
    const losing = handleCommand(
      store,
      tally,
      {
        streamId: 'tally-1',
        command: { type: 'Add', data: { n: 100 } },
        commandId: 'loser',
        actor,
        today: '2024-06-15',
      },
      {
        maxAttempts: 3,
        // Between this command's read and its append, a rival's command is recorded.
        context: async () => {
          await run({ type: 'Add', data: { n: 1 } });
          rivals++;
          return { decisions };
        },
      },
    );
    await expect(losing).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(rivals).toBe(3);
    const events = await store.readStream('tally-1');
    expect(events.filter((e) => e.metadata.commandId === 'loser')).toHaveLength(0);
    expect(events).toHaveLength(1 + rivals);
  });

  it('refuses with the stale version when If-Match names another version, appending nothing', async () => {
    await run({ type: 'Add', data: { n: 1 } });
    await expect(run({ type: 'Add', data: { n: 2 } }, { expectedVersion: 1 })).rejects.toEqual(
      new StaleVersionError(1, 2),
    );
    expect(await store.readStream('tally-1')).toHaveLength(2);
    expect((await run({ type: 'Add', data: { n: 2 } }, { expectedVersion: 2 })).version).toBe(3);
  });

  it('answers a repeated command with its first outcome and appends nothing', async () => {
    const first = await run({ type: 'Add', data: { n: 5 } }, { commandId: 'same' });
    await run({ type: 'Add', data: { n: 7 } });
    const again = await run({ type: 'Add', data: { n: 5 } }, { commandId: 'same' });
    expect(again).toEqual({ ...first, repeated: true });
    expect(await store.readStream('tally-1')).toHaveLength(3);
  });

  it('refuses the same command id with a different command (an Idempotency-Key reused)', async () => {
    await run({ type: 'Add', data: { n: 5 } }, { commandId: 'same' });
    const reused = run({ type: 'Add', data: { n: 6 } }, { commandId: 'same' });
    await expect(reused).rejects.toBeInstanceOf(CommandIdReusedError);
    await expect(reused).rejects.toMatchObject({
      code: 'idempotency_key_reused',
      kind: 'rule_broken',
    });
    expect(await store.readStream('tally-1')).toHaveLength(2);
  });

  it('appends nothing when the decision has no events, and says where the stream stands', async () => {
    const outcome = await run({ type: 'Open', data: {} });
    expect(outcome).toMatchObject({ version: 1, repeated: false });
    expect(await store.readStream('tally-1')).toHaveLength(1);
  });

  it('lets a refusal through untouched, with nothing appended', async () => {
    await run({ type: 'Close', data: {} });
    await expect(run({ type: 'Add', data: { n: 1 } })).rejects.toMatchObject({
      code: 'closed',
      kind: 'invalid_state',
    });
    expect(await store.readStream('tally-1')).toHaveLength(2);
  });
});
