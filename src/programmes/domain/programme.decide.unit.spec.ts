import { deciderSpecification } from '../../../test/support/decider-specification';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { ProgrammeCommand } from './programme.commands';
import type { ProgrammeContext } from './programme.decide';
import { programmeDecider } from './programme.decider';
import type { ProgrammeCreated, ProgrammeEvent } from './programme.events';

const context: ProgrammeContext = {
  actor: { sub: 'admin-1', name: 'Quản trị', role: 'admin' },
  today: '2023-07-15',
  reference: DEFAULT_REFERENCE_DATA,
};

const spec = deciderSpecification(programmeDecider);

const created: ProgrammeCreated = {
  type: 'ProgrammeCreated',
  data: {
    code: 'DN-2021-2025',
    name: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021-2025',
    fromYear: 2021,
    toYear: 2025,
    budgets: [
      { year: 2021, amountVnd: 7_500_000_000 },
      { year: 2022, amountVnd: 7_808_200_000 },
      { year: 2023, amountVnd: 8_000_000_000 },
    ],
    targets: [{ indicator: 'trainees', target: 800 }],
    decisionNo: '558/QĐ-UBND',
    decisionDate: '2021-02-08',
  },
};

const create = (data: Partial<ProgrammeCreated['data']> = {}): ProgrammeCommand => ({
  type: 'CreateProgramme',
  data: { ...created.data, ...data },
});

