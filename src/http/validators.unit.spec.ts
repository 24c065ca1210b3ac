import { validateSync } from 'class-validator';
import { IsBusinessDate, IsPeriod, IsVnd } from './validators';

class Amounts {
  @IsVnd() amountVnd: unknown;
}
class Dates {
  @IsBusinessDate() paidOn: unknown;
}
class Periods {
  @IsPeriod() period: unknown;
}
class ManyAmounts {
  @IsVnd({ each: true }) budgetsVnd: unknown;
}

function errorsFor<T extends object>(type: new () => T, field: keyof T, value: unknown): string[] {
  const instance = Object.assign(new type(), { [field]: value });
  return validateSync(instance).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('@IsVnd', () => {
  it.each([0, 1, 1_500_000_000, Number.MAX_SAFE_INTEGER])('accepts %p đồng', (value) => {
    expect(errorsFor(Amounts, 'amountVnd', value)).toEqual([]);
  });

  it.each([
    ['a numeric string', '100'],
    ['a fraction', 1.5],
    ['a negative amount', -1],
    ['an amount beyond the safe integers', 2 ** 53],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['null', null],
    ['a missing value', undefined],
  ])('refuses %s', (_what, value) => {
    expect(errorsFor(Amounts, 'amountVnd', value)).toEqual([
      expect.stringMatching(/^amountVnd must be a whole, non-negative number of VND/),
    ]);
  });

  it('checks each item of an array when asked to', () => {
    expect(errorsFor(ManyAmounts, 'budgetsVnd', [1, 2])).toEqual([]);
    expect(errorsFor(ManyAmounts, 'budgetsVnd', [1, 2.5])).toEqual([
      expect.stringMatching(/^each value in budgetsVnd must be a whole/),
    ]);
  });
});

describe('@IsBusinessDate', () => {
  it.each(['2024-02-29', '2023-12-31'])('accepts %p', (value) => {
    expect(errorsFor(Dates, 'paidOn', value)).toEqual([]);
  });

  it.each([['2023-02-29'], ['2024-2-1'], ['2024-04-31'], ['2024-01-01T00:00:00Z'], [20240101]])(
    'refuses %p',
    (value) => {
      expect(errorsFor(Dates, 'paidOn', value)).toEqual([
        'paidOn must be a calendar date written YYYY-MM-DD',
      ]);
    },
  );
});

describe('@IsPeriod', () => {
  it('accepts a month', () => {
    expect(errorsFor(Periods, 'period', '2024-12')).toEqual([]);
  });

  it.each([['2024-13'], ['2024-12-01'], ['2024/12'], [202412]])('refuses %p', (value) => {
    expect(errorsFor(Periods, 'period', value)).toEqual(['period must be a month written YYYY-MM']);
  });
});
