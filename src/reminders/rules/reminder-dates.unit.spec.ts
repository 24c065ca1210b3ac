import {
  dayOfPeriod,
  dayOfYear,
  firstDayOf,
  lastDayOf,
  laterOf,
  nextPeriod,
  previousPeriod,
} from './reminder-dates';

describe('reminder calendar helpers', () => {
  it('step back from January into December of the year before', () => {
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(previousPeriod('2024-06')).toBe('2024-05');
  });

  it('step forward from December into January of the next year', () => {
    expect(nextPeriod('2024-12')).toBe('2025-01');
    expect(nextPeriod('2024-01')).toBe('2024-02');
  });

  it('know the first and last day of a month, leap years included', () => {
    expect(firstDayOf('2024-02')).toBe('2024-02-01');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2023-02')).toBe('2023-02-28');
    expect(lastDayOf('2024-12')).toBe('2024-12-31');
  });

  it('clamp a day to the end of a shorter month', () => {
    expect(dayOfPeriod('2024-05', 25)).toBe('2024-05-25');
    expect(dayOfPeriod('2024-04', 31)).toBe('2024-04-30');
    expect(dayOfPeriod('2023-02', 30)).toBe('2023-02-28');
    expect(dayOfPeriod('2024-05', 1)).toBe('2024-05-01');
    expect(dayOfYear(2025, 1, 22)).toBe('2025-01-22');
  });

  it('pick the later of two dates', () => {
    expect(laterOf('2024-05-25', '2024-05-26')).toBe('2024-05-26');
    expect(laterOf('2024-05-25', '2024-05-01')).toBe('2024-05-25');
  });
});
