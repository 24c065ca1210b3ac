import type { Actor } from '../../shared/actor';
import { isBusinessDate, yearOf, type BusinessDate } from '../../shared/business-date';
import { assertNever } from '../../shared/decider';
import { DomainError, invalidState, ruleBroken } from '../../shared/domain-error';
import { isVnd, sumVnd } from '../../shared/vnd';
import type { ReferenceData } from '../../reference-data/reference-data';
import type {
  ChangeProgrammeBudget,
  CreateProgramme,
  ProgrammeCommand,
  RecordContextIndicator,
  SetProgrammeTargets,
} from './programme.commands';
import type { ProgrammeEvent } from './programme.events';
import {
  budgetForYear,
  contextIndicatorFor,
  type Programme,
  type ProgrammeState,
} from './programme.state';
import {
  isKnownContextIndicator,
  KNOWN_CONTEXT_INDICATOR_UNITS,
  type ContextIndicator,
  type ProgrammeBudget,
  type ProgrammeTarget,
} from './programme.types';

/** What a programme decision depends on besides the command and the state. Roles are checked over HTTP. */
export interface ProgrammeContext {
  readonly actor: Actor;
  /** Today's business date in Asia/Ho_Chi_Minh. */
  readonly today: BusinessDate;
  readonly reference: ReferenceData;
}

// The code becomes part of the stream id `programme-<code>` and of URLs.
const PROGRAMME_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const CONTEXT_CODE = /^[a-z][a-z0-9_]{0,63}$/;

const isYear = (value: number): boolean =>
  Number.isSafeInteger(value) && value >= 1900 && value <= 2999;

function requireText(value: string | undefined, code: string, field: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw ruleBroken(code, `${what} is required`, field);
  return text;
}

function requireYear(value: number, field: string): void {
  if (!isYear(value))
    throw ruleBroken('invalid_year', `${field} must be a year between 1900 and 2999`, field);
}

function requireYearInProgramme(
  year: number,
  fromYear: number,
  toYear: number,
  field: string,
): void {
  requireYear(year, field);
  if (year < fromYear || year > toYear) {
    throw ruleBroken(
      'budget_year_outside_programme',
      `${year} is outside the programme's years ${fromYear}–${toYear}`,
      field,
    );
  }
}

function requireAmount(value: number, field: string): void {
  if (!isVnd(value))
    throw ruleBroken('invalid_amount', 'an amount is a whole, non-negative number of đồng', field);
}

function validBudgets(
  budgets: readonly ProgrammeBudget[],
  fromYear: number,
  toYear: number,
): ProgrammeBudget[] {
  const seen = new Set<number>();
  const valid = budgets.map(({ year, amountVnd }, i) => {
    requireYearInProgramme(year, fromYear, toYear, `budgets[${i}].year`);
    if (seen.has(year))
      throw ruleBroken(
        'duplicate_budget_year',
        `${year} has more than one budget`,
        `budgets[${i}].year`,
      );
    seen.add(year);
    requireAmount(amountVnd, `budgets[${i}].amountVnd`);
    return { year, amountVnd };
  });
  // The programme's total must stay exact too: it is what every review reports against.
  sumVnd(
    valid.map((b) => b.amountVnd),
    'budgets',
  );
  return valid;
}

function validTargets(
  targets: readonly ProgrammeTarget[],
  reference: ReferenceData,
): ProgrammeTarget[] {
  const seen = new Set<string>();
  return targets.map(({ indicator, target }, i) => {
    if (!Object.prototype.hasOwnProperty.call(reference.indicators, indicator)) {
      throw ruleBroken(
        'unknown_indicator',
        `${indicator} is not a known indicator`,
        `targets[${i}].indicator`,
      );
    }
    if (seen.has(indicator)) {
      throw ruleBroken(
        'duplicate_target_indicator',
        `${indicator} has more than one target`,
        `targets[${i}].indicator`,
      );
    }
    seen.add(indicator);
    if (!Number.isSafeInteger(target) || target <= 0) {
      throw ruleBroken(
        'invalid_target',
        'a target is a positive whole number',
        `targets[${i}].target`,
      );
    }
    return { indicator, target };
  });
}

function requirePastDate(
  value: BusinessDate,
  today: BusinessDate,
  field: string,
  futureCode: string,
): void {
  if (!isBusinessDate(value))
    throw ruleBroken('invalid_date', `${field} must be a date YYYY-MM-DD`, field);
  if (value > today)
    throw ruleBroken(futureCode, `${field} ${value} is after today ${today}`, field, {
      date: value,
      today,
    });
}

function requireProgramme(state: ProgrammeState): Programme {
  if (state.status !== 'active')
    throw new DomainError('programme_not_found', 'no such programme', 'not_found');
  return state;
}

function createProgramme(
  command: CreateProgramme,
  state: ProgrammeState,
  context: ProgrammeContext,
): ProgrammeEvent[] {
  if (state.status !== 'none')
    throw invalidState('programme_already_exists', 'the programme already exists');
  const { code, fromYear, toYear, decisionNo, decisionDate } = command.data;
  if (typeof code !== 'string' || !PROGRAMME_CODE.test(code)) {
    throw ruleBroken(
      'invalid_programme_code',
      'a programme code is 1–64 letters, digits, - or _',
      'code',
    );
  }
  const name = requireText(command.data.name, 'name_required', 'name', 'a name');
  requireYear(fromYear, 'fromYear');
  requireYear(toYear, 'toYear');
  if (fromYear > toYear) {
    throw ruleBroken(
      'invalid_year_range',
      `the programme ends (${toYear}) before it starts (${fromYear})`,
      'toYear',
    );
  }
  const budgets = validBudgets(command.data.budgets, fromYear, toYear);
  const targets = validTargets(command.data.targets, context.reference);
  const decision: { decisionNo?: string; decisionDate?: BusinessDate } = {};
  if (decisionNo !== undefined) {
    decision.decisionNo = requireText(
      decisionNo,
      'decision_no_required',
      'decisionNo',
      'a decision number',
    );
  }
  if (decisionDate !== undefined) {
    requirePastDate(decisionDate, context.today, 'decisionDate', 'decision_date_in_future');
    decision.decisionDate = decisionDate;
  }
  return [
    {
      type: 'ProgrammeCreated',
      data: { code, name, fromYear, toYear, budgets, targets, ...decision },
    },
  ];
}

