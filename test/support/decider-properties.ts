import { verifyChain } from '../../src/event-store/hash-chain';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import type { DomainEventShape } from '../../src/event-store/serde/event-serde';
import { handleCommand, type AggregateSpec } from '../../src/kernel/command-loop';
import type { Actor } from '../../src/shared/actor';
import type { BusinessDate } from '../../src/shared/business-date';
import { replay, type Decider } from '../../src/shared/decider';
import { DomainError } from '../../src/shared/domain-error';

/**
 * Support for property specifications of a decider: random command sequences decided on
 * frozen inputs, and the same sequences through the real command loop on a SQLite store.
 */

/** `value` and everything in it frozen, so a decide that mutates its inputs throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * What `decider` decides for `command` on frozen inputs; undefined when it refuses with a
 * DomainError. Any other error fails the property, naming the command.
 */
export function decideFrozen<C extends { readonly type: string }, E, S, Ctx>(
  decider: Decider<C, E, S, Ctx>,
  command: C,
  state: S,
  context: Ctx,
): readonly E[] | undefined {
  try {
    return decider.decide(deepFreeze(command), deepFreeze(state), deepFreeze(context));
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw new Error(`${command.type} threw ${String(error)} instead of a DomainError`);
  }
}

/** One command of a sequence through the command loop, with who runs it, when, in what context. */
export interface LoopCommand<C, Ctx> {
  readonly command: C;
  readonly actor: Actor;
  readonly today: BusinessDate;
  readonly context: Ctx;
}

/**
 * Runs `commands` one after another on `streamId` of a fresh in-memory SQLite store through
 * the real command loop. After each: an accepted command's outcome has the version the stream
 * now has, a refused one (a DomainError) appended nothing. At the end the stream's versions
 * run 1…n and its hash chain holds. Returns the state a replay of the stored events gives, for
 * the spec to compare with the pure fold of the same commands.
 */
export async function stateThroughCommandLoop<C, E extends DomainEventShape, S, Ctx>(
  aggregate: AggregateSpec<C, E, S, Ctx>,
  streamId: string,
  commands: readonly LoopCommand<C, Ctx>[],
): Promise<S> {
  const store = new SqliteEventStore(':memory:');
  try {
    let version = 0;
    for (const [index, { command, actor, today, context }] of commands.entries()) {
      const head = await store.headPosition();
      try {
        const outcome = await handleCommand(
          store,
          aggregate,
          { streamId, command, commandId: `c-${index}`, actor, today },
          { context: () => context },
        );
        version = (await store.readStream(streamId)).length;
        expect(outcome.version).toBe(version);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        expect(await store.headPosition()).toBe(head);
      }
      expect(await store.readStream(streamId)).toHaveLength(version);
    }
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => e.version)).toEqual(stored.map((_, i) => i + 1));
    expect(verifyChain(stored).valid).toBe(true);
    return replay(
      aggregate.decider,
      stored.map((e) => aggregate.serde.deserialize(e)),
    );
  } finally {
    await store.close();
  }
}

/** One command of a random sequence and the context it is decided in. */
export interface DecidedCommand<C, Ctx> {
  readonly command: C;
  readonly context: Ctx;
}

/**
 * Decides `commands` one after another from the decider's initial state, each on frozen
 * inputs (see decideFrozen): a refusal changes nothing, an accepted command's events are
 * folded and `check(before, after, events, command)` must not throw. Returns the final state,
 * every event accepted, and the state after each accepted command.
 */
export function decideAll<
  C extends { readonly type: string },
  E,
  S,
  Ctx,
  Step extends DecidedCommand<C, Ctx>,
>(
  decider: Decider<C, E, S, Ctx>,
  commands: Iterable<Step>,
  check: (before: S, after: S, events: readonly E[], step: Step) => void,
): { state: S; events: E[]; visited: S[] } {
  let state = decider.initialState();
  const events: E[] = [];
  const visited: S[] = [];
  for (const step of commands) {
    const decided = decideFrozen(decider, step.command, state, step.context);
    if (!decided) continue;
    const after = decided.reduce(decider.evolve, state);
    check(state, after, decided, step);
    events.push(...decided);
    visited.push(after);
    state = after;
  }
  return { state, events, visited };
}
