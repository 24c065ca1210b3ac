import { DomainError } from '../shared/domain-error';
import { DEFAULT_REFERENCE_DATA } from './default-reference-data';
import { registeringKeysIn, registeringUnits, requireRegisteringUnit } from './registering-units';

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
