import { addDays, isBusinessDate, type BusinessDate } from '../shared/business-date';

/**
 * Administrative units over time (DOMAIN.md, docs/domain.md). Until 30 June 2025 a province
 * had districts (huyện, thị xã, thành phố thuộc tỉnh) over its communes; from 1 July 2025 the
 * district tier is gone and communes, wards and special zones stand directly under the
 * province (Resolution 202/2025/QH15). A unit is never edited into another: it ends, and the
 * units its territory went to are its successors, so a 2023 project stays with its district
 * while a 2026 plan is registered by communes.
 */

/** The tier a unit stands at. Wards and special zones are `commune` with their own kind. */
export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * What the unit is in law. `agency` is a registering body that is no territory (the
 * provincial Industrial Promotion Center registers its own tasks).
 */
export const UNIT_KINDS = [
  'province',
  'centrally_run_city',
  'provincial_city',
  'town',
  'rural_district',
  'ward',
  'commune',
  'township',
  'special_zone',
  'agency',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface AdministrativeUnit {
  /** The official code (General Statistics Office list), or the Center's own for an agency. */
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly kind: UnitKind;
  /** The unit it stands under (absent for a province). */
  readonly parent?: string;
  /** First day in force; absent: in force before anything this product records. */
  readonly validFrom?: BusinessDate;
  /** Last day in force; absent: still in force. */
  readonly validTo?: BusinessDate;
  /** The units its territory went to when it ended. */
  readonly successors: readonly string[];
  /** Keys it was recorded under before units had codes here (a district's `bien-hoa`). */
  readonly formerKeys?: readonly string[];
  /** Where reminders are mailed; optional until the Center records it. */
  readonly email?: string;
  /** The published list the unit comes from. */
  readonly source: string;
  /** False where no published source could confirm the unit or its code. */
  readonly verified: boolean;
}

export function isInForce(unit: AdministrativeUnit, date: BusinessDate): boolean {
  return (
    (unit.validFrom === undefined || unit.validFrom <= date) &&
    (unit.validTo === undefined || unit.validTo >= date)
  );
}

/** The units in force on `date`, in the order given. */
export function unitsAsOf(
  units: readonly AdministrativeUnit[],
  date: BusinessDate,
): AdministrativeUnit[] {
  return units.filter((unit) => isInForce(unit, date));
}

/**
 * Where a unit's figures go when rolled up to the units in force on `asOf`: along the
 * successor links while each step has one successor. A unit whose territory was split
 * (several successors) stays itself, marked `split`, because no single unit of today holds it.
 */
export interface RolledUp {
  readonly code: string;
  /** The unit's own code was replaced by a successor's. */
  readonly rolledUp: boolean;
  /** Somewhere along the way a unit went to several successors. */
  readonly split: boolean;
}

export function rollUp(
  byCode: ReadonlyMap<string, AdministrativeUnit>,
  code: string,
  asOf: BusinessDate,
): RolledUp {
  let current = byCode.get(code);
  const seen = new Set<string>();
  while (current && !isInForce(current, asOf) && !seen.has(current.code)) {
    seen.add(current.code);
    if (current.successors.length !== 1) {
      const split = current.successors.length > 1;
      return { code: current.code, rolledUp: current.code !== code, split };
    }
    const next = byCode.get(current.successors[0]);
    if (!next) break;
    current = next;
  }
  const reached = current?.code ?? code;
  return { code: reached, rolledUp: reached !== code, split: false };
}

/** A problem in a list of units, naming the unit and the field. */
export interface UnitListProblem {
  readonly code: string;
  readonly field: string;
  readonly problem: string;
}

/**
 * What must hold of a list of units before it is taken: unique codes, known parents and
 * successors, dates in order, a successor in force the day after its predecessor ends.
 */
export function unitListProblems(units: readonly AdministrativeUnit[]): UnitListProblem[] {
  const problems: UnitListProblem[] = [];
  const byCode = new Map<string, AdministrativeUnit>();
  const note = (code: string, field: string, problem: string) =>
    problems.push({ code, field, problem });
  for (const unit of units) {
    if (typeof unit.code !== 'string' || unit.code.trim() === '')
      note(String(unit.code), 'code', 'a unit needs a code');
    else if (byCode.has(unit.code)) note(unit.code, 'code', 'the code is used twice');
    byCode.set(unit.code, unit);
  }
  for (const unit of units) {
    if (typeof unit.name !== 'string' || unit.name.trim() === '')
      note(unit.code, 'name', 'a unit needs a name');
    if (!UNIT_LEVELS.includes(unit.level)) note(unit.code, 'level', 'not a level');
    if (!UNIT_KINDS.includes(unit.kind)) note(unit.code, 'kind', 'not a kind');
    for (const field of ['validFrom', 'validTo'] as const) {
      const date = unit[field];
      if (date !== undefined && !isBusinessDate(date)) note(unit.code, field, 'not a date');
    }
    if (unit.validFrom && unit.validTo && unit.validFrom > unit.validTo)
      note(unit.code, 'validTo', 'ends before it begins');
    if (unit.parent !== undefined && !byCode.has(unit.parent))
      note(unit.code, 'parent', `no unit ${unit.parent}`);
    if (unit.successors.length > 0 && unit.validTo === undefined)
      note(unit.code, 'successors', 'a unit still in force has no successors');
    for (const successor of unit.successors) {
      const next = byCode.get(successor);
      if (!next) note(unit.code, 'successors', `no unit ${successor}`);
      else if (unit.validTo && next.validFrom && next.validFrom > addDays(unit.validTo, 1))
        note(unit.code, 'successors', `${successor} begins after a gap`);
    }
  }
  return problems;
}
