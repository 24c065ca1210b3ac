/**
 * Business dates are calendar dates in Asia/Ho_Chi_Minh written `YYYY-MM-DD`; periods are
 * months written `YYYY-MM`. As strings of fixed width they compare correctly as text.
 */
export type BusinessDate = string;
export type Period = string;

export const BUSINESS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar date in `YYYY-MM-DD` form (2023-02-30 is not one). */
export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isPeriod(value: unknown): value is Period {
  if (typeof value !== 'string') return false;
  const m = PERIOD.exec(value);
  return !!m && Number(m[1]) >= 1900 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

// Building a DateTimeFormat costs far more than using one: make it once.
const BUSINESS_DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The business date of an instant, in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function businessDateOf(instant: Date): BusinessDate {
  return BUSINESS_DATE_FORMAT.format(instant);
}

export function periodOf(date: BusinessDate): Period {
  return date.slice(0, 7);
}

export function yearOf(date: BusinessDate): number {
  return Number(date.slice(0, 4));
}

/** Adds whole days to a business date (calendar arithmetic, no time zone involved). */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
