import { addDays, periodOf, type BusinessDate, type Period } from '../../shared/business-date';

/** Calendar helpers the rules need on top of src/shared/business-date.ts. */

export function firstDayOf(period: Period): BusinessDate {
  return `${period}-01`;
}

export function lastDayOf(period: Period): BusinessDate {
  return addDays(firstDayOf(nextPeriod(period)), -1);
}

export function previousPeriod(period: Period): Period {
  return periodOf(addDays(firstDayOf(period), -1));
}

export function nextPeriod(period: Period): Period {
  // Day 28 exists in every month, and 28 + 4 always lands in the next one.
  return periodOf(addDays(`${period}-28`, 4));
}

/** Day `day` of the period, or its last day when the month is shorter (31 → 30 April). */
export function dayOfPeriod(period: Period, day: number): BusinessDate {
  const last = lastDayOf(period);
  return day >= Number(last.slice(8)) ? last : `${period}-${String(day).padStart(2, '0')}`;
}

/** Day `day` of month `month` of `year`, clamped to the month's last day. */
export function dayOfYear(year: number, month: number, day: number): BusinessDate {
  return dayOfPeriod(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`, day);
}

export function laterOf(a: BusinessDate, b: BusinessDate): BusinessDate {
  return a >= b ? a : b;
}

/**
 * Caches a function of one date for the length of a scan: 100,000 projects share a few
 * thousand distinct dates, and date arithmetic through `Date` is the costly part of a rule.
 */
export function memoPerDate<T>(fn: (date: BusinessDate) => T): (date: BusinessDate) => T {
  const cache = new Map<BusinessDate, T>();
  return (date) => {
    let value = cache.get(date);
    if (value === undefined) {
      value = fn(date);
      cache.set(date, value);
    }
    return value;
  };
}
