import { formatDate, formatInteger, formatPercent, formatVnd } from './vi-format';

describe('Vietnamese number format', () => {
  it('separates thousands with dots', () => {
    expect(formatInteger(23_308_200_000)).toBe('23.308.200.000');
    expect(formatInteger(13_216_387_314)).toBe('13.216.387.314');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(1000)).toBe('1.000');
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(-381)).toBe('-381');
    expect(formatInteger(-1_234_567)).toBe('-1.234.567');
  });

  it('writes an amount in đồng', () => {
    expect(formatVnd(10_091_812_686)).toBe('10.091.812.686 đồng');
  });

  it('writes the seed disbursement rate as 56,7% from the integers', () => {
    expect(formatPercent(13_216_387_314, 23_308_200_000)).toBe('56,7%');
  });

  it('rounds half up at the last decimal and keeps trailing zeros', () => {
    expect(formatPercent(1, 8)).toBe('12,5%');
    expect(formatPercent(1, 8, 0)).toBe('13%');
    expect(formatPercent(1, 3)).toBe('33,3%');
    expect(formatPercent(2, 3)).toBe('66,7%');
    expect(formatPercent(1, 1)).toBe('100,0%');
    expect(formatPercent(0, 5)).toBe('0,0%');
    expect(formatPercent(902_389_000, 900_000_000)).toBe('100,3%');
    expect(formatPercent(123_456, 100, 1)).toBe('123.456,0%');
  });

  it('has no rate without a denominator', () => {
    expect(formatPercent(5, 0)).toBe('–');
  });

  it('writes business dates day first', () => {
    expect(formatDate('2023-06-30')).toBe('30/06/2023');
  });
});