describe('CreateProgramme', () => {
  describe('when no programme exists', () => {
    it('creates it with its budgets, targets and decision', () => {
      spec.given([]).when(create(), context).then([created]);
    });

    it('trims the name and decision number', () => {
      spec
        .given([])
        .when(create({ name: '  Chương trình 2021-2025 ', decisionNo: ' 558/QĐ-UBND ' }), context)
        .then([
          {
            ...created,
            data: { ...created.data, name: 'Chương trình 2021-2025', decisionNo: '558/QĐ-UBND' },
          },
        ]);
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

    it('accepts a programme of a single year', () => {
      spec
        .given([])
        .when(
          create({ fromYear: 2023, toYear: 2023, budgets: [{ year: 2023, amountVnd: 1 }] }),
          context,
        )
        .then([
          {
            ...created,
            data: {
              ...created.data,
              fromYear: 2023,
              toYear: 2023,
              budgets: [{ year: 2023, amountVnd: 1 }],
            },
          },
        ]);
    });

    it('accepts budgets on the first and the last year of the programme', () => {
      const budgets = [
        { year: 2021, amountVnd: 0 },
        { year: 2025, amountVnd: 9_007_199_254_740_991 },
      ];
      spec
        .given([])
        .when(create({ budgets }), context)
        .then([{ ...created, data: { ...created.data, budgets } }]);
    });

    it('accepts a code of 64 characters', () => {
      const code = 'A'.repeat(64);
      spec
        .given([])
        .when(create({ code }), context)
        .then([{ ...created, data: { ...created.data, code } }]);
    });

    it('accepts a decision dated today', () => {
      spec
        .given([])
        .when(create({ decisionDate: '2023-07-15' }), context)
        .then([{ ...created, data: { ...created.data, decisionDate: '2023-07-15' } }]);
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
      (code) => {
        spec
          .given([])
          .when(create({ code }), context)
          .thenThrows('invalid_programme_code', { kind: 'rule', field: 'code' });
      },
    );

    it('without a name', () => {
      spec
        .given([])
        .when(create({ name: '   ' }), context)
        .thenThrows('name_required', { kind: 'rule', field: 'name' });
    });

    it('with a year that is not a whole year', () => {
      spec
        .given([])
        .when(create({ fromYear: 2021.5 }), context)
        .thenThrows('invalid_year', { kind: 'rule', field: 'fromYear' });
      spec
        .given([])
        .when(create({ toYear: 30000 }), context)
        .thenThrows('invalid_year', { kind: 'rule', field: 'toYear' });
    });

    it('that ends before it starts', () => {
      spec
        .given([])
        .when(create({ fromYear: 2025, toYear: 2024, budgets: [] }), context)
        .thenThrows('invalid_year_range', { kind: 'rule', field: 'toYear' });
    });

    it.each([2020, 2026])('with a budget for %i, outside 2021–2025', (year) => {
      spec
        .given([])
        .when(
          create({
            budgets: [
              { year: 2021, amountVnd: 1 },
              { year, amountVnd: 1 },
            ],
          }),
          context,
        )
        .thenThrows('budget_year_outside_programme', { kind: 'rule', field: 'budgets[1].year' });
    });

    it('with two budgets for the same year', () => {
      spec
        .given([])
        .when(
          create({
            budgets: [
              { year: 2022, amountVnd: 1 },
              { year: 2022, amountVnd: 2 },
            ],
          }),
          context,
        )
        .thenThrows('duplicate_budget_year', { kind: 'rule', field: 'budgets[1].year' });
    });

    it.each([-1, 0.5, 9_007_199_254_740_992, Number.NaN])(
      'with a budget of %p đồng',
      (amountVnd) => {
        spec
          .given([])
          .when(create({ budgets: [{ year: 2022, amountVnd }] }), context)
          .thenThrows('invalid_amount', { kind: 'rule', field: 'budgets[0].amountVnd' });
      },
    );

    it('with a target on an unknown indicator', () => {
      spec
        .given([])
        .when(
          create({
            targets: [
              { indicator: 'trainees', target: 1 },
              { indicator: 'export_value_usd', target: 1 },
            ],
          }),
          context,
        )
        .thenThrows('unknown_indicator', { kind: 'rule', field: 'targets[1].indicator' });
    });

    it('with two targets on the same indicator', () => {
      spec
        .given([])
        .when(
          create({
            targets: [
              { indicator: 'trainees', target: 1 },
              { indicator: 'trainees', target: 2 },
            ],
          }),
          context,
        )
        .thenThrows('duplicate_target_indicator', { kind: 'rule', field: 'targets[1].indicator' });
    });

    it.each([0, -5, 2.5])('with a target of %p', (target) => {
      spec
        .given([])
        .when(create({ targets: [{ indicator: 'workshops', target }] }), context)
        .thenThrows('invalid_target', { kind: 'rule', field: 'targets[0].target' });
    });

    it('with a blank decision number', () => {
      spec
        .given([])
        .when(create({ decisionNo: ' ' }), context)
        .thenThrows('decision_no_required', { kind: 'rule', field: 'decisionNo' });
    });

    it('with a decision date that is not a date', () => {
      spec
        .given([])
        .when(create({ decisionDate: '2021-02-30' }), context)
        .thenThrows('invalid_date', { kind: 'rule', field: 'decisionDate' });
    });

    it('with a decision dated tomorrow', () => {
      spec
        .given([])
        .when(create({ decisionDate: '2023-07-16' }), context)
        .thenThrows('decision_date_in_future', { kind: 'rule', field: 'decisionDate' });
    });
  });
});

describe('ChangeProgrammeBudget', () => {
  const change = (
    data: Partial<{ year: number; amountVnd: number; decisionNo: string; reason: string }> = {},
  ): ProgrammeCommand => ({
    type: 'ChangeProgrammeBudget',
    data: {
      year: 2022,
      amountVnd: 8_000_000_000,
      decisionNo: '1234/QĐ-UBND',
      reason: 'bổ sung kinh phí',
      ...data,
    },
  });

  describe('when the programme exists', () => {
    it('records the new budget of the year with the one it replaces', () => {
      spec
        .given([created])
        .when(change(), context)
        .then([
          {
            type: 'ProgrammeBudgetChanged',
            data: {
              year: 2022,
              previousAmountVnd: 7_808_200_000,
              amountVnd: 8_000_000_000,
              decisionNo: '1234/QĐ-UBND',
              reason: 'bổ sung kinh phí',
            },
          },
        ]);
    });

    it('gives a year that had no budget one, replacing 0', () => {
      spec
        .given([created])
        .when(change({ year: 2025, amountVnd: 5_000_000_000 }), context)
        .then([
          {
            type: 'ProgrammeBudgetChanged',
            data: {
              year: 2025,
              previousAmountVnd: 0,
              amountVnd: 5_000_000_000,
              decisionNo: '1234/QĐ-UBND',
              reason: 'bổ sung kinh phí',
            },
          },
        ]);
    });

    it('compares with the budget as already changed', () => {
      const earlier: ProgrammeEvent = {
        type: 'ProgrammeBudgetChanged',
        data: {
          year: 2022,
          previousAmountVnd: 7_808_200_000,
          amountVnd: 6_000_000_000,
          decisionNo: '1',
          reason: 'cắt giảm',
        },
      };
      spec
        .given([created, earlier])
        .when(change({ amountVnd: 0, reason: 'thu hồi' }), context)
        .then([
          {
            type: 'ProgrammeBudgetChanged',
            data: {
              year: 2022,
              previousAmountVnd: 6_000_000_000,
              amountVnd: 0,
              decisionNo: '1234/QĐ-UBND',
              reason: 'thu hồi',
            },
          },
        ]);
    });

    it.each([2020, 2026])('refuses a budget for %i, outside the programme', (year) => {
      spec
        .given([created])
        .when(change({ year }), context)
        .thenThrows('budget_year_outside_programme', { kind: 'rule', field: 'year' });
    });

    it.each([-1, 1.5, 2 ** 53])('refuses %p đồng', (amountVnd) => {
      spec
        .given([created])
        .when(change({ amountVnd }), context)
        .thenThrows('invalid_amount', { kind: 'rule', field: 'amountVnd' });
    });

    it('refuses a change without a decision number', () => {
      spec
        .given([created])
        .when(change({ decisionNo: '' }), context)
        .thenThrows('decision_no_required', { kind: 'rule', field: 'decisionNo' });
    });

    it('refuses a change without a reason', () => {
      spec
        .given([created])
        .when(change({ reason: ' ' }), context)
        .thenThrows('reason_required', { kind: 'rule', field: 'reason' });
    });
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
  const set = (
    data: Partial<{ targets: typeof targets; decisionNo: string; reason: string }> = {},
  ): ProgrammeCommand => ({
    type: 'SetProgrammeTargets',
    data: { targets, decisionNo: '99/QĐ-UBND', reason: 'điều chỉnh mục tiêu', ...data },
  });

  it('replaces the targets', () => {
    spec
      .given([created])
      .when(set(), context)
      .then([
        {
          type: 'ProgrammeTargetsSet',
          data: { targets, decisionNo: '99/QĐ-UBND', reason: 'điều chỉnh mục tiêu' },
        },
      ]);
  });

  it('may clear every target', () => {
    spec
      .given([created])
      .when(set({ targets: [] }), context)
      .then([
        {
          type: 'ProgrammeTargetsSet',
          data: { targets: [], decisionNo: '99/QĐ-UBND', reason: 'điều chỉnh mục tiêu' },
        },
      ]);
  });

  it('refuses an unknown indicator', () => {
    spec
      .given([created])
      .when(set({ targets: [{ indicator: 'nonsense', target: 1 }] }), context)
      .thenThrows('unknown_indicator', { kind: 'rule', field: 'targets[0].indicator' });
  });

  it('refuses the same indicator twice', () => {
    spec
      .given([created])
      .when(set({ targets: [...targets, { indicator: 'trainees', target: 5 }] }), context)
      .thenThrows('duplicate_target_indicator', { kind: 'rule', field: 'targets[2].indicator' });
  });

  it('refuses a target that is not a positive whole number', () => {
    spec
      .given([created])
      .when(set({ targets: [{ indicator: 'trainees', target: 0 }] }), context)
      .thenThrows('invalid_target', { kind: 'rule', field: 'targets[0].target' });
  });

  it('refuses targets without a decision number or a reason', () => {
    spec
      .given([created])
      .when(set({ decisionNo: '' }), context)
      .thenThrows('decision_no_required', { kind: 'rule', field: 'decisionNo' });
    spec
      .given([created])
      .when(set({ reason: '' }), context)
      .thenThrows('reason_required', { kind: 'rule', field: 'reason' });
  });

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

  it('records the 2022 production value of 73,396 billion đồng in VND', () => {
    spec
      .given([created])
      .when(record(production2022), context)
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: { ...production2022, unit: 'VND', estimated: false, replacesEarlierValue: false },
        },
      ]);
  });

  it('records the export value against its target, in US dollars', () => {
    spec
      .given([created])
      .when(
        record({
          year: 2023,
          code: 'export_value_usd',
          value: 902_389_000,
          target: 900_000_000,
          unit: 'USD',
        }),
        context,
      )
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: {
            year: 2023,
            code: 'export_value_usd',
            value: 902_389_000,
            target: 900_000_000,
            unit: 'USD',
            estimated: false,
            replacesEarlierValue: false,
          },
        },
      ]);
  });

  it('records the establishments counted on 30 June 2023', () => {
    spec
      .given([created])
      .when(
        record({
          year: 2023,
          code: 'rural_industrial_establishments',
          value: 9_413,
          asOf: '2023-06-30',
          note: ' Cục Thống kê ',
        }),
        context,
      )
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: {
            year: 2023,
            code: 'rural_industrial_establishments',
            value: 9_413,
            unit: 'establishments',
            asOf: '2023-06-30',
            note: 'Cục Thống kê',
            estimated: false,
            replacesEarlierValue: false,
          },
        },
      ]);
  });

  it('records an estimate as one', () => {
    spec
      .given([created])
      .when(
        record({
          year: 2023,
          code: 'rural_industrial_production_value_vnd',
          value: 73_000_000_000_000,
          estimated: true,
        }),
        context,
      )
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: {
            year: 2023,
            code: 'rural_industrial_production_value_vnd',
            value: 73_000_000_000_000,
            unit: 'VND',
            estimated: true,
            replacesEarlierValue: false,
          },
        },
      ]);
  });

  it('records a free-form indicator in its own unit, negative when it is a change', () => {
    spec
      .given([created])
      .when(
        record({
          year: 2023,
          code: 'establishments_change_since_2020',
          value: -381,
          unit: 'establishments',
        }),
        context,
      )
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: {
            year: 2023,
            code: 'establishments_change_since_2020',
            value: -381,
            unit: 'establishments',
            estimated: false,
            replacesEarlierValue: false,
          },
        },
      ]);
  });

  it('replaces an earlier value for the same year and code', () => {
    const earlier: ProgrammeEvent = {
      type: 'ContextIndicatorRecorded',
      data: {
        ...production2022,
        value: 70_000_000_000_000,
        unit: 'VND',
        estimated: true,
        replacesEarlierValue: false,
      },
    };
    spec
      .given([created, earlier])
      .when(record(production2022), context)
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: { ...production2022, unit: 'VND', estimated: false, replacesEarlierValue: true },
        },
      ]);
  });

  it('does not replace the value of another year or another code', () => {
    const earlier: ProgrammeEvent = {
      type: 'ContextIndicatorRecorded',
      data: { ...production2022, unit: 'VND', estimated: false, replacesEarlierValue: false },
    };
    spec
      .given([created, earlier])
      .when(record({ ...production2022, year: 2023 }), context)
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: {
            ...production2022,
            year: 2023,
            unit: 'VND',
            estimated: false,
            replacesEarlierValue: false,
          },
        },
      ]);
    spec
      .given([created, earlier])
      .when(record({ year: 2022, code: 'export_value_usd', value: 1 }), context)
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: {
            year: 2022,
            code: 'export_value_usd',
            value: 1,
            unit: 'USD',
            estimated: false,
            replacesEarlierValue: false,
          },
        },
      ]);
  });

  it('accepts the baseline year before the programme and its last year', () => {
    for (const year of [2020, 2025]) {
      spec
        .given([created])
        .when(record({ year, code: 'rural_industrial_establishments', value: 9_794 }), context)
        .then([
          {
            type: 'ContextIndicatorRecorded',
            data: {
              year,
              code: 'rural_industrial_establishments',
              value: 9_794,
              unit: 'establishments',
              estimated: false,
              replacesEarlierValue: false,
            },
          },
        ]);
    }
  });

  it.each([2019, 2026])('refuses %i, neither a programme year nor its baseline', (year) => {
    spec
      .given([created])
      .when(record({ ...production2022, year }), context)
      .thenThrows('context_year_outside_programme', { kind: 'rule', field: 'year' });
  });

  it('refuses a year that is not a whole year', () => {
    spec
      .given([created])
      .when(record({ ...production2022, year: 2022.5 }), context)
      .thenThrows('invalid_year', { kind: 'rule', field: 'year' });
  });

  it.each(['', 'Export', 'export value', '1st'])('refuses the code %j', (code) => {
    spec
      .given([created])
      .when(record({ year: 2022, code, value: 1, unit: 'x' }), context)
      .thenThrows('invalid_context_indicator_code', { kind: 'rule', field: 'code' });
  });

  it('refuses a known indicator in another unit', () => {
    spec
      .given([created])
      .when(record({ year: 2022, code: 'export_value_usd', value: 1, unit: 'VND' }), context)
      .thenThrows('context_indicator_unit_mismatch', { kind: 'rule', field: 'unit' });
  });

  it('refuses a free-form indicator without a unit', () => {
    spec
      .given([created])
      .when(record({ year: 2022, code: 'growth_rate', value: 34 }), context)
      .thenThrows('context_indicator_unit_required', { kind: 'rule', field: 'unit' });
  });

  it.each([-1, 1.5, 2 ** 53])('refuses a known indicator valued %p', (value) => {
    spec
      .given([created])
      .when(record({ ...production2022, value }), context)
      .thenThrows('invalid_context_indicator_value', { kind: 'rule', field: 'value' });
  });

  it('refuses a negative target on a known indicator', () => {
    spec
      .given([created])
      .when(record({ ...production2022, target: -1 }), context)
      .thenThrows('invalid_context_indicator_value', { kind: 'rule', field: 'target' });
  });

  it('refuses an as-of date that is not a date', () => {
    spec
      .given([created])
      .when(record({ ...production2022, asOf: '2022-13-01' }), context)
      .thenThrows('invalid_date', { kind: 'rule', field: 'asOf' });
  });

  it('accepts an as-of date of today and refuses tomorrow', () => {
    spec
      .given([created])
      .when(record({ year: 2023, code: 'export_value_usd', value: 1, asOf: '2023-07-15' }), context)
      .then([
        {
          type: 'ContextIndicatorRecorded',
          data: {
            year: 2023,
            code: 'export_value_usd',
            value: 1,
            unit: 'USD',
            asOf: '2023-07-15',
            estimated: false,
            replacesEarlierValue: false,
          },
        },
      ]);
    spec
      .given([created])
      .when(record({ year: 2023, code: 'export_value_usd', value: 1, asOf: '2023-07-16' }), context)
      .thenThrows('as_of_in_future', { kind: 'rule', field: 'asOf' });
  });

  it('refuses an as-of date outside the year recorded', () => {
    spec
      .given([created])
      .when(record({ ...production2022, asOf: '2023-01-01' }), context)
      .thenThrows('as_of_outside_year', { kind: 'rule', field: 'asOf' });
  });

  it('answers that a programme that does not exist records nothing', () => {
    spec
      .given([])
      .when(record(production2022), context)
      .thenThrows('programme_not_found', { kind: 'not_found' });
  });
});
