import { createHash } from 'node:crypto';
import { canonicalJson } from '../event-store/hash-chain';
import {
  WrongExpectedVersionError,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../event-store/event-store.port';
import type { DomainEventShape, EventSerde } from '../event-store/serde/event-serde';
import type { Actor } from '../shared/actor';
import type { BusinessDate } from '../shared/business-date';
import { replay, type Decider } from '../shared/decider';
import {
  CommandIdReusedError,
  ConcurrentChangeError,
  StaleVersionError,
} from './application-errors';
import { eventIdFor } from './command-ids';

/** Everything the command loop needs to know about one kind of aggregate. */
export interface AggregateSpec<C, E extends DomainEventShape, S, Ctx> {
  readonly decider: Decider<C, E, S, Ctx>;
  readonly serde: EventSerde<E>;
  /** The business date an event happened on (its own date, or today). */
  readonly occurredOn: (event: E, today: BusinessDate) => BusinessDate;
}

export interface CommandRequest<C> {
  readonly streamId: string;
  readonly command: C;
  readonly commandId: string;
  readonly actor: Actor;
  readonly today: BusinessDate;
  /** The stream version the caller decided on; another one is a StaleVersionError. */
  readonly expectedVersion?: number;
  readonly correlationId?: string;
}

export interface CommandOutcome<S> {
  readonly state: S;
  readonly version: number;
  /** Global position of the last event this command appended. */
  readonly position: bigint;
  /** True when the command had been handled before (same command id): nothing new was appended. */
  readonly repeated: boolean;
}

export interface HandleOptions<S, Ctx> {
  /** Builds the decision context from the loaded state (reference data, rules, looked-up facts). */
  readonly context: (state: S, version: number) => Ctx | Promise<Ctx>;
  /** Access checks that depend on the loaded state (district scope); throws to refuse. */
  readonly authorize?: (state: S, version: number) => void;
  readonly maxAttempts?: number;
}

/**
 * The whole command loop: load the stream, decide, append at the version decided on.
 * A concurrent change makes the append fail; without an expected version the command is decided again
 * against the fresh state (so a second approval meets an approved project and is refused),
 * with one the caller is told its version is stale.
 */
export async function handleCommand<C, E extends DomainEventShape, S, Ctx>(
  store: EventStore,
  spec: AggregateSpec<C, E, S, Ctx>,
  request: CommandRequest<C>,
  options: HandleOptions<S, Ctx>,
): Promise<CommandOutcome<S>> {
  const maxAttempts = options.maxAttempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(request.streamId);
    const earlier = outcomeOfEarlierRun(spec, recorded, request);
    if (earlier) return earlier;

    const version = recorded.length;
    const state = replay(
      spec.decider,
      recorded.map((e) => spec.serde.deserialize(e)),
    );
    options.authorize?.(state, version);
    if (request.expectedVersion !== undefined && request.expectedVersion !== version) {
      throw new StaleVersionError(request.expectedVersion, version);
    }

    const context = await options.context(state, version);
    const events = spec.decider.decide(request.command, state, context);
    // Nothing to record (an idempotent command whose work is already in the stream): the
    // stream stays as it is, and the caller learns where it stands.
    if (events.length === 0) {
      return {
        state,
        version,
        position: version > 0 ? recorded[version - 1].position : 0n,
        repeated: false,
      };
    }
    // Folded before anything is stored: an event the state cannot take is refused, not recorded.
    const next = events.reduce(spec.decider.evolve, state);
    // Hashed once per decision (after decide, which refuses malformed input first).
    const commandHash = commandHashOf(request.command);
    const toAppend = events.map((event, index) =>
      toStored(spec, request, commandHash, event, index),
    );
    try {
      const result = await store.append(request.streamId, toAppend, version);
      return {
        state: next,
        version: result.version,
        position: result.position,
        repeated: result.alreadyAppended,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (request.expectedVersion !== undefined)
        throw new StaleVersionError(request.expectedVersion, error.actual);
      if (attempt >= maxAttempts) throw new ConcurrentChangeError();
      // A short random pause, growing with each attempt, so callers that collided do not
      // collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
    }
  }
}

function toStored<C, E extends DomainEventShape, S, Ctx>(
  spec: AggregateSpec<C, E, S, Ctx>,
  request: CommandRequest<C>,
  commandHash: string,
  event: E,
  index: number,
): EventToAppend {
  return {
    eventId: eventIdFor(request.commandId, request.streamId, index),
    type: event.type,
    data: event.data,
    metadata: {
      commandId: request.commandId,
      actor: { sub: request.actor.sub, name: request.actor.name, role: request.actor.role },
      occurredOn: spec.occurredOn(event, request.today),
      schemaVersion: spec.serde.schemaVersionOf(event.type),
      commandHash,
      ...(request.correlationId ? { correlationId: request.correlationId } : {}),
    },
  };
}

export function commandHashOf(command: unknown): string {
  return createHash('sha256').update(canonicalJson(command), 'utf8').digest('hex');
}

/**
 * A command already in the stream (a retry): its outcome as it was right after it ran. The
 * same command id with another command is refused (CommandIdReusedError).
 */
function outcomeOfEarlierRun<C, E extends DomainEventShape, S, Ctx>(
  spec: AggregateSpec<C, E, S, Ctx>,
  recorded: readonly RecordedEvent[],
  request: CommandRequest<C>,
): CommandOutcome<S> | undefined {
  let last = -1;
  for (let i = recorded.length - 1; i >= 0; i--) {
    if (recorded[i].metadata.commandId === request.commandId) {
      last = i;
      break;
    }
  }
  if (last < 0) return undefined;
  const { commandHash } = recorded[last].metadata;
  if (commandHash !== undefined && commandHash !== commandHashOf(request.command)) {
    throw new CommandIdReusedError();
  }
  const upTo = recorded.slice(0, last + 1);
  return {
    state: replay(
      spec.decider,
      upTo.map((e) => spec.serde.deserialize(e)),
    ),
    version: last + 1,
    position: recorded[last].position,
    repeated: true,
  };
}
