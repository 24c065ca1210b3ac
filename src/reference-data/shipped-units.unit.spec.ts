import { UnitRegistry, unitListProblems } from './administrative-units';
import { SHIPPED_UNITS } from './shipped-units';

const registry = new UnitRegistry(SHIPPED_UNITS);
const names = (date: string, level: string, parent: string) =>
  registry
    .asOf(date)
    .filter((unit) => unit.level === level && unit.parent === parent)
    .map((unit) => unit.name);

describe('the shipped administrative units', () => {
  it('pass every check a list of units must pass', () => {
    expect(unitListProblems(SHIPPED_UNITS)).toEqual([]);
  });

  it("hold Đồng Nai's eleven districts until 30/06/2025, with the keys they were recorded under", () => {
    const districts = registry
      .asOf('2025-06-30')
      .filter((unit) => unit.level === 'district' && unit.parent === '75');
    expect(districts.map((d) => [d.code, d.formerKeys?.[0]])).toEqual([
      ['731', 'bien-hoa'],
      ['732', 'long-khanh'],
      ['734', 'tan-phu'],
      ['735', 'vinh-cuu'],
      ['736', 'dinh-quan'],
      ['737', 'trang-bom'],
      ['738', 'thong-nhat'],
      ['739', 'cam-my'],
      ['740', 'long-thanh'],
      ['741', 'xuan-loc'],
      ['742', 'nhon-trach'],
    ]);
    expect(names('2025-07-01', 'district', '75')).toEqual([]);
  });

  it('hold the new Đồng Nai of 95 commune-level units from 01/07/2025: 23 wards, 72 communes', () => {
    const units = registry.asOf('2025-07-01').filter((unit) => unit.parent === '75');
    expect(units).toHaveLength(95);
    expect(units.filter((unit) => unit.kind === 'ward')).toHaveLength(23);
    expect(units.filter((unit) => unit.kind === 'commune')).toHaveLength(72);
    expect(registry.on('70', '2025-07-01')).toBeUndefined();
  });

  it('name by one code the unit of the day (26068: Phường Hóa An, then Phường Biên Hòa)', () => {
    expect(registry.on('26068', '2025-06-30')?.name).toBe('Phường Hóa An');
    expect(registry.on('26068', '2025-07-01')?.name).toBe('Phường Biên Hòa');
  });

  it('show a split district as itself when rolled up, and a merged commune as its successor', () => {
    expect(registry.rollUp('731', '2023-05-19', '2026-01-01')).toEqual({
      code: '731',
      rolledUp: false,
      split: true,
    });
    // Phường Hố Nai (26002) went into Phường Long Bình (26020), not the new Phường Hố Nai (26005).
    expect(registry.rollUp('26002', '2023-05-19', '2026-01-01')).toMatchObject({
      code: '26020',
      rolledUp: true,
    });
  });

  it('mark what no official text confirms: the changes of 30/04/2026', () => {
    const unverified = SHIPPED_UNITS.filter((unit) => !unit.verified);
    expect(
      unverified.every((u) => u.validFrom === '2026-04-30' || u.validTo === '2026-04-29'),
    ).toBe(true);
    expect(registry.on('75', '2026-04-30')).toMatchObject({
      name: 'Thành phố Đồng Nai',
      verified: false,
    });
  });
});