/** A change to a decided programme needs the decision that made it and why. */
function requireDecisionAndReason(data: {
  readonly decisionNo?: string;
  readonly reason?: string;
}) {
  const decisionNo = requireText(
    data.decisionNo,
    'decision_no_required',
    'decisionNo',
    'a decision number',
  );
  const reason = requireText(data.reason, 'reason_required', 'reason', 'a reason');
  return { decisionNo, reason };
}

function changeBudget(command: ChangeProgrammeBudget, state: ProgrammeState): ProgrammeEvent[] {
  const programme = requireProgramme(state);
  const { year, amountVnd } = command.data;
  requireYearInProgramme(year, programme.fromYear, programme.toYear, 'year');
  requireAmount(amountVnd, 'amountVnd');
  const { decisionNo, reason } = requireDecisionAndReason(command.data);
  const previousAmountVnd = budgetForYear(programme, year);
  // The programme's total after the change must stay exact.
  const otherYears = programme.budgets.filter((b) => b.year !== year).map((b) => b.amountVnd);
  sumVnd([...otherYears, amountVnd], 'amountVnd');
  return [
    {
      type: 'ProgrammeBudgetChanged',
      data: { year, previousAmountVnd, amountVnd, decisionNo, reason },
    },
  ];
}

function setTargets(
  command: SetProgrammeTargets,
  state: ProgrammeState,
  context: ProgrammeContext,
): ProgrammeEvent[] {
  requireProgramme(state);
  const targets = validTargets(command.data.targets, context.reference);
  const { decisionNo, reason } = requireDecisionAndReason(command.data);
  return [{ type: 'ProgrammeTargetsSet', data: { targets, decisionNo, reason } }];
}

/** The unit a context indicator is recorded in: fixed for a known code, given for any other. */
function unitOf(code: string, unit: string | undefined): string {
  if (isKnownContextIndicator(code)) {
    const known = KNOWN_CONTEXT_INDICATOR_UNITS[code];
    if (unit !== undefined && unit !== known) {
      throw ruleBroken(
        'context_indicator_unit_mismatch',
        `${code} is recorded in ${known}, not ${unit}`,
        'unit',
      );
    }
    return known;
  }
  return requireText(unit, 'context_indicator_unit_required', 'unit', `the unit of ${code}`);
}

function requireIndicatorNumber(value: number, known: boolean, field: string): void {
  // Known indicators are amounts and counts; a free-form one may be a change (establishments −381).
  if (!Number.isSafeInteger(value) || (known && value < 0)) {
    const what = known ? 'a whole, non-negative number' : 'a whole number';
    throw ruleBroken('invalid_context_indicator_value', `${field} must be ${what}`, field);
  }
}

function recordContextIndicator(
  command: RecordContextIndicator,
  state: ProgrammeState,
  context: ProgrammeContext,
): ProgrammeEvent[] {
  const programme = requireProgramme(state);
  const { year, code, value, target, asOf, estimated, note } = command.data;
  requireYear(year, 'year');
  // The year before the programme is its baseline (the seed compares 2023 with 2020).
  if (year < programme.fromYear - 1 || year > programme.toYear) {
    throw ruleBroken(
      'context_year_outside_programme',
      `${year} is neither a year of the programme ${programme.fromYear}–${programme.toYear} nor its baseline year`,
      'year',
    );
  }
  if (typeof code !== 'string' || !CONTEXT_CODE.test(code)) {
    throw ruleBroken(
      'invalid_context_indicator_code',
      'a context indicator code is lower-case letters, digits and _',
      'code',
    );
  }
  const known = isKnownContextIndicator(code);
  const unit = unitOf(code, command.data.unit);
  requireIndicatorNumber(value, known, 'value');
  if (target !== undefined) requireIndicatorNumber(target, known, 'target');
  if (asOf !== undefined) {
    requirePastDate(asOf, context.today, 'asOf', 'as_of_in_future');
    if (yearOf(asOf) !== year)
      throw ruleBroken('as_of_outside_year', `asOf ${asOf} is not in ${year}`, 'asOf');
  }
  const recorded: ContextIndicator = {
    year,
    code,
    value,
    unit,
    estimated: estimated === true,
    ...(target !== undefined && { target }),
    ...(asOf !== undefined && { asOf }),
    ...(note !== undefined && note.trim() !== '' && { note: note.trim() }),
  };
  const replacesEarlierValue = contextIndicatorFor(programme, year, code) !== undefined;
  return [{ type: 'ContextIndicatorRecorded', data: { ...recorded, replacesEarlierValue } }];
}

export function decideProgramme(
  command: ProgrammeCommand,
  state: ProgrammeState,
  context: ProgrammeContext,
): readonly ProgrammeEvent[] {
  switch (command.type) {
    case 'CreateProgramme':
      return createProgramme(command, state, context);
    case 'ChangeProgrammeBudget':
      return changeBudget(command, state);
    case 'SetProgrammeTargets':
      return setTargets(command, state, context);
    case 'RecordContextIndicator':
      return recordContextIndicator(command, state, context);
    default:
      return assertNever(command, 'programme command');
  }
}
