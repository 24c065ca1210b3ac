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
  /**
   * The official code (General Statistics Office list). A code can stand for another unit
   * later (a merged commune keeps the code of the one that hosts its seat: 26068 was Phường
   * Hóa An until 30/06/2025 and is Phường Biên Hòa from 01/07/2025), so a unit is its code on
   * a date; two units with one code are never in force on the same day.
   */
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly kind: UnitKind;
  /** The code of the unit it stands under (absent for a province). */
  readonly parent?: string;
  /** First day in force; absent: in force before anything this product records. */
  readonly validFrom?: BusinessDate;
  /** Last day in force; absent: still in force. */
  readonly validTo?: BusinessDate;
  /** The codes of the units its territory went to, each in force the day after it ended. */
  readonly successors: readonly string[];
  /** Keys it was recorded under before units had codes here (a district's `bien-hoa`). */
  readonly formerKeys?: readonly string[];
  /** Where reminders are mailed; optional until the Center records it. */
  readonly email?: string;
  /** The published list the unit comes from. */
  readonly source: string;
  /** False where no published source could confirm the unit, its code or its dates. */
  readonly verified: boolean;
}

export function isInForce(unit: AdministrativeUnit, date: BusinessDate): boolean {
  return (
    (unit.validFrom === undefined || unit.validFrom <= date) &&
    (unit.validTo === undefined || unit.validTo >= date)
  );
}

/** Where a unit's figures go when rolled up to the units in force on a date. */
export interface RolledUp {
  readonly code: string;
  /** The unit's own code was replaced by a successor's. */
  readonly rolledUp: boolean;
  /** Somewhere along the way a unit went to several successors: it is shown as it was. */
  readonly split: boolean;
}

/** Units by code and date: the unit a code named on a day, and where it went. */
export class UnitRegistry {
  private readonly byCode = new Map<string, AdministrativeUnit[]>();

  constructor(readonly units: readonly AdministrativeUnit[]) {
    for (const unit of units) {
      const same = this.byCode.get(unit.code) ?? [];
      same.push(unit);
      this.byCode.set(unit.code, same);
    }
  }

  /** The unit `code` named on `date`, if any. */
  on(code: string, date: BusinessDate): AdministrativeUnit | undefined {
    return this.byCode.get(code)?.find((unit) => isInForce(unit, date));
  }

  /** Every unit that ever had `code`, in the order given. */
  everyWith(code: string): readonly AdministrativeUnit[] {
    return this.byCode.get(code) ?? [];
  }

  /** The units in force on `date`, in the order given. */
  asOf(date: BusinessDate): AdministrativeUnit[] {
    return this.units.filter((unit) => isInForce(unit, date));
  }

  /** The units `unit`'s territory went to, each as it was the day after `unit` ended. */
  successorsOf(unit: AdministrativeUnit): (AdministrativeUnit | undefined)[] {
    if (unit.validTo === undefined) return [];
    const next = addDays(unit.validTo, 1);
    return unit.successors.map((code) => this.on(code, next));
  }

  /**
   * Where the figures of the unit `code` named on `recordedOn` go when rolled up to the units
   * in force on `asOf`: along the successor links while each step has one successor. A unit
   * whose territory was split stays itself, marked `split`: no one unit of `asOf` holds it.
   */
  rollUp(code: string, recordedOn: BusinessDate, asOf: BusinessDate): RolledUp {
    let current = this.on(code, recordedOn);
    for (let steps = 0; current && !isInForce(current, asOf) && steps < 100; steps++) {
      if (current.successors.length > 1)
        return { code: current.code, rolledUp: current.code !== code, split: true };
      const [next] = this.successorsOf(current);
      if (!next) break;
      current = next;
    }
    const reached = current?.code ?? code;
    return { code: reached, rolledUp: reached !== code, split: false };
  }
}

/** A problem in a list of units, naming the unit and the field. */
export interface UnitListProblem {
  readonly code: string;
  readonly field: string;
  readonly problem: string;
}

const overlap = (a: AdministrativeUnit, b: AdministrativeUnit): boolean =>
  (a.validFrom === undefined || b.validTo === undefined || a.validFrom <= b.validTo) &&
  (b.validFrom === undefined || a.validTo === undefined || b.validFrom <= a.validTo);

/**
 * What must hold of a list of units before it is taken: one unit per code on any day, known
 * parents, dates in order, and each successor in force the day after its predecessor ends.
 */
export function unitListProblems(units: readonly AdministrativeUnit[]): UnitListProblem[] {
  const problems: UnitListProblem[] = [];
  const note = (code: string, field: string, problem: string) =>
    problems.push({ code, field, problem });
  const registry = new UnitRegistry(units);
  for (const [index, unit] of units.entries()) {
    if (typeof unit.code !== 'string' || unit.code.trim() === '') {
      note(String(unit.code), 'code', 'a unit needs a code');
      continue;
    }
    if (units.slice(0, index).some((other) => other.code === unit.code && overlap(other, unit)))
      note(unit.code, 'code', 'two units with this code are in force on the same day');
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
    if (unit.parent !== undefined && registry.everyWith(unit.parent).length === 0)
      note(unit.code, 'parent', `no unit ${unit.parent}`);
    if (unit.successors.length > 0 && unit.validTo === undefined)
      note(unit.code, 'successors', 'a unit still in force has no successors');
    registry.successorsOf(unit).forEach((next, i) => {
      if (!next)
        note(unit.code, 'successors', `no unit ${unit.successors[i]} the day after it ends`);
    });
  }
  return problems;
}
