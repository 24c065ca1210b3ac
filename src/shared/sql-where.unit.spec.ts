import { whereEqual } from './sql-where';

describe('whereEqual', () => {
  const columns = { planYear: 's.plan_year', district: 's.district' };

  it('is empty when no field of the filter is set', () => {
    expect(whereEqual({}, columns)).toEqual({ where: '', params: {} });
  });

  it('joins the set fields with AND, in the order of the columns, then the other conditions', () => {
    expect(whereEqual({ district: 'xuan-loc', planYear: 2024 }, columns, ['x IN (1)'])).toEqual({
      where: 'WHERE s.plan_year = @planYear AND s.district = @district AND x IN (1)',
      params: { planYear: 2024, district: 'xuan-loc' },
    });
  });

  it('binds only fields that have a column', () => {
    expect(whereEqual({ planYear: 2024, page: 2 }, columns)).toEqual({
      where: 'WHERE s.plan_year = @planYear',
      params: { planYear: 2024 },
    });
  });
});
