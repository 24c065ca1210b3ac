import { deciderSpecification } from '../../../test/support/decider-specification';
import {
  budgetChanged,
  createProgramme as create,
  indicatorRecorded as recorded,
  programmeCreated,
  type ProgrammeData,
} from '../../../test/support/programmes/programme-fixtures';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { ProgrammeCommand } from './programme.commands';
import type { ProgrammeContext } from './programme.decide';
import { programmeDecider } from './programme.decider';
import type { ProgrammeEvent } from './programme.events';

const context: ProgrammeContext = {
  actor: { sub: 'admin-1', name: 'Quản trị', role: 'admin' },
  today: '2023-07-15',
  reference: DEFAULT_REFERENCE_DATA,
};

const spec = deciderSpecification(programmeDecider);

const created = programmeCreated();

/** `command` on the history is refused by a rule on `field`. */
const refuses = (
  history: readonly ProgrammeEvent[],
  command: ProgrammeCommand,
  code: string,
  field: string,
) => spec.given(history).when(command, context).thenThrows(code, { kind: 'rule', field });

describe('CreateProgramme', () => {
  describe('when no programme exists', () => {
    it('creates it with its budgets, targets and decision', () => {
      spec.given([]).when(create(), context).then([created]);
    });

    it('creates a programme without budgets, targets or decision', () => {
      const [event] = programmeDecider.decide(
        {
          type: 'CreateProgramme',
          data: { code: 'p_1', name: 'P', fromYear: 2026, toYear: 2030, budgets: [], targets: [] },
        },
        programmeDecider.initialState(),
        context,
      );
      expect(event).toStrictEqual({
        type: 'ProgrammeCreated',
        data: { code: 'p_1', name: 'P', fromYear: 2026, toYear: 2030, budgets: [], targets: [] },
      });
    });

    const singleYear = { fromYear: 2023, toYear: 2023, budgets: [{ year: 2023, amountVnd: 1 }] };
    const firstAndLastBudgets = {
      budgets: [
        { year: 2021, amountVnd: 0 },
        { year: 2025, amountVnd: 9_007_199_254_740_991 },
      ],
    };
    it.each<[string, Partial<ProgrammeData>, Partial<ProgrammeData>]>([
      [
        'trims the name and decision number',
        { name: '  Chương trình 2021-2025 ', decisionNo: ' 558/QĐ-UBND ' },
        { name: 'Chương trình 2021-2025', decisionNo: '558/QĐ-UBND' },
      ],
      ['accepts a programme of a single year', singleYear, singleYear],
      ['accepts budgets on the first and the last year', firstAndLastBudgets, firstAndLastBudgets],
      ['accepts a code of 64 characters', { code: 'A'.repeat(64) }, { code: 'A'.repeat(64) }],
      [
        'accepts a decision dated today',
        { decisionDate: '2023-07-15' },
        { decisionDate: '2023-07-15' },
      ],
    ])('%s', (_, given, kept) => {
      spec
        .given([])
        .when(create(given), context)
        .then([programmeCreated(kept)]);
    });
  });

  describe('when the programme already exists', () => {
    it('refuses to create it again', () => {
      spec
        .given([created])
        .when(create(), context)
        .thenThrows('programme_already_exists', { kind: 'invalid_state' });
    });
  });

  describe('refuses a bad programme', () => {
    it.each(['', 'DN 2021', 'DN/2021', 'chương-trình', 'A'.repeat(65)])(
      'with the code %j',
      (code) => refuses([], create({ code }), 'invalid_programme_code', 'code'),
    );

    it.each([-1, 0.5, 9_007_199_254_740_992, Number.NaN])('with a budget of %p đồng', (amountVnd) =>
      refuses(
        [],
        create({ budgets: [{ year: 2022, amountVnd }] }),
        'invalid_amount',
        'budgets[0].amountVnd',
      ),
    );

    it.each([0, -5, 2.5])('with a target of %p', (target) =>
      refuses(
        [],
        create({ targets: [{ indicator: 'workshops', target }] }),
        'invalid_target',
        'targets[0].target',
      ),
    );

    const budgets = (...years: number[]) => years.map((year, i) => ({ year, amountVnd: i + 1 }));
    const targets = (...indicators: string[]) =>
      indicators.map((indicator, i) => ({ indicator, target: i + 1 }));
    it.each<[string, Partial<ProgrammeData>, string, string]>([
      ['without a name', { name: '   ' }, 'name_required', 'name'],
      [
        'with a first year that is not a whole year',
        { fromYear: 2021.5 },
        'invalid_year',
        'fromYear',
      ],
      ['with a last year past any year', { toYear: 30000 }, 'invalid_year', 'toYear'],
      [
        'that ends before it starts',
        { fromYear: 2025, toYear: 2024, budgets: [] },
        'invalid_year_range',
        'toYear',
      ],
      [
        'with a budget for 2020, outside 2021–2025',
        { budgets: budgets(2021, 2020) },
        'budget_year_outside_programme',
        'budgets[1].year',
      ],
      [
        'with a budget for 2026, outside 2021–2025',
        { budgets: budgets(2021, 2026) },
        'budget_year_outside_programme',
        'budgets[1].year',
      ],
      [
        'with two budgets for the same year',
        { budgets: budgets(2022, 2022) },
        'duplicate_budget_year',
        'budgets[1].year',
      ],
      [
        'with a target on an unknown indicator',
        { targets: targets('trainees', 'export_value_usd') },
        'unknown_indicator',
        'targets[1].indicator',
      ],
      [
        'with two targets on the same indicator',
        { targets: targets('trainees', 'trainees') },
        'duplicate_target_indicator',
        'targets[1].indicator',
      ],
      ['with a blank decision number', { decisionNo: ' ' }, 'decision_no_required', 'decisionNo'],
      [
        'with a decision date that is not a date',
        { decisionDate: '2021-02-30' },
        'invalid_date',
        'decisionDate',
      ],
      [
        'with a decision dated tomorrow',
        { decisionDate: '2023-07-16' },
        'decision_date_in_future',
        'decisionDate',
      ],
    ])('%s', (_, data, code, field) => refuses([], create(data), code, field));
  });
});

