import { addDays, businessDateOf, daysBetween, isBusinessDate, isPeriod, periodOf } from './business-date';

describe('business dates', () => {
  it('are real calendar dates written YYYY-MM-DD', () => {
    expect(isBusinessDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2023-02-30', '2024-13-01', '2024-1-05', '20240105', '2024-01-05T00:00:00Z', 20240105]) {
      expect(isBusinessDate(bad)).toBe(false);
    }
  });

  it('are taken in Asia/Ho_Chi_Minh: 17:00 UTC is already the next day there', () => {
    expect(businessDateOf(new Date('2024-12-31T16:59:59Z'))).toBe('2024-12-31');
    expect(businessDateOf(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });

  it('move by whole days across months and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(daysBetween('2024-05-05', '2024-05-20')).toBe(15);
    expect(daysBetween('2024-05-20', '2024-05-05')).toBe(-15);
  });

  it('have months as periods YYYY-MM', () => {
    expect(periodOf('2024-05-25')).toBe('2024-05');
    expect(isPeriod('2024-05')).toBe(true);
    expect(isPeriod('2024-13')).toBe(false);
    expect(isPeriod('2024-5')).toBe(false);
  });
});
