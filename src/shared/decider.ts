/**
 * A decider is the whole behaviour of one aggregate as three pure functions.
 * `decide` answers a command with the events it causes, or throws a DomainError;
 * `evolve` folds one event into the state. Nothing here reads a clock or does I/O:
 * the actor, today's business date and the rules in force come in the context.
 */
export interface Decider<Command, Event, State, Context> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State, context: Context) => readonly Event[];
}

/** Folds events into a state, from the decider's initial state. */
export function replay<State, Event>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Ends an exhaustive switch: a new case that is not handled fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

/**
 * The default branch of an `evolve`: an event of a type this code does not know leaves the
 * state as it is, so no read model stalls on a recorded event. `event` is `never` there, so
 * the compiler still checks that the switch covers every type; the serde refuses unknown
 * types before a fold sees them.
 */
export function unknownEventLeaves<S>(_event: never, state: S): S {
  return state;
}
