import type { ProjectCommand } from '../../../src/projects/domain/project.commands';
import type { ProjectContext } from '../../../src/projects/domain/project.context';
import { projectDecider } from '../../../src/projects/domain/project.decider';
import type { ProjectEvent } from '../../../src/projects/domain/project.events';
import type { ProjectState } from '../../../src/projects/domain/project.state';
import { projectView, type ProjectView } from '../../../src/projects/domain/project.view';
import { deciderSpecification, type RefusalExpectation } from '../decider-specification';
import {
  admin,
  approver,
  centerOfficer,
  contextFor,
  districtOfficer,
  financeOfficer,
  historyOf,
  reminderWorker,
} from './project-fixtures';

/**
 * Everything a project decider specification needs, from one module: the fixtures (commands,
 * events, histories, actors, dates), Given/When/Then, and each fixture actor's context.
 */
export * from './project-fixtures';

/** Given/When/Then on the project decider, and each fixture actor's context on the fixed day. */
export const spec = deciderSpecification(projectDecider);
export const asDistrict = contextFor(districtOfficer);
export const asCenter = contextFor(centerOfficer);
export const asApprover = contextFor(approver);
export const asFinance = contextFor(financeOfficer);

/** Each fixture actor's context by a short name, so a spec can say who acts without importing it. */
const CONTEXTS = {
  district: asDistrict,
  center: asCenter,
  approver: asApprover,
  finance: asFinance,
  admin: contextFor(admin),
  reminders: contextFor(reminderWorker),
} as const;

/** Who acts: one of the fixture actors by name, or any context. */
export type Acting = keyof typeof CONTEXTS | ProjectContext;

/** The context of whoever acts. */
export const contextOf = (who: Acting): ProjectContext =>
  typeof who === 'string' ? CONTEXTS[who] : who;

/** A status of the default project, reached by the usual road that `historyOf` holds. */
export type Status = keyof typeof historyOf;

/** The usual road to a status, then these events. */
export type FromStatus = readonly [Status, ...ProjectEvent[]];

/** A history: the events themselves, the usual road to a status, or that road and then more. */
export type History = readonly ProjectEvent[] | Status | FromStatus;

function eventsOf(history: History): readonly ProjectEvent[] {
  if (typeof history === 'string') return historyOf[history];
  const [first, ...rest] = history;
  return typeof first === 'string'
    ? [...historyOf[first], ...(rest as ProjectEvent[])]
    : (history as readonly ProjectEvent[]);
}

/** A broken rule: kind `rule`, and the field it names when one is given (else not checked). */
export function ruleOn(field?: string): RefusalExpectation {
  return field === undefined ? { kind: 'rule' } : { kind: 'rule', field };
}

/** What a decision leads to: a check of the state, or the fields the project view must show. */
export type After = ((state: ProjectState) => void) | Partial<ProjectView>;

const check = (after: After | undefined) => (state: ProjectState) => {
  if (typeof after === 'function') after(state);
  else if (after !== undefined) expect(projectView(state)).toMatchObject(after);
};

/**
 * A project with this history (or the usual one to a status), and whoever acts on it: the
 * cases of one block or table share both.
 */
export interface GivenProject {
  /**
   * The command decides exactly these events; `after` checks the state they lead to: a check
   * of its own, or what the project view must show (the fields named, the rest unchecked).
   */
  decides(command: ProjectCommand, expected: readonly ProjectEvent[], after?: After): void;
  /** The command breaks a rule: this code, on this field when one is given. */
  breaks(command: ProjectCommand, code: string, field?: string): void;
  /** The command is refused with this code and whatever else the expectation names. */
  refuses(command: ProjectCommand, code: string, expectation?: RefusalExpectation): void;
  /** The project's status does not allow the command at all (409, not a rule). */
  refusesInThisStatus(command: ProjectCommand): void;
  /**
   * One test per row, named `refuses <case>` (or after `title`, with `%s` for the case): the
   * command breaks the rule with that code, on that field.
   */
  itRefuses(breaches: RuleBreaches, title?: string): void;
}

export function givenProject(history: History, who: Acting): GivenProject {
  const when = (command: ProjectCommand) =>
    spec.given(eventsOf(history)).when(command, contextOf(who));
  const project: GivenProject = {
    decides: (command, expected, after) => when(command).then(expected, check(after)),
    breaks: (command, code, field) => when(command).thenThrows(code, ruleOn(field)),
    refuses: (command, code, expectation) => when(command).thenThrows(code, expectation),
    refusesInThisStatus: (command) =>
      when(command).thenThrows('invalid_transition', { kind: 'invalid_state' }),
    itRefuses: (breaches, title = 'refuses %s') =>
      it.each(Object.entries(breaches))(title, (_, [command, code, field]) =>
        project.breaks(command, code, field),
      ),
  };
  return project;
}

/** A table of broken rules, by the name of the case: the command, its code, the field named. */
export type RuleBreaches = Readonly<
  Record<string, readonly [command: ProjectCommand, code: string, field?: string]>
>;

/** A table of steps the status does not allow, by the name of the case: history and command. */
export type OutOfTurn = Readonly<
  Record<string, readonly [history: History, command: ProjectCommand]>
>;

/** One test per row, named `refuses <case>`: the status of that history does not allow it. */
export function itRefusesOutOfTurn(who: Acting, cases: OutOfTurn): void {
  it.each(Object.entries(cases))('refuses %s', (_, [history, command]) =>
    givenProject(history, who).refusesInThisStatus(command),
  );
}
