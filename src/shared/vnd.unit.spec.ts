import { isVnd, percentOfFloor, rate, saturatingSumVnd, sumVnd } from './vnd';

describe('VND amounts', () => {
  it('are whole, non-negative, safe integers', () => {
    expect(isVnd(0)).toBe(true);
    expect(isVnd(Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '100', null]) {
      expect(isVnd(bad)).toBe(false);
    }
  });

  it('add exactly, and refuse a sum that leaves the safe range as a broken rule naming the field', () => {
    expect(sumVnd([13_216_387_314, 10_091_812_686])).toBe(23_308_200_000);
    expect(sumVnd([])).toBe(0);
    expect(() => sumVnd([Number.MAX_SAFE_INTEGER, 1], 'amountVnd')).toThrow(
      expect.objectContaining({ code: 'amount_out_of_range', kind: 'rule', field: 'amountVnd' }),
    );
  });

  it('take a percentage rounded down to the đồng, even where a float product would be off', () => {
    expect(percentOfFloor(240_000_000, 70)).toBe(168_000_000);
    expect(percentOfFloor(1, 50)).toBe(0);
    expect(percentOfFloor(3, 50)).toBe(1);
    // 9,007,199,254,740,991 × 70 overflows a double's exact range; BigInt keeps it exact.
    expect(percentOfFloor(Number.MAX_SAFE_INTEGER, 70)).toBe(6_305_039_478_318_693);
  });
});

describe('rates', () => {
  it('are computed from integers and rounded half up to four decimals', () => {
    expect(rate(13_216_387_314, 23_308_200_000)).toBe(0.567);
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 20_000)).toBe(0.0001); // exactly half of the last digit rounds up
  });

  it('are null without a denominator', () => {
    expect(rate(5, 0)).toBeNull();
  });
});

describe('saturating sums (for folding recorded amounts)', () => {
  it('add exactly within the safe range and stop at its top instead of throwing', () => {
    expect(saturatingSumVnd([13_216_387_314, 10_091_812_686])).toBe(23_308_200_000);
    expect(saturatingSumVnd([])).toBe(0);
    expect(saturatingSumVnd([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(saturatingSumVnd([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER])).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });
});
