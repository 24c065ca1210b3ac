import type {
  ChangeProgrammeBudget,
  CreateProgramme,
  SetProgrammeTargets,
} from './programme.commands';
import type { ContextIndicator, Vnd } from './programme.types';

/**
 * Events of one programme, past tense. Who acted and when it was recorded travel in the
 * stored event's metadata; nothing in the programme's own rules needs the actor later.
 * An event that records a command takes the command's data, so the two cannot drift apart.
 */

export type ProgrammeCreated = Readonly<{
  type: 'ProgrammeCreated';
  data: CreateProgramme['data'];
}>;

export type ProgrammeBudgetChanged = Readonly<{
  type: 'ProgrammeBudgetChanged';
  data: ChangeProgrammeBudget['data'] & {
    /** What the year's budget was before this decision (0 when it had none). */
    readonly previousAmountVnd: Vnd;
  };
}>;

export type ProgrammeTargetsSet = Readonly<{
  type: 'ProgrammeTargetsSet';
  data: SetProgrammeTargets['data'];
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
