import type { BusinessDate } from '../shared/business-date';
import type { DomainEventShape } from '../event-store/serde/event-serde';
import type { AggregateSpec } from './command-loop';
import type { CommandMeta } from './command-meta';

/**
 * One kind of aggregate, as pure data: its decider, serde, the business date of its events
 * and how its streams are named. Each feature defines its own next to its serde
 * (project.aggregate.ts, plan.aggregate.ts, programme.aggregate.ts).
 */
export interface AggregateType<
  C,
  E extends DomainEventShape,
  S extends AggregateState,
  Ctx,
> extends AggregateSpec<C, E, S, Ctx> {
  /** For messages and logs: 'project', 'plan', 'programme'. */
  readonly name: string;
  /** Every stream of this kind is named `streamPrefix + key` (key: project id, year, code). */
  readonly streamPrefix: string;
}

/** Every aggregate's state says where in its lifecycle it is: the `status` of the response. */
export interface AggregateState {
  readonly status: string;
}

export function streamIdOf(type: { readonly streamPrefix: string }, key: string): string {
  return type.streamPrefix + key;
}

/** One command on its way through the kernel: which subject, who, and today's date. */
export interface CommandRun<C> {
  readonly key: string;
  readonly command: C;
  readonly meta: CommandMeta;
  readonly today: BusinessDate;
}

/** A command made ready to decide, and what to do once it is recorded or refused. */
export interface PreparedCommand<C, S> {
  readonly command: C;
  /** After the events are stored (or the command was found already handled). */
  readonly recorded?: (state: S) => void;
  /** After the command was refused: undo whatever `prepare` did outside the log. */
  readonly refused?: () => void;
}

/**
 * How the application runs the commands of one aggregate type: an injectable each feature
 * provides (ProjectAggregate, PlanAggregate, ProgrammeAggregate), handed to CommandKernel.run.
 * The hooks are where a feature reaches outside its own stream, through ports.
 */
export interface Aggregate<C, E extends DomainEventShape, S extends AggregateState, Ctx> {
  readonly type: AggregateType<C, E, S, Ctx>;
  /**
   * Once per command, before its stream is read: checks of the caller that need no state, rules
   * across aggregates whose answer is final for this command, sealing what must not be logged.
   */
  prepare?(run: CommandRun<C>): PreparedCommand<C, S> | Promise<PreparedCommand<C, S>>;
  /** Access checks that need the stored state (a district's own projects); throws to refuse. */
  authorize?(state: S, run: CommandRun<C>): void;
  /** The decision context: the actor, today, reference data, rules, facts looked up elsewhere. */
  context(state: S, run: CommandRun<C>): Ctx | Promise<Ctx>;
}
