import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are shown as the province lives them. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const GROUPED = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0, useGrouping: true });

/** Whole đồng with dot grouping: 1.234.567 đ. */
export function vnd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return `${GROUPED.format(amount)} đ`;
}

export function integer(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return GROUPED.format(value);
}

/** 0.9364 → 93,64 % */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(rate * 100)} %`;
}

/** A business date YYYY-MM-DD as dd/MM/yyyy. */
export function businessDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A recording instant in Asia/Ho_Chi_Minh: dd/MM/yyyy HH:mm. */
export function instant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).tz(TIME_ZONE).format('DD/MM/YYYY HH:mm');
}

/** A period YYYY-MM as tháng MM/yyyy. */
export function period(value: string | null | undefined): string {
  if (!value) return '—';
  const [y, m] = value.split('-');
  return `tháng ${m}/${y}`;
}

/** Today in the province, YYYY-MM-DD. */
export function today(): string {
  return dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
}
