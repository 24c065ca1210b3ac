import fc from 'fast-check';
import { decideAll, stateThroughCommandLoop } from '../../../test/support/decider-properties';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { Actor } from '../../shared/actor';
import { replay } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { isVnd } from '../../shared/vnd';
import { programmeAggregateType as programmeAggregate } from '../programme.aggregate';
import type { ProgrammeCommand } from './programme.commands';
import type { ProgrammeContext } from './programme.decide';
import { programmeDecider } from './programme.decider';
import type { ProgrammeEvent } from './programme.events';
import { budgetForYear, programmeView, type ProgrammeState } from './programme.state';
import { KNOWN_CONTEXT_INDICATOR_UNITS } from './programme.types';

/**
 * Random command sequences against the programme decider. After every command: budgets are
 * whole non-negative VND, one per year, inside the programme's years, and a change records
 * the amount it replaced; targets name known indicators once each with positive values;
 * context indicators hold one value per year and code, known ones in their own unit and never
 * negative; the programme is created once. Every refusal is a DomainError.
 */

const TODAY = '2024-06-15';
const admin: Actor = { sub: 'admin-1', name: 'Quản Trị', role: 'admin' };
const context: ProgrammeContext = Object.freeze({
  actor: admin,
  today: TODAY,
  reference: DEFAULT_REFERENCE_DATA,
});

const YEARS = [2019, 2020, 2021, 2022, 2023, 2025, 2026, 1899, 2021.5];
/** Amounts at the edges a budget can take, and beyond them. */
const AMOUNT = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 30_000_000_000 }) },
  // Malformed amounts, and amounts whose totals would leave the safe integers.
  {
    weight: 1,
    arbitrary: fc.constantFrom(-1, 0.5, Number.NaN, 10 ** 15, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2),
  },
);
const INDICATORS = ['trainees', 'workshops', 'showrooms', 'no_such_indicator'];
const CONTEXT_CODES = [
  ...Object.keys(KNOWN_CONTEXT_INDICATOR_UNITS),
  'households_supported',
  'Bad-Code',
];

const budget = fc.record({ year: fc.constantFrom(...YEARS), amountVnd: AMOUNT });
const target = fc.record({
  indicator: fc.constantFrom(...INDICATORS),
  target: fc.integer({ min: -1, max: 5000 }),
});

const command: fc.Arbitrary<ProgrammeCommand> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('CreateProgramme' as const),
      data: fc.record(
        {
          code: fc.constantFrom('DN-2021-2025', 'bad code', ''),
          name: fc.constantFrom('Chương trình khuyến công 2021–2025', ' '),
          fromYear: fc.constantFrom(2021, 2026, 1899),
          toYear: fc.constantFrom(2025, 2020),
          budgets: fc.array(budget, { maxLength: 5 }),
          targets: fc.array(target, { maxLength: 4 }),
          decisionNo: fc.constantFrom('558/QĐ-UBND', ''),
          decisionDate: fc.constantFrom('2021-02-08', '2024-06-16', '2021-02-30'),
        },
        { requiredKeys: ['code', 'name', 'fromYear', 'toYear', 'budgets', 'targets'] },
      ),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('ChangeProgrammeBudget' as const),
      data: fc.record({
        year: fc.constantFrom(...YEARS),
        amountVnd: AMOUNT,
        decisionNo: fc.constantFrom('12/QĐ-UBND', ''),
        reason: fc.constantFrom('Bổ sung kinh phí', ' '),
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('SetProgrammeTargets' as const),
      data: fc.record({
        targets: fc.array(target, { maxLength: 4 }),
        decisionNo: fc.constantFrom('13/QĐ-UBND', ''),
        reason: fc.constantFrom('Điều chỉnh chỉ tiêu', ''),
      }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('RecordContextIndicator' as const),
      data: fc.record(
        {
          year: fc.constantFrom(...YEARS),
          code: fc.constantFrom(...CONTEXT_CODES),
          value: fc.oneof(
            fc.integer({ min: -1000, max: 10 ** 15 }),
            fc.constantFrom(0.5, Number.NaN),
          ),
          target: fc.integer({ min: -10, max: 10 ** 12 }),
          unit: fc.constantFrom('VND', 'USD', 'establishments', 'households', ''),
          asOf: fc.constantFrom('2023-06-30', '2022-12-31', '2024-06-16'),
          estimated: fc.boolean(),
          note: fc.constantFrom('ước tính', ' '),
        },
        { requiredKeys: ['year', 'code', 'value'] },
      ),
    }),
  },
);

const commands = fc.array(command, { minLength: 1, maxLength: 30, size: 'large' });

