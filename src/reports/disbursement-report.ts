import type { Database } from 'better-sqlite3';
import { whereEqual, type SqlParams } from '../shared/sql-where';
import { rate, sumVnd, type Vnd } from '../shared/vnd';

/** `unit`: the registering unit as registered (the same key as `district`, its older name). */
export type DisbursementGrouping =
  'year' | 'district' | 'unit' | 'activityType' | 'fundingSource' | 'programme';

export const DISBURSEMENT_GROUPINGS: readonly DisbursementGrouping[] = [
  'year',
  'district',
  'unit',
  'activityType',
  'fundingSource',
  'programme',
];

// A project reaches its programme through the plan of its plan year; a year without a plan
// has no programme and groups under the empty key.
const GROUP_COLUMN: Record<DisbursementGrouping, string> = {
  year: 's.plan_year',
  district: 's.district',
  unit: 's.district',
  activityType: 's.activity_type',
  fundingSource: 's.funding_source',
  programme: "COALESCE(p.program_code, '')",
};

/** Statuses whose approved funding still stands: approved at all, and not rejected or cancelled. */
export const LIVE_APPROVED_STATUSES = ['approved', 'in_execution', 'accepted', 'settled'] as const;
export const LIVE_APPROVED = `s.status IN (${LIVE_APPROVED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** The project read model joined to the plan of each project's year (for its programme). */
export const PROJECTS_WITH_PROGRAMME = `project_summary s LEFT JOIN plan_summary p ON p.year = s.plan_year`;

/** The sums every disbursement row holds (what approved, disbursed and settled mean). */
const SUMS = `COUNT(*) AS projects,
      COALESCE(SUM(CASE WHEN ${LIVE_APPROVED} THEN s.approved_vnd ELSE 0 END), 0) AS approvedVnd,
      COALESCE(SUM(s.net_disbursed_vnd), 0) AS disbursedVnd,
      COALESCE(SUM(s.settled_vnd), 0) AS settledVnd`;

export interface DisbursementRow {
  readonly key: string;
  readonly projects: number;
  readonly approvedVnd: Vnd;
  readonly disbursedVnd: Vnd;
  readonly settledVnd: Vnd;
  readonly rate: number | null;
  /** Rolled up by unit: the figures of a former unit now shown under its one successor. */
  readonly rolledUp?: boolean;
  /** Rolled up by unit: a former unit split among several, shown as it was. */
  readonly split?: boolean;
}

/** Where the figures of the unit `key` registered for `planYear` go (registering-units.ts). */
export type UnitRollUp = (
  key: string,
  planYear: number,
) => { readonly key: string; readonly rolledUp: boolean; readonly split: boolean };

export interface DisbursementFilter {
  readonly planYear?: number;
  readonly district?: string;
  /** Only projects of these plan years (a programme's years). */
  readonly years?: readonly number[];
  /** Only projects whose plan year's plan belongs to this programme. */
  readonly programCode?: string;
}

/** The WHERE clause and its parameters for a filter over `PROJECTS_WITH_PROGRAMME`. */
export function projectFilterSql(filter: DisbursementFilter): { where: string; params: SqlParams } {
  const years = filter.years?.map((y) => Number(y)).join(',');
  return whereEqual(
    filter,
    { planYear: 's.plan_year', district: 's.district', programCode: 'p.program_code' },
    years === undefined ? [] : [`s.plan_year IN (${years || 'NULL'})`],
  );
}

/**
 * Budget against disbursement per group. Sums are SQLite integer sums (exact, 64-bit);
 * `approvedVnd` counts live projects only; `disbursedVnd` is the net money out
 * (advances + payments − recoveries) of every project, cancelled ones included, because
 * that money left the treasury until it is recovered. `rate` = disbursed / approved.
 */
export function disbursementReport(
  db: Database,
  groupBy: DisbursementGrouping,
  filter: DisbursementFilter,
): { rows: DisbursementRow[]; total: DisbursementRow } {
  const column = GROUP_COLUMN[groupBy];
  const { where, params } = projectFilterSql(filter);
  const rows = db
    .prepare(
      `SELECT CAST(${column} AS TEXT) AS key, ${SUMS} FROM ${PROJECTS_WITH_PROGRAMME} ${where}
       GROUP BY ${column} ORDER BY ${column}`,
    )
    .all(params) as Omit<DisbursementRow, 'rate'>[];
  const total = db
    .prepare(`SELECT 'total' AS key, ${SUMS} FROM ${PROJECTS_WITH_PROGRAMME} ${where}`)
    .get(params) as Omit<DisbursementRow, 'rate'>;
  const withRate = (row: Omit<DisbursementRow, 'rate'>): DisbursementRow => ({
    ...row,
    rate: rate(row.disbursedVnd, row.approvedVnd),
  });
  return { rows: rows.map(withRate), total: withRate(total) };
}

/**
 * Budget against disbursement by registering unit, rolled up along the successor links:
 * each unit's figures (per plan year, as the unit of that year is meant) go to its one
 * successor; a split unit keeps its own row, marked. Sums stay exact (sumVnd).
 */
export function disbursementByUnitRolledUp(
  db: Database,
  filter: DisbursementFilter,
  rollUp: UnitRollUp,
): { rows: DisbursementRow[]; total: DisbursementRow } {
  const { where, params } = projectFilterSql(filter);
  const parts = db
    .prepare(
      `SELECT s.district AS key, s.plan_year AS planYear, ${SUMS}
       FROM ${PROJECTS_WITH_PROGRAMME} ${where} GROUP BY s.district, s.plan_year`,
    )
    .all(params) as (Omit<DisbursementRow, 'rate'> & { planYear: number })[];
  const merged = new Map<string, Omit<DisbursementRow, 'rate'>>();
  for (const { planYear, ...part } of parts) {
    const target = rollUp(part.key, planYear);
    const known = merged.get(target.key);
    merged.set(target.key, {
      key: target.key,
      projects: (known?.projects ?? 0) + part.projects,
      approvedVnd: sumVnd([known?.approvedVnd ?? 0, part.approvedVnd]),
      disbursedVnd: sumVnd([known?.disbursedVnd ?? 0, part.disbursedVnd]),
      settledVnd: sumVnd([known?.settledVnd ?? 0, part.settledVnd]),
      rolledUp: (known?.rolledUp ?? false) || target.rolledUp,
      split: (known?.split ?? false) || target.split,
    });
  }
  const rows = [...merged.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((row) => ({ ...row, rate: rate(row.disbursedVnd, row.approvedVnd) }));
  return { rows, total: disbursementReport(db, 'year', filter).total };
}