describe('ChangeProgrammeBudget', () => {
  const decision = { decisionNo: '1234/QĐ-UBND', reason: 'bổ sung kinh phí' };
  const change = (
    data: Partial<Extract<ProgrammeCommand, { type: 'ChangeProgrammeBudget' }>['data']> = {},
  ): ProgrammeCommand => ({
    type: 'ChangeProgrammeBudget',
    data: { year: 2022, amountVnd: 8_000_000_000, ...decision, ...data },
  });

  describe('when the programme exists', () => {
    it.each<[string, ProgrammeEvent[], ProgrammeCommand, ProgrammeEvent]>([
      [
        'records the new budget of the year with the one it replaces',
        [],
        change(),
        budgetChanged(2022, 7_808_200_000, 8_000_000_000, decision),
      ],
      [
        'gives a year that had no budget one, replacing 0',
        [],
        change({ year: 2025, amountVnd: 5_000_000_000 }),
        budgetChanged(2025, 0, 5_000_000_000, decision),
      ],
      [
        'compares with the budget as already changed',
        [
          budgetChanged(2022, 7_808_200_000, 6_000_000_000, {
            decisionNo: '1',
            reason: 'cắt giảm',
          }),
        ],
        change({ amountVnd: 0, reason: 'thu hồi' }),
        budgetChanged(2022, 6_000_000_000, 0, { ...decision, reason: 'thu hồi' }),
      ],
    ])('%s', (_, history, command, event) => {
      spec
        .given([created, ...history])
        .when(command, context)
        .then([event]);
    });

    it.each([2020, 2026])('refuses a budget for %i, outside the programme', (year) =>
      refuses([created], change({ year }), 'budget_year_outside_programme', 'year'),
    );

    it.each([-1, 1.5, 2 ** 53])('refuses %p đồng', (amountVnd) =>
      refuses([created], change({ amountVnd }), 'invalid_amount', 'amountVnd'),
    );

    it('refuses a change without a decision number', () =>
      refuses([created], change({ decisionNo: '' }), 'decision_no_required', 'decisionNo'));

    it('refuses a change without a reason', () =>
      refuses([created], change({ reason: ' ' }), 'reason_required', 'reason'));
  });

  describe('when there is no programme', () => {
    it('answers that it does not exist', () => {
      spec
        .given([])
        .when(change(), context)
        .thenThrows('programme_not_found', { kind: 'not_found' });
    });
  });
});

