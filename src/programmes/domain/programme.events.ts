import type {
  BusinessDate,
  ContextIndicator,
  ProgrammeBudget,
  ProgrammeTarget,
  Vnd,
} from './programme.types';

/**
 * Events of one programme, past tense. Who acted and when it was recorded travel in the
 * stored event's metadata; nothing in the programme's own rules needs the actor later.
 */

export type ProgrammeCreated = Readonly<{
  type: 'ProgrammeCreated';
  data: {
    readonly code: string;
    readonly name: string;
    readonly fromYear: number;
    readonly toYear: number;
    readonly budgets: readonly ProgrammeBudget[];
    readonly targets: readonly ProgrammeTarget[];
    readonly decisionNo?: string;
    readonly decisionDate?: BusinessDate;
  };
}>;

export type ProgrammeBudgetChanged = Readonly<{
  type: 'ProgrammeBudgetChanged';
  data: {
    readonly year: number;
    /** What the year's budget was before this decision (0 when it had none). */
    readonly previousAmountVnd: Vnd;
    readonly amountVnd: Vnd;
    readonly decisionNo: string;
    readonly reason: string;
  };
}>;

export type ProgrammeTargetsSet = Readonly<{
  type: 'ProgrammeTargetsSet';
  data: {
    readonly targets: readonly ProgrammeTarget[];
    readonly decisionNo: string;
    readonly reason: string;
  };
}>;

export type ContextIndicatorRecorded = Readonly<{
  type: 'ContextIndicatorRecorded';
  data: ContextIndicator & {
    /** True when an earlier value for the same year and code is replaced (it stays in history). */
    readonly replacesEarlierValue: boolean;
  };
}>;

export type ProgrammeEvent =
  ProgrammeCreated | ProgrammeBudgetChanged | ProgrammeTargetsSet | ContextIndicatorRecorded;

export type ProgrammeEventType = ProgrammeEvent['type'];
