import type { Database } from 'better-sqlite3';
import { rate, type Vnd } from '../../shared/vnd';

export type DisbursementGrouping = 'year' | 'district' | 'activityType' | 'fundingSource';

const GROUP_COLUMN: Record<DisbursementGrouping, string> = {
  year: 'plan_year',
  district: 'district',
  activityType: 'activity_type',
  fundingSource: 'funding_source',
};

/** Projects whose approved funding still stands: not rejected, not cancelled, approved at all. */
const LIVE_APPROVED = `status IN ('approved', 'in_execution', 'accepted', 'settled')`;

export interface DisbursementRow {
  readonly key: string;
  readonly projects: number;
  readonly approvedVnd: Vnd;
  readonly disbursedVnd: Vnd;
  readonly settledVnd: Vnd;
  readonly rate: number | null;
}

export interface DisbursementFilter {
  readonly planYear?: number;
  readonly district?: string;
  /** Only projects of these plan years (a programme's years). */
  readonly years?: readonly number[];
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
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.planYear !== undefined) {
    clauses.push('plan_year = @planYear');
    params.planYear = filter.planYear;
  }
  if (filter.district !== undefined) {
    clauses.push('district = @district');
    params.district = filter.district;
  }
  if (filter.years !== undefined) {
    clauses.push(`plan_year IN (${filter.years.map((y) => Number(y)).join(',') || 'NULL'})`);
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const select = `COUNT(*) AS projects,
      COALESCE(SUM(CASE WHEN ${LIVE_APPROVED} THEN approved_vnd ELSE 0 END), 0) AS approvedVnd,
      COALESCE(SUM(net_disbursed_vnd), 0) AS disbursedVnd,
      COALESCE(SUM(settled_vnd), 0) AS settledVnd`;
  const rows = db
    .prepare(`SELECT CAST(${column} AS TEXT) AS key, ${select} FROM project_summary ${where} GROUP BY ${column} ORDER BY ${column}`)
    .all(params) as Omit<DisbursementRow, 'rate'>[];
  const total = db.prepare(`SELECT 'total' AS key, ${select} FROM project_summary ${where}`).get(params) as Omit<
    DisbursementRow,
    'rate'
  >;
  const withRate = (row: Omit<DisbursementRow, 'rate'>): DisbursementRow => ({
    ...row,
    rate: rate(row.disbursedVnd, row.approvedVnd),
  });
  return { rows: rows.map(withRate), total: withRate(total) };
}
