import {
  budgetChanged,
  DN_PROGRAMME,
  indicatorRecorded,
  programmeCreated,
} from '../../../test/support/programmes/programme-fixtures';
import { replay } from '../../shared/decider';
import { programmeDecider } from './programme.decider';
import type { ProgrammeEvent } from './programme.events';
import { budgetForYear, programmeSpanOf, programmeView, type Programme } from './programme.state';

// Budgets given out of order on purpose: the state keeps budgets by year.
const created = programmeCreated({ budgets: [...DN_PROGRAMME.budgets].reverse() });

const stateAfter = (...events: ProgrammeEvent[]) => replay(programmeDecider, events);
/** The state of the programme created, then `events`. */
const programmeAfter = (...events: ProgrammeEvent[]) => stateAfter(created, ...events) as Programme;
const viewAfter = (...events: ProgrammeEvent[]) => programmeView(stateAfter(...events));

describe('a programme that was never created', () => {
  it('has no view and no span', () => {
    expect(programmeView(programmeDecider.initialState())).toBeNull();
    expect(programmeSpanOf(programmeDecider.initialState())).toBeUndefined();
  });

  it('ignores an event that can only follow its creation', () => {
    expect(stateAfter(budgetChanged(2022, 0, 1))).toEqual({ status: 'none' });
  });
});

describe('when created', () => {
  it('shows its budgets by year and computes their total', () => {
    // DN_PROGRAMME lists its budgets by year; `created` gave them reversed.
    expect(viewAfter(created)).toEqual({
      ...DN_PROGRAMME,
      totalBudgetVnd: 23_308_200_000,
      contextIndicators: [],
    });
  });

  it('tells a plan the years it spans', () => {
    expect(programmeSpanOf(stateAfter(created))).toEqual({
      code: 'DN-2021-2025',
      fromYear: 2021,
      toYear: 2025,
    });
  });
});

describe('when a budget is changed by decision', () => {
  it('replaces that year only, and the total follows', () => {
    const view = viewAfter(created, budgetChanged(2022, 7_808_200_000, 9_000_000_000));
    expect(view?.budgets).toEqual([
      { year: 2021, amountVnd: 7_500_000_000 },
      { year: 2022, amountVnd: 9_000_000_000 },
      { year: 2023, amountVnd: 8_000_000_000 },
    ]);
    expect(view?.totalBudgetVnd).toBe(24_500_000_000);
  });

  it('adds a year that had no budget in its place', () => {
    const state = programmeAfter(budgetChanged(2025, 0, 1_000), budgetChanged(2024, 0, 2_000));
    expect(state.budgets.map((b) => b.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(budgetForYear(state, 2024)).toBe(2_000);
    expect(programmeView(state)?.totalBudgetVnd).toBe(23_308_203_000);
  });

  it('the latest decision wins', () => {
    const state = programmeAfter(budgetChanged(2021, 7_500_000_000, 1), budgetChanged(2021, 1, 2));
    expect(budgetForYear(state, 2021)).toBe(2);
  });
});

describe('when targets are set', () => {
  it('replaces every earlier target', () => {
    const set: ProgrammeEvent = {
      type: 'ProgrammeTargetsSet',
      data: { targets: [{ indicator: 'workshops', target: 20 }], decisionNo: '1', reason: 'r' },
    };
    expect(viewAfter(created, set)?.targets).toEqual([{ indicator: 'workshops', target: 20 }]);
  });
});

describe('when context indicators are recorded', () => {
  it('keeps the latest value per year and code, ordered by year then code', () => {
    const view = viewAfter(
      created,
      indicatorRecorded(2023, 'rural_industrial_production_value_vnd', 73_000_000_000_000, {
        estimated: true,
      }),
      indicatorRecorded(2022, 'rural_industrial_production_value_vnd', 70_000_000_000_000),
      indicatorRecorded(2023, 'export_value_usd', 902_389_000, {
        unit: 'USD',
        target: 900_000_000,
      }),
      indicatorRecorded(2022, 'rural_industrial_production_value_vnd', 73_396_000_000_000, {
        replacesEarlierValue: true,
      }),
    );
    expect(view?.contextIndicators).toEqual([
      {
        year: 2022,
        code: 'rural_industrial_production_value_vnd',
        value: 73_396_000_000_000,
        unit: 'VND',
        estimated: false,
      },
      {
        year: 2023,
        code: 'export_value_usd',
        value: 902_389_000,
        target: 900_000_000,
        unit: 'USD',
        estimated: false,
      },
      {
        year: 2023,
        code: 'rural_industrial_production_value_vnd',
        value: 73_000_000_000_000,
        unit: 'VND',
        estimated: true,
      },
    ]);
  });

  it('does not carry the replacement flag into the state', () => {
    const view = viewAfter(
      created,
      indicatorRecorded(2022, 'x', 1, { replacesEarlierValue: true }),
    );
    expect(view?.contextIndicators[0]).not.toHaveProperty('replacesEarlierValue');
  });
});

describe('recorded budgets whose total passes the largest safe amount', () => {
  // decide refuses such budgets; a recorded stream (an import) must still fold and show.
  it('show a total clamped at Number.MAX_SAFE_INTEGER instead of throwing', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const view = viewAfter(created, budgetChanged(2021, 7_500_000_000, max));
    expect(view?.totalBudgetVnd).toBe(max);
  });
});