describe('SetProgrammeTargets', () => {
  const targets = [
    { indicator: 'trainees', target: 1000 },
    { indicator: 'broadcast_topics', target: 120 },
  ];
  const decision = { decisionNo: '99/QĐ-UBND', reason: 'điều chỉnh mục tiêu' };
  const set = (
    data: Partial<{ targets: typeof targets; decisionNo: string; reason: string }> = {},
  ): ProgrammeCommand => ({ type: 'SetProgrammeTargets', data: { targets, ...decision, ...data } });

  it.each([
    ['replaces the targets', targets],
    ['may clear every target', []],
  ])('%s', (_, given) => {
    spec
      .given([created])
      .when(set({ targets: given }), context)
      .then([{ type: 'ProgrammeTargetsSet', data: { targets: given, ...decision } }]);
  });

  it.each<[string, ProgrammeCommand, string, string]>([
    [
      'refuses an unknown indicator',
      set({ targets: [{ indicator: 'nonsense', target: 1 }] }),
      'unknown_indicator',
      'targets[0].indicator',
    ],
    [
      'refuses the same indicator twice',
      set({ targets: [...targets, { indicator: 'trainees', target: 5 }] }),
      'duplicate_target_indicator',
      'targets[2].indicator',
    ],
    [
      'refuses a target that is not a positive whole number',
      set({ targets: [{ indicator: 'trainees', target: 0 }] }),
      'invalid_target',
      'targets[0].target',
    ],
    [
      'refuses targets without a decision number',
      set({ decisionNo: '' }),
      'decision_no_required',
      'decisionNo',
    ],
    ['refuses targets without a reason', set({ reason: '' }), 'reason_required', 'reason'],
  ])('%s', (_, command, code, field) => refuses([created], command, code, field));

  it('answers that a programme that does not exist has no targets to set', () => {
    spec.given([]).when(set(), context).thenThrows('programme_not_found', { kind: 'not_found' });
  });
});

