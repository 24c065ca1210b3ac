import { DomainError } from '../shared/domain-error';
import { beneficiaryUnitOf, requireBeneficiaryUnit } from './beneficiary-units';
import { DEFAULT_REFERENCE_DATA as reference } from './default-reference-data';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
};

describe("a beneficiary's unit", () => {
  it("is, for a district, one of the district's communes in the plan year", () => {
    expect(requireBeneficiaryUnit('26119', reference, 'tan-phu', 2023)).toBe('26119');
    expect(beneficiaryUnitOf(reference, '26119', 'tan-phu', 2023)?.name).toBe('Xã Dak Lua');
    expect(refusal(() => requireBeneficiaryUnit('26053', reference, 'tan-phu', 2023))).toEqual({
      code: 'beneficiary_unit_outside_territory',
      field: 'beneficiaryUnit',
    });
  });

  it('is, for a commune, that commune itself, as it was in the year', () => {
    expect(requireBeneficiaryUnit('26116', reference, '26116', 2026)).toBe('26116');
    expect(beneficiaryUnitOf(reference, '26116', '26116', 2025)?.name).toBe('Xã Tân Phú');
    expect(refusal(() => requireBeneficiaryUnit('26485', reference, '26116', 2026))).toEqual({
      code: 'beneficiary_unit_outside_territory',
      field: 'beneficiaryUnit',
    });
  });

  it('is, for the Center, any commune-level unit of the province, of the old map or the new', () => {
    expect(beneficiaryUnitOf(reference, '26053', '75', 2023)?.name).toBe('Phường Bửu Hòa');
    expect(beneficiaryUnitOf(reference, '26485', '75', 2026)?.name).toBe('Phường Nhơn Trạch');
    // A commune of the former Bình Phước was not the Center's province before the merger.
    expect(refusal(() => requireBeneficiaryUnit('25216', reference, '75', 2023))).toEqual({
      code: 'beneficiary_unit_outside_territory',
      field: 'beneficiaryUnit',
    });
  });

  it('gives the later unit where a code named two of them in the year', () => {
    expect(beneficiaryUnitOf(reference, '26068', '75', 2025)?.name).toBe('Phường Biên Hòa');
    expect(beneficiaryUnitOf(reference, '26068', 'bien-hoa', 2025)?.name).toBe('Phường Hóa An');
  });

  it('must have existed on some day of the plan year, and be a commune-level unit', () => {
    expect(refusal(() => requireBeneficiaryUnit('26053', reference, '75', 2026))).toEqual({
      code: 'unknown_unit',
      field: 'beneficiaryUnit',
    });
    expect(refusal(() => requireBeneficiaryUnit('734', reference, '75', 2023))).toEqual({
      code: 'unknown_unit',
      field: 'beneficiaryUnit',
    });
    expect(refusal(() => requireBeneficiaryUnit('99999', reference, '75', 2023))).toEqual({
      code: 'unknown_unit',
      field: 'beneficiaryUnit',
    });
    expect(refusal(() => requireBeneficiaryUnit(' ', reference, '75', 2023))).toEqual({
      code: 'invalid_unit',
      field: 'beneficiaryUnit',
    });
  });
});
