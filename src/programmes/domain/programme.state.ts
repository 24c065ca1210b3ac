import { unknownEventLeaves } from '../../shared/decider';
import { saturatingSumVnd } from '../../shared/vnd';
import type { ProgrammeCreated, ProgrammeEvent } from './programme.events';
import type { ContextIndicator, ProgrammeBudget, Vnd } from './programme.types';

export type NoProgramme = Readonly<{ status: 'none' }>;

/** What the programme was created with, as changed by decisions since. */
type ProgrammeFacts = ProgrammeCreated['data'] & {
  /** One entry per year that has a budget, ordered by year, as changed by decisions. */
  readonly budgets: readonly ProgrammeBudget[];
  /** The latest value per year and code, ordered by year then code. */
  readonly contextIndicators: readonly ContextIndicator[];
};

export type Programme = Readonly<{ status: 'active' } & ProgrammeFacts>;

export type ProgrammeState = NoProgramme | Programme;

export const initialProgrammeState = (): ProgrammeState => ({ status: 'none' });

/** The year's budget as changed so far; 0 when the year has none. */
export function budgetForYear(programme: Programme, year: number): Vnd {
  return programme.budgets.find((b) => b.year === year)?.amountVnd ?? 0;
}

export function contextIndicatorFor(
  programme: Programme,
  year: number,
  code: string,
): ContextIndicator | undefined {
  return programme.contextIndicators.find((c) => c.year === year && c.code === code);
}

const byYear = (a: { year: number }, b: { year: number }): number => a.year - b.year;
const byYearThenCode = (a: ContextIndicator, b: ContextIndicator): number =>
  a.year - b.year || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  if (event.type === 'ProgrammeCreated') {
    const { budgets, ...rest } = event.data;
    return { status: 'active', ...rest, budgets: [...budgets].sort(byYear), contextIndicators: [] };
  }
  // Only a created programme has a stream with further events; anything else is ignored, not invented.
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'ProgrammeBudgetChanged': {
      const { year, amountVnd } = event.data;
      const others = state.budgets.filter((b) => b.year !== year);
      return { ...state, budgets: [...others, { year, amountVnd }].sort(byYear) };
    }
    case 'ProgrammeTargetsSet':
      return { ...state, targets: event.data.targets };
    case 'ContextIndicatorRecorded': {
      const { replacesEarlierValue: _replaces, ...recorded } = event.data;
      const others = state.contextIndicators.filter(
        (c) => !(c.year === recorded.year && c.code === recorded.code),
      );
      return { ...state, contextIndicators: [...others, recorded].sort(byYearThenCode) };
    }
    default:
      return unknownEventLeaves(event, state);
  }
}

/** What the read side shows of a programme. */
export type ProgrammeView = ProgrammeFacts & {
  /** Computed from the budgets, never copied from a document. */
  readonly totalBudgetVnd: Vnd;
};

/** The read-side view of a programme; null before it is created. */
export function programmeView(state: ProgrammeState): ProgrammeView | null {
  if (state.status !== 'active') return null;
  const { status: _status, ...view } = state;
  return { ...view, totalBudgetVnd: saturatingSumVnd(state.budgets.map((b) => b.amountVnd)) };
}

/** What another aggregate's decision needs to know of a programme (a plan checks its year against it). */
export interface ProgrammeSpan {
  readonly code: string;
  readonly fromYear: number;
  readonly toYear: number;
}

export function programmeSpanOf(state: ProgrammeState): ProgrammeSpan | undefined {
  return state.status === 'active'
    ? { code: state.code, fromYear: state.fromYear, toYear: state.toYear }
    : undefined;
}
