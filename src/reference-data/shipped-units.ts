import shipped from './administrative-units.json';
import {
  unitListProblems,
  type AdministrativeUnit,
  type UnitKind,
  type UnitLevel,
} from './administrative-units';

/**
 * The administrative units shipped with the product: the old Đồng Nai and Bình Phước with
 * their districts and communes (until 30/06/2025), the new Đồng Nai's 95 commune-level units
 * (from 01/07/2025) with what each was formed from, and the changes of 30/04/2026 known from
 * community sources only (unverified). docs/domain.md says where each list came from.
 */
interface ShippedUnit extends Omit<AdministrativeUnit, 'level' | 'kind' | 'source'> {
  readonly level: string;
  readonly kind: string;
  readonly source: string;
}

const sources: Readonly<Record<string, string>> = shipped.sources;

export const SHIPPED_UNITS: readonly AdministrativeUnit[] = (
  shipped.units as readonly ShippedUnit[]
).map((unit) => {
  const source = sources[unit.source];
  if (source === undefined) throw new Error(`Unit ${unit.code} names no known source`);
  return { ...unit, level: unit.level as UnitLevel, kind: unit.kind as UnitKind, source };
});

const problems = unitListProblems(SHIPPED_UNITS);
if (problems.length > 0) {
  throw new Error(
    `The shipped administrative units are unsound: ${problems
      .map((p) => `${p.code} ${p.field}: ${p.problem}`)
      .join('; ')}`,
  );
}
