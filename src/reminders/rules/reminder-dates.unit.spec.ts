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
  it.each([
    [
      'step back from January into December of the year before',
      previousPeriod('2025-01'),
      '2024-12',
    ],
    ['step back within a year', previousPeriod('2024-06'), '2024-05'],
    ['step forward from December into January of the next year', nextPeriod('2024-12'), '2025-01'],
    ['step forward within a year', nextPeriod('2024-01'), '2024-02'],
    ['know the first day of a month', firstDayOf('2024-02'), '2024-02-01'],
    ['know the last day of February in a leap year', lastDayOf('2024-02'), '2024-02-29'],
    ['know the last day of February in other years', lastDayOf('2023-02'), '2023-02-28'],
    ['know the last day of December', lastDayOf('2024-12'), '2024-12-31'],
    ['keep a day the month has', dayOfPeriod('2024-05', 25), '2024-05-25'],
    ['clamp the 31st to the end of April', dayOfPeriod('2024-04', 31), '2024-04-30'],
    ['clamp the 30th to the end of February', dayOfPeriod('2023-02', 30), '2023-02-28'],
    ['keep the 1st', dayOfPeriod('2024-05', 1), '2024-05-01'],
    ['find a day of a month of a year', dayOfYear(2025, 1, 22), '2025-01-22'],
    ['pick the later date when it comes second', laterOf('2024-05-25', '2024-05-26'), '2024-05-26'],
    ['pick the later date when it comes first', laterOf('2024-05-25', '2024-05-01'), '2024-05-25'],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
