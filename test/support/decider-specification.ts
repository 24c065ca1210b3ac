import { replay, type Decider } from '../../src/shared/decider';
import { DomainError, type DomainErrorKind } from '../../src/shared/domain-error';

/**
 * Given/When/Then for any decider:
 *
 *   const spec = deciderSpecification(projectDecider);
 *   spec.given([registered]).when(startAppraisal, context).then([appraisalStarted]);
 *   spec.given([]).when(startAppraisal, context).thenThrows('project_not_found', { kind: 'not_found' });
 *
 * `given` events are facts: they are folded with `evolve`, never re-decided. Both outcomes
 * return nothing, so `it('…', () => spec.given(…).when(…).then(…))` is a valid Jest test.
 */

/** What a refusal must also match besides its code; omitted keys are not checked. */
export interface RefusalExpectation {
  readonly kind?: DomainErrorKind;
  readonly field?: string;
  /** The whole message, or a pattern it must match. */
  readonly message?: string | RegExp;
}

export interface DecisionOutcome<Event, State> {
  /**
   * The command decides exactly these events (order matters). The events are then folded
   * into the given state, so a decide that emits what evolve cannot apply fails here too;
   * `andState` receives the resulting state for further checks.
   */
  then(expected: readonly Event[], andState?: (state: State) => void): void;
  /** The command is refused with a DomainError of this code (and kind, field, message when given). */
  thenThrows(code: string, expectation?: RefusalExpectation): void;
}

export interface DeciderSpecification<Command, Event, State, Context> {
  given(events: readonly Event[]): {
    when(command: Command, context: Context): DecisionOutcome<Event, State>;
  };
}

export function deciderSpecification<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
): DeciderSpecification<Command, Event, State, Context> {
  return {
    given: (history) => ({
      when: (command, context) => {
        const state = replay(decider, history);
        const decide = () => decider.decide(command, state, context);
        return {
          then(expected, andState) {
            const events = decide();
            expect(events).toEqual(expected);
            const after = events.reduce(decider.evolve, state);
            andState?.(after);
          },
          thenThrows(code, expectation = {}) {
            let events: readonly Event[];
            try {
              events = decide();
            } catch (error) {
              if (!(error instanceof DomainError)) {
                throw new Error(
                  `Expected a DomainError ${code}, but decide threw ${String(error)}`,
                  { cause: error },
                );
              }
              const { message, ...rest } = expectation;
              expect(describeRefusal(error, rest)).toEqual({ code, ...rest });
              if (typeof message === 'string') expect(error.message).toBe(message);
              if (message instanceof RegExp) expect(error.message).toMatch(message);
              return;
            }
            throw new Error(
              `Expected a DomainError ${code}, but decide returned ${JSON.stringify(events)}`,
            );
          },
        };
      },
    }),
  };
}

/** The error's code plus just the properties the expectation asks about, for a readable diff. */
function describeRefusal(
  error: DomainError,
  expectation: Omit<RefusalExpectation, 'message'>,
): Record<string, unknown> {
  const actual: Record<string, unknown> = { code: error.code };
  if ('kind' in expectation) actual.kind = error.kind;
  if ('field' in expectation) actual.field = error.field;
  return actual;
}
