import type {
  BusinessDate,
  ContextIndicatorCode,
  ProgrammeBudget,
  ProgrammeTarget,
  Vnd,
} from './programme.types';

/** Commands on one multi-year programme (Chương trình khuyến công), stream `programme-<code>`. */

export type CreateProgramme = Readonly<{
  type: 'CreateProgramme';
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

/** A budget is changed by a decision, never edited in place. */
export type ChangeProgrammeBudget = Readonly<{
  type: 'ChangeProgrammeBudget';
  data: {
    readonly year: number;
    readonly amountVnd: Vnd;
    readonly decisionNo: string;
    readonly reason: string;
  };
}>;

/** Replaces the whole set of targets. */
export type SetProgrammeTargets = Readonly<{
  type: 'SetProgrammeTargets';
  data: {
    readonly targets: readonly ProgrammeTarget[];
    readonly decisionNo: string;
    readonly reason: string;
  };
}>;

export type RecordContextIndicator = Readonly<{
  type: 'RecordContextIndicator';
  data: {
    readonly year: number;
    readonly code: ContextIndicatorCode;
    readonly value: number;
    readonly target?: number;
    /** Required for a free-form code; for a known code it may be omitted and must otherwise match. */
    readonly unit?: string;
    readonly asOf?: BusinessDate;
    readonly estimated?: boolean;
    readonly note?: string;
  };
}>;

export type ProgrammeCommand =
  CreateProgramme | ChangeProgrammeBudget | SetProgrammeTargets | RecordContextIndicator;

export type ProgrammeCommandType = ProgrammeCommand['type'];
