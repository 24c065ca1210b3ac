import { DomainError } from '../shared/domain-error';
import { DEFAULT_REFERENCE_DATA } from './default-reference-data';
import type { AdministrativeUnit } from './administrative-units';
import {
  isCenterUnit,
  registeringKeyOf,
  registeringKeysIn,
  registeringUnits,
  requireRegisteringUnit,
  rollUpUnit,
  unitCodeOf,
} from './registering-units';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
};

describe('the units that register with the Center', () => {
  it("are Đồng Nai's eleven districts for a year before the change", () => {
    expect(registeringKeysIn(DEFAULT_REFERENCE_DATA, 2023)).toEqual(
      Object.keys(DEFAULT_REFERENCE_DATA.districts),
    );
  });

  it('are its 95 commune-level units for a year after it, and both in the year of the change', () => {
    expect(registeringKeysIn(DEFAULT_REFERENCE_DATA, 2026)).toHaveLength(95);
    expect(registeringKeysIn(DEFAULT_REFERENCE_DATA, 2026)).not.toContain('tan-phu');
    expect(registeringKeysIn(DEFAULT_REFERENCE_DATA, 2025)).toHaveLength(11 + 95);
  });

  it('keep one key for a commune that became a ward, under its latest name', () => {
    expect(registeringUnits(DEFAULT_REFERENCE_DATA)['26116']).toEqual({
      name: 'Phường Tân Phú',
      validFrom: '2025-07-01',
      code: '26116',
    });
    expect(registeringUnits(DEFAULT_REFERENCE_DATA)['tan-phu']).toMatchObject({
      name: 'Huyện Tân Phú',
      validTo: '2025-06-30',
    });
  });

  it('take a district for 2023 and a commune for 2026', () => {
    expect(requireRegisteringUnit('tan-phu', DEFAULT_REFERENCE_DATA, 2023)).toBe('tan-phu');
    expect(requireRegisteringUnit('26116', DEFAULT_REFERENCE_DATA, 2026)).toBe('26116');
  });

  it("refuse a district's registration for 2026, naming the field, and an unknown unit", () => {
    expect(refusal(() => requireRegisteringUnit('tan-phu', DEFAULT_REFERENCE_DATA, 2026))).toEqual({
      code: 'unit_not_in_force',
      field: 'district',
    });
    expect(refusal(() => requireRegisteringUnit('26116', DEFAULT_REFERENCE_DATA, 2024))).toEqual({
      code: 'unit_not_in_force',
      field: 'district',
    });
    expect(refusal(() => requireRegisteringUnit('hanoi', DEFAULT_REFERENCE_DATA, 2024))).toEqual({
      code: 'unknown_district',
      field: 'district',
    });
  });

  it('are the listed ones, undated, where the reference data has no units', () => {
    const reference = { ...DEFAULT_REFERENCE_DATA, units: undefined };
    expect(registeringKeysIn(reference, 2090)).toEqual(Object.keys(reference.districts));
  });
});

describe('the Center, a registering unit of its own', () => {
  it("is keyed by the province's code, named after the Center, and registers in every year", () => {
    expect(registeringUnits(DEFAULT_REFERENCE_DATA)['75']).toEqual({
      name: 'Trung tâm Khuyến công và Tư vấn phát triển Công nghiệp Đồng Nai',
      code: '75',
      center: true,
    });
    for (const year of [2021, 2025, 2026, 2031])
      expect(requireRegisteringUnit('75', DEFAULT_REFERENCE_DATA, year)).toBe('75');
    expect(isCenterUnit(DEFAULT_REFERENCE_DATA, '75')).toBe(true);
    expect(isCenterUnit(DEFAULT_REFERENCE_DATA, 'bien-hoa')).toBe(false);
  });

  it('is not among the units expected to register for a plan: it does not remind itself', () => {
    for (const year of [2023, 2025, 2026])
      expect(registeringKeysIn(DEFAULT_REFERENCE_DATA, year)).not.toContain('75');
  });

  it('answers its own code as its unit, and stays itself when rolled up', () => {
    expect(registeringKeyOf(DEFAULT_REFERENCE_DATA, '75')).toBe('75');
    expect(unitCodeOf(DEFAULT_REFERENCE_DATA, '75')).toBe('75');
    expect(rollUpUnit(DEFAULT_REFERENCE_DATA, '75', 2023, '2026-12-04')).toEqual({
      key: '75',
      rolledUp: false,
      split: false,
    });
  });

  it('is absent where the reference data names no Center', () => {
    const reference = { ...DEFAULT_REFERENCE_DATA, center: undefined };
    expect(Object.hasOwn(registeringUnits(reference), '75')).toBe(false);
    expect(refusal(() => requireRegisteringUnit('75', reference, 2023))).toEqual({
      code: 'unknown_district',
      field: 'district',
    });
  });
});

describe('rolling a registering unit up to the units of a date', () => {
  const unit = (code: string, fields: Partial<AdministrativeUnit>): AdministrativeUnit => ({
    code,
    name: `Đơn vị ${code}`,
    level: 'commune',
    kind: 'commune',
    parent: 'P',
    successors: [],
    source: 'test',
    verified: true,
    ...fields,
  });
  /** District `old-a` went whole to commune A1; district `old-b` was split into B1 and B2. */
  const reference = {
    ...DEFAULT_REFERENCE_DATA,
    districts: {},
    province: 'P',
    units: [
      unit('P', { level: 'province', kind: 'province', parent: undefined }),
      unit('D1', {
        level: 'district',
        kind: 'rural_district',
        formerKeys: ['old-a'],
        validTo: '2025-06-30',
        successors: ['A1'],
      }),
      unit('D2', {
        level: 'district',
        kind: 'rural_district',
        formerKeys: ['old-b'],
        validTo: '2025-06-30',
        successors: ['B1', 'B2'],
      }),
      unit('A1', { validFrom: '2025-07-01' }),
      unit('B1', { validFrom: '2025-07-01' }),
      unit('B2', { validFrom: '2025-07-01' }),
    ],
  };

  it.each([
    [
      'a district that went whole to one commune: to the commune',
      'old-a',
      2023,
      { key: 'A1', rolledUp: true, split: false },
    ],
    [
      'a district that was split: itself, marked',
      'old-b',
      2023,
      { key: 'old-b', rolledUp: false, split: true },
    ],
    ['a unit of today: itself', 'A1', 2026, { key: 'A1', rolledUp: false, split: false }],
    [
      'a key no dated unit has: as it is',
      'elsewhere',
      2023,
      { key: 'elsewhere', rolledUp: false, split: false },
    ],
  ])('takes %s', (_case, key, year, expected) => {
    expect(rollUpUnit(reference, key, year, '2026-12-04')).toEqual(expected);
  });

  it("keeps Đồng Nai's districts as they were, split, and its communes as they are", () => {
    expect(rollUpUnit(DEFAULT_REFERENCE_DATA, 'tan-phu', 2023, '2026-12-04')).toEqual({
      key: 'tan-phu',
      rolledUp: false,
      split: true,
    });
    expect(rollUpUnit(DEFAULT_REFERENCE_DATA, '26116', 2026, '2026-12-04')).toEqual({
      key: '26116',
      rolledUp: false,
      split: false,
    });
  });
});