describe('RecordContextIndicator', () => {
  type Data = Extract<ProgrammeCommand, { type: 'RecordContextIndicator' }>['data'];
  const record = (data: Data): ProgrammeCommand => ({ type: 'RecordContextIndicator', data });
  const production2022 = {
    year: 2022,
    code: 'rural_industrial_production_value_vnd',
    value: 73_396_000_000_000,
  };
  const { year, code, value } = production2022;
  const recorded2022 = recorded(year, code, value);

  it.each<[string, ProgrammeEvent[], Data, ProgrammeEvent]>([
    [
      'records the 2022 production value of 73,396 billion đồng in VND',
      [],
      production2022,
      recorded2022,
    ],
    [
      'records the export value against its target, in US dollars',
      [],
      {
        year: 2023,
        code: 'export_value_usd',
        value: 902_389_000,
        target: 900_000_000,
        unit: 'USD',
      },
      recorded(2023, 'export_value_usd', 902_389_000, { target: 900_000_000, unit: 'USD' }),
    ],
    [
      'records the establishments counted on 30 June 2023',
      [],
      {
        year: 2023,
        code: 'rural_industrial_establishments',
        value: 9_413,
        asOf: '2023-06-30',
        note: ' Cục Thống kê ',
      },
      recorded(2023, 'rural_industrial_establishments', 9_413, {
        unit: 'establishments',
        asOf: '2023-06-30',
        note: 'Cục Thống kê',
      }),
    ],
    [
      'records an estimate as one',
      [],
      { year: 2023, code, value: 73_000_000_000_000, estimated: true },
      recorded(2023, code, 73_000_000_000_000, { estimated: true }),
    ],
    [
      'records a free-form indicator in its own unit, negative when it is a change',
      [],
      { year: 2023, code: 'establishments_change_since_2020', value: -381, unit: 'establishments' },
      recorded(2023, 'establishments_change_since_2020', -381, { unit: 'establishments' }),
    ],
    [
      'replaces an earlier value for the same year and code',
      [recorded(year, code, 70_000_000_000_000, { estimated: true })],
      production2022,
      recorded(year, code, value, { replacesEarlierValue: true }),
    ],
    [
      'does not replace the value of another year',
      [recorded2022],
      { ...production2022, year: 2023 },
      recorded(2023, code, value),
    ],
    [
      'does not replace the value of another code',
      [recorded2022],
      { year: 2022, code: 'export_value_usd', value: 1 },
      recorded(2022, 'export_value_usd', 1, { unit: 'USD' }),
    ],
    ...[2020, 2025].map((year): [string, ProgrammeEvent[], Data, ProgrammeEvent] => [
      `accepts ${year}, the baseline year before the programme or its last year`,
      [],
      { year, code: 'rural_industrial_establishments', value: 9_794 },
      recorded(year, 'rural_industrial_establishments', 9_794, { unit: 'establishments' }),
    ]),
    [
      'accepts an as-of date of today',
      [],
      { year: 2023, code: 'export_value_usd', value: 1, asOf: '2023-07-15' },
      recorded(2023, 'export_value_usd', 1, { unit: 'USD', asOf: '2023-07-15' }),
    ],
  ])('%s', (_, history, data, event) => {
    spec
      .given([created, ...history])
      .when(record(data), context)
      .then([event]);
  });

  it.each([2019, 2026])('refuses %i, neither a programme year nor its baseline', (year) =>
    refuses(
      [created],
      record({ ...production2022, year }),
      'context_year_outside_programme',
      'year',
    ),
  );

  it.each(['', 'Export', 'export value', '1st'])('refuses the code %j', (code) =>
    refuses(
      [created],
      record({ year: 2022, code, value: 1, unit: 'x' }),
      'invalid_context_indicator_code',
      'code',
    ),
  );

  it.each([-1, 1.5, 2 ** 53])('refuses a known indicator valued %p', (value) =>
    refuses(
      [created],
      record({ ...production2022, value }),
      'invalid_context_indicator_value',
      'value',
    ),
  );

  it.each<[string, Data, string, string]>([
    [
      'refuses a year that is not a whole year',
      { ...production2022, year: 2022.5 },
      'invalid_year',
      'year',
    ],
    [
      'refuses a known indicator in another unit',
      { year: 2022, code: 'export_value_usd', value: 1, unit: 'VND' },
      'context_indicator_unit_mismatch',
      'unit',
    ],
    [
      'refuses a free-form indicator without a unit',
      { year: 2022, code: 'growth_rate', value: 34 },
      'context_indicator_unit_required',
      'unit',
    ],
    [
      'refuses a negative target on a known indicator',
      { ...production2022, target: -1 },
      'invalid_context_indicator_value',
      'target',
    ],
    [
      'refuses an as-of date that is not a date',
      { ...production2022, asOf: '2022-13-01' },
      'invalid_date',
      'asOf',
    ],
    [
      'refuses an as-of date of tomorrow',
      { year: 2023, code: 'export_value_usd', value: 1, asOf: '2023-07-16' },
      'as_of_in_future',
      'asOf',
    ],
    [
      'refuses an as-of date outside the year recorded',
      { ...production2022, asOf: '2023-01-01' },
      'as_of_outside_year',
      'asOf',
    ],
  ])('%s', (_, data, code, field) => refuses([created], record(data), code, field));

  it('answers that a programme that does not exist records nothing', () => {
    spec
      .given([])
      .when(record(production2022), context)
      .thenThrows('programme_not_found', { kind: 'not_found' });
  });
});
