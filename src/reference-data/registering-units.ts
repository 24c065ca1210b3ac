import type { BusinessDate } from '../shared/business-date';
import { ruleBroken } from '../shared/domain-error';
import { UnitRegistry, type AdministrativeUnit } from './administrative-units';
import type { ReferenceData, RegisteringUnit } from './reference-data';

/**
 * The units that register proposals with the Center, by the key they are recorded under: the
 * province's districts until 30/06/2025 (under their former keys, `bien-hoa`), its communes,
 * wards and special zones from 01/07/2025 (under their codes), any unit the reference data
 * lists without dates, and the Center itself under the province's code (`75`), for its own
 * tasks in every year (marked `center`). A 2023 registration stays with its district; a 2026 plan is registered
 * by communes. Pure; memoised per reference data, which is replaced, never changed.
 */
export type RegisteringUnits = Readonly<Record<string, RegisteringUnit>>;

const cache = new WeakMap<ReferenceData, RegisteringUnits>();

export function registeringUnits(reference: ReferenceData): RegisteringUnits {
  let found = cache.get(reference);
  if (!found) {
    found = collect(reference);
    cache.set(reference, found);
  }
  return found;
}

function collect(reference: ReferenceData): RegisteringUnits {
  const units: Record<string, RegisteringUnit> = { ...reference.districts };
  for (const unit of reference.units ?? []) {
    if (unit.parent !== reference.province || unit.level === 'province') continue;
    const key = unit.formerKeys?.[0] ?? unit.code;
    units[key] = merged(units[key], unit);
  }
  const { province, center } = reference;
  // The Center's own tasks are no district's or commune's: it registers them under the
  // province's code, in every year, whatever the map of its units.
  if (province !== undefined && center !== undefined)
    units[province] = {
      name: center.name,
      ...(center.email !== undefined && { email: center.email }),
      code: province,
      center: true,
    };
  return units;
}

/** One key over the units that held it in turn (a commune that became a ward keeps its code). */
function merged(known: RegisteringUnit | undefined, unit: AdministrativeUnit): RegisteringUnit {
  const dated = known?.name !== undefined && (known.validFrom || known.validTo);
  const validFrom = dated ? earliest(known.validFrom, unit.validFrom) : unit.validFrom;
  const validTo = dated ? latest(known.validTo, unit.validTo) : unit.validTo;
  const later = !dated || (unit.validFrom ?? '') >= (known.validFrom ?? '');
  return {
    name: later ? unit.name : known.name,
    email: unit.email ?? known?.email,
    ...(validFrom && { validFrom }),
    ...(validTo && { validTo }),
    code: unit.code,
  };
}

const earliest = (a?: BusinessDate, b?: BusinessDate) =>
  a === undefined || b === undefined ? undefined : a < b ? a : b;
const latest = (a?: BusinessDate, b?: BusinessDate) =>
  a === undefined || b === undefined ? undefined : a > b ? a : b;

/** Whether the unit existed on some day of the plan year `year`. */
export function registersIn(unit: RegisteringUnit, year: number): boolean {
  return (
    (unit.validFrom === undefined || unit.validFrom <= `${year}-12-31`) &&
    (unit.validTo === undefined || unit.validTo >= `${year}-01-01`)
  );
}

/**
 * The keys of the units expected to submit a registration to the plan of `year`: what a plan
 * lists, the plan-status report shows, the compiled plan finds missing and the reminders chase.
 * The Center is not among them: it registers its own tasks and compiles the plan.
 */
export function registeringKeysIn(reference: ReferenceData, year: number): string[] {
  return Object.entries(registeringUnits(reference))
    .filter(([, unit]) => !unit.center && registersIn(unit, year))
    .map(([key]) => key);
}

/** Whether `key` is the Center's own unit (the province's code), not a district's or commune's. */
export function isCenterUnit(reference: ReferenceData, key: string): boolean {
  const units = registeringUnits(reference);
  return Object.hasOwn(units, key) && units[key].center === true;
}

/**
 * The key of a unit that may register for the plan of `year`: known, and in existence on some
 * day of that year (a district ended on 30/06/2025 registers for 2025, never for 2026).
 */
export function requireRegisteringUnit(
  key: unknown,
  reference: ReferenceData,
  year: number,
  field = 'district',
): string {
  const units = registeringUnits(reference);
  const unit = typeof key === 'string' && Object.hasOwn(units, key) ? units[key] : undefined;
  if (typeof key !== 'string' || !unit)
    throw ruleBroken('unknown_district', `${String(key)} is not a known registering unit`, field);
  if (!registersIn(unit, year)) {
    const when =
      unit.validTo && unit.validTo < `${year}-01-01`
        ? `ended on ${unit.validTo}`
        : `begins on ${unit.validFrom}`;
    throw ruleBroken(
      'unit_not_in_force',
      `${unit.name} (${key}) ${when}: it does not register for ${year}`,
      field,
    );
  }
  return key;
}

/** Where a registering unit's figures go when rolled up (administrative-units.ts, `RolledUp`). */
export interface RolledUpUnit {
  /** The key the figures are shown under: the unit's own, or its one successor's. */
  readonly key: string;
  readonly rolledUp: boolean;
  /** Its territory went to several units: shown as it was, marked. */
  readonly split: boolean;
}

const registries = new WeakMap<ReferenceData, UnitRegistry>();

/** The administrative units of the reference data, by code and date (memoised). */
export function unitRegistryOf(reference: ReferenceData): UnitRegistry {
  let registry = registries.get(reference);
  if (!registry) {
    registry = new UnitRegistry(reference.units ?? []);
    registries.set(reference, registry);
  }
  return registry;
}

/**
 * The figures of the unit recorded as `key` for the plan of `year`, rolled up to the units in
 * force on `asOf`, under the key its successor is recorded with. A key that names no dated
 * unit stays as it is.
 */
export function rollUpUnit(
  reference: ReferenceData,
  key: string,
  year: number,
  asOf: BusinessDate,
): RolledUpUnit {
  const unit = (reference.units ?? []).find(
    (u) =>
      u.parent === reference.province &&
      (u.code === key || u.formerKeys?.includes(key)) &&
      registersIn(u, year),
  );
  if (!unit) return { key, rolledUp: false, split: false };
  const yearStart = `${year}-01-01`;
  const on = unit.validFrom && unit.validFrom > yearStart ? unit.validFrom : yearStart;
  const reached = unitRegistryOf(reference).rollUp(unit.code, on, asOf);
  if (reached.split || reached.code === unit.code)
    return { key, rolledUp: false, split: reached.split };
  const successor = unitRegistryOf(reference).on(reached.code, asOf);
  return { key: successor?.formerKeys?.[0] ?? reached.code, rolledUp: true, split: false };
}

/**
 * The key a registering unit is recorded under, given that key or the unit's official code
 * (`734` and `tan-phu` both name Huyện Tân Phú, recorded as `tan-phu`). Anything else is
 * returned as it is, for the checks to refuse.
 */
export function registeringKeyOf(reference: ReferenceData, value: string): string {
  if (Object.hasOwn(registeringUnits(reference), value)) return value;
  const unit = (reference.units ?? []).find(
    (u) => u.code === value && u.parent === reference.province && u.formerKeys?.length,
  );
  return unit?.formerKeys?.[0] ?? value;
}

/** The official code of the unit recorded under `key` (a former district's key: its code). */
export function unitCodeOf(reference: ReferenceData, key: string): string {
  const unit = (reference.units ?? []).find(
    (u) => u.parent === reference.province && u.formerKeys?.includes(key),
  );
  return unit?.code ?? key;
}
