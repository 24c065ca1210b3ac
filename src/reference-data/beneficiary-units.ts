import { ruleBroken } from '../shared/domain-error';
import type { AdministrativeUnit } from './administrative-units';
import type { ReferenceData } from './reference-data';
import { isCenterUnit, registersIn, unitRegistryOf } from './registering-units';

/**
 * Where a beneficiary's establishment is: the official code of a commune-level unit (a commune,
 * ward, township or special zone), as it was in the plan year. Eligibility depends on the
 * place, so it is a code of the administrative units, not free text; and it stays outside the
 * beneficiary's personal data, which is sealed into the vault. Pure.
 */

/** Whether the unit existed on some day of the plan year `year`. */
const existedIn = (unit: AdministrativeUnit, year: number) => registersIn(unit, year);

/**
 * The territory of the registering unit recorded as `key` for `year`: a district's communes,
 * a commune itself, or, for the Center, every commune-level unit of its province.
 */
function withinTerritory(
  reference: ReferenceData,
  key: string,
  year: number,
): (unit: AdministrativeUnit) => boolean {
  const { province } = reference;
  const registry = unitRegistryOf(reference);
  const districtOfProvince = (code: string | undefined) =>
    code !== undefined &&
    registry.everyWith(code).some((d) => d.level === 'district' && d.parent === province);
  if (isCenterUnit(reference, key))
    return (unit) => unit.parent === province || districtOfProvince(unit.parent);
  const registering = (reference.units ?? []).filter(
    (u) =>
      u.parent === province &&
      (u.code === key || u.formerKeys?.includes(key)) &&
      existedIn(u, year),
  );
  return (unit) =>
    registering.some((r) =>
      r.level === 'district'
        ? unit.parent === r.code
        : unit.code === r.code && unit.parent === r.parent,
    );
}

/**
 * The commune-level unit `code` named in a registration by `key` for `year`: one that existed
 * on some day of the year within the registering unit's territory. A code that named two such
 * units in the year (26068 was Phường Hóa An until 30/06/2025, Phường Biên Hòa from 01/07/2025)
 * gives the later. Undefined when there is none.
 */
export function beneficiaryUnitOf(
  reference: ReferenceData,
  code: string,
  key: string,
  year: number,
): AdministrativeUnit | undefined {
  const inTerritory = withinTerritory(reference, key, year);
  const candidates = unitRegistryOf(reference)
    .everyWith(code)
    .filter((unit) => unit.level === 'commune' && existedIn(unit, year) && inTerritory(unit));
  return candidates.reduce<AdministrativeUnit | undefined>(
    (latest, unit) =>
      latest === undefined || (unit.validFrom ?? '') > (latest.validFrom ?? '') ? unit : latest,
    undefined,
  );
}

/**
 * The beneficiary's unit of a registration by `key` for `year`: a commune-level unit that
 * existed on some day of the year (422 `unknown_unit` otherwise) and lies within the
 * registering unit's territory (422 `beneficiary_unit_outside_territory`), naming the field.
 */
export function requireBeneficiaryUnit(
  code: unknown,
  reference: ReferenceData,
  key: string,
  year: number,
  field = 'beneficiaryUnit',
): string {
  if (typeof code !== 'string' || code.trim() === '')
    throw ruleBroken('invalid_unit', `${field} must be the code of a commune-level unit`, field);
  if (beneficiaryUnitOf(reference, code, key, year)) return code;
  const existing = unitRegistryOf(reference)
    .everyWith(code)
    .find((unit) => unit.level === 'commune' && existedIn(unit, year));
  if (!existing)
    throw ruleBroken(
      'unknown_unit',
      `${code} is not a commune, ward or special zone that existed in ${year}`,
      field,
    );
  throw ruleBroken(
    'beneficiary_unit_outside_territory',
    `${existing.name} (${code}) is not within the territory of the registering unit ${key}`,
    field,
  );
}

/** The name of a project's beneficiary unit, as it was in its plan year; null without one. */
export function beneficiaryUnitNameOf(
  reference: ReferenceData,
  project: {
    readonly beneficiaryUnit: string | null;
    readonly district: string;
    readonly planYear: number;
  },
): string | null {
  const { beneficiaryUnit: code, district, planYear } = project;
  if (code === null) return null;
  // Named as it was then; a code the reference data no longer places shows as itself.
  return beneficiaryUnitOf(reference, code, district, planYear)?.name ?? code;
}
