import { replay, type Decider } from '../../src/shared/decider';
import { DomainError, type DomainErrorKind } from '../../src/shared/domain-error';

/**
 * Given/When/Then for any decider:
 *
 *   const spec = deciderSpecification(projectDecider);
 *   spec.given([registered]).when(startAppraisal, context).then([appraisalStarted]);
 *   spec.given([]).when(startAppraisal, context).thenThrows('project_not_found', { kind: 'not_found' });
 *
 * `given` events are facts: they are folded with `evolve`, never re-decided.
 */

/** What a refusal must also match besides its code; omitted keys are not checked. */
export interface RefusalExpectation {
  readonly kind?: DomainErrorKind;
  readonly field?: string;
}

export interface DecisionOutcome<Event, State> {
  /**
   * The command decides exactly these events (order matters). The events are then folded
   * into the given state, so a decide that emits what evolve cannot apply fails here too.
   * Returns the resulting state for further checks.
   */
  then(expected: readonly Event[]): State;
  /** The command is refused with a DomainError of this code (and kind and field, when given). */
  thenThrows(code: string, expectation?: RefusalExpectation): DomainError;
}

export interface DeciderSpecification<Command, Event, State, Context> {
  given(events: readonly Event[]): { when(command: Command, context: Context): DecisionOutcome<Event, State> };
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
          then(expected) {
            const events = decide();
            expect(events).toEqual(expected);
            return events.reduce(decider.evolve, state);
          },
          thenThrows(code, expectation = {}) {
            let events: readonly Event[];
            try {
              events = decide();
            } catch (error) {
              if (!(error instanceof DomainError)) {
                throw new Error(`Expected a DomainError ${code}, but decide threw ${String(error)}`, { cause: error });
              }
              expect(describeRefusal(error, expectation)).toEqual({ code, ...expectation });
              return error;
            }
            throw new Error(`Expected a DomainError ${code}, but decide returned ${JSON.stringify(events)}`);
          },
        };
      },
    }),
  };
}

/** The error's code plus just the properties the expectation asks about, for a readable diff. */
function describeRefusal(error: DomainError, expectation: RefusalExpectation): Record<string, unknown> {
  const actual: Record<string, unknown> = { code: error.code };
  if ('kind' in expectation) actual.kind = error.kind;
  if ('field' in expectation) actual.field = error.field;
  return actual;
}