/** Throws with a readable message when a rule of the programme does not hold after `events`. */
function checkInvariants(
  before: ProgrammeState,
  after: ProgrammeState,
  events: readonly ProgrammeEvent[],
): void {
  if (after.status !== 'active') {
    if (events.length > 0) throw new Error('events were accepted but there is no programme');
    return;
  }
  if (before.status === 'active' && events.some((e) => e.type === 'ProgrammeCreated')) {
    throw new Error('the programme was created twice');
  }
  const years = after.budgets.map((b) => b.year);
  if (new Set(years).size !== years.length)
    throw new Error(`a year has two budgets: ${years.join()}`);
  for (const { year, amountVnd } of after.budgets) {
    if (!isVnd(amountVnd)) throw new Error(`the ${year} budget is ${amountVnd}`);
    if (!Number.isSafeInteger(year) || year < after.fromYear || year > after.toYear)
      throw new Error(`a budget for ${year} is outside the programme`);
  }
  const indicators = after.targets.map((t) => t.indicator);
  if (new Set(indicators).size !== indicators.length)
    throw new Error('an indicator has two targets');
  for (const t of after.targets) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_REFERENCE_DATA.indicators, t.indicator))
      throw new Error(`${t.indicator} is unknown`);
    if (!Number.isSafeInteger(t.target) || t.target <= 0)
      throw new Error(`target ${t.target} is not positive`);
  }
  const keys = after.contextIndicators.map((c) => `${c.year}/${c.code}`);
  if (new Set(keys).size !== keys.length)
    throw new Error('a context indicator has two values for one year');
  for (const c of after.contextIndicators) {
    const knownUnit = (KNOWN_CONTEXT_INDICATOR_UNITS as Record<string, string>)[c.code];
    if (knownUnit !== undefined && (c.unit !== knownUnit || c.value < 0))
      throw new Error(`${c.code} is ${c.value} ${c.unit}`);
    if (!Number.isSafeInteger(c.value)) throw new Error(`${c.code} has the value ${c.value}`);
  }
  const view = programmeView(after);
  if (view?.totalBudgetVnd !== after.budgets.reduce((sum, b) => sum + b.amountVnd, 0))
    throw new Error('the total budget is not the sum of the years');
  for (const event of events) {
    if (event.type === 'ProgrammeBudgetChanged' && before.status === 'active') {
      const previous = budgetForYear(before, event.data.year);
      if (event.data.previousAmountVnd !== previous)
        throw new Error(
          `a change records ${event.data.previousAmountVnd} replaced, not ${previous}`,
        );
    }
  }
}

function run(sequence: readonly ProgrammeCommand[]): {
  state: ProgrammeState;
  events: ProgrammeEvent[];
} {
  return decideAll(
    programmeDecider,
    sequence.map((command) => ({ command, context })),
    checkInvariants,
  );
}

/** A valid programme first, so the other commands meet an existing one. */
const afterCreation = commands.map((rest): ProgrammeCommand[] => [
  {
    type: 'CreateProgramme',
    data: {
      code: 'DN-2021-2025',
      name: 'Chương trình khuyến công',
      fromYear: 2021,
      toYear: 2025,
      budgets: [],
      targets: [],
    },
  },
  ...rest,
]);

describe('the programme decider under random command sequences', () => {
  it('keeps budgets whole, one per year inside the programme, targets and context indicators valid, and refuses only with DomainErrors', () => {
    fc.assert(
      fc.property(fc.oneof(commands, afterCreation), (sequence) => {
        run(sequence);
      }),
      { numRuns: 2000 },
    );
  });

  it('ends in the state a replay of its events gives', () => {
    fc.assert(
      fc.property(fc.oneof(commands, afterCreation), (sequence) => {
        const { state, events } = run(sequence);
        expect(replay(programmeDecider, events)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('records every kind of event, so the properties are checked on each', () => {
    const types = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(commands, afterCreation), (sequence) => {
        run(sequence).events.forEach((e) => types.add(e.type));
      }),
      { numRuns: 500, seed: 2021 },
    );
    expect([...types].sort()).toEqual([
      'ContextIndicatorRecorded',
      'ProgrammeBudgetChanged',
      'ProgrammeCreated',
      'ProgrammeTargetsSet',
    ]);
  });
});

describe('budgets whose total leaves the safe integer range', () => {
  // Each budget is a valid amount; their total is not. The decider refuses it, so no projection
  // ever has to sum beyond the safe integers.
  const huge = [
    { year: 2021, amountVnd: Number.MAX_SAFE_INTEGER },
    { year: 2022, amountVnd: Number.MAX_SAFE_INTEGER },
  ];

  it('refuses to create a programme whose budgets add up beyond the safe range, with a DomainError', () => {
    const create: ProgrammeCommand = {
      type: 'CreateProgramme',
      data: {
        code: 'DN-2021-2025',
        name: 'Chương trình',
        fromYear: 2021,
        toYear: 2025,
        budgets: huge,
        targets: [],
      },
    };
    expect(() => programmeDecider.decide(create, programmeDecider.initialState(), context)).toThrow(
      DomainError,
    );
  });
});

describe('the programme through the command loop on a real SQLite event store', () => {
  it('keeps version = number of events in the stream; a refused command appends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(commands, afterCreation), async (sequence) => {
        const commands = sequence.map((command) => ({
          command,
          actor: admin,
          today: TODAY,
          context,
        }));
        expect(
          await stateThroughCommandLoop(programmeAggregate, 'programme-property', commands),
        ).toEqual(run(sequence).state);
      }),
      { numRuns: 150 },
    );
  });
});
