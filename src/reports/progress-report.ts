import type { Database } from 'better-sqlite3';
import {
  LIVE_APPROVED,
  PROJECTS_WITH_PROGRAMME,
  projectFilterSql,
  type DisbursementFilter,
} from './disbursement-report';
import { rate } from '../shared/vnd';

/** `unit`: the registering unit as registered (the same key as `district`, its older name). */
export type ProgressGrouping = 'indicator' | 'district' | 'unit' | 'year';
export const PROGRESS_GROUPINGS: readonly ProgressGrouping[] = [
  'indicator',
  'district',
  'unit',
  'year',
];

export interface ProgressRow {
  readonly key: string;
  readonly indicator: string;
  readonly target: number;
  readonly achieved: number;
  /** achieved / target to 4 decimals, from the integers; null without a target. */
  readonly rate: number | null;
}

export type ProgressFilter = Pick<DisbursementFilter, 'planYear' | 'district' | 'programCode'>;

const KEY: Record<ProgressGrouping, string> = {
  indicator: 'i.indicator',
  district: 's.district',
  unit: 's.district',
  year: 's.plan_year',
};

/**
 * Indicator targets against achievements, per indicator, or per district or plan year and
 * indicator. Only live projects count (approved, in execution, accepted, settled): a rejected
 * or cancelled line neither commits to a target nor delivers a programme result.
 *
 * Grouped by indicator for one programme (and not limited to a district), the targets are
 * the programme's own: what the province set, not the sum of what projects promised.
 * Indicators achieved without a programme target follow with target 0.
 */
export function progressReport(
  db: Database,
  groupBy: ProgressGrouping,
  filter: ProgressFilter,
): { rows: ProgressRow[] } {
  const { where, params } = projectFilterSql(filter);
  const live = where ? `${where} AND ${LIVE_APPROVED}` : `WHERE ${LIVE_APPROVED}`;
  const sums = db
    .prepare(
      `SELECT CAST(${KEY[groupBy]} AS TEXT) AS key, i.indicator AS indicator,
         COALESCE(SUM(i.target), 0) AS target, COALESCE(SUM(i.achieved), 0) AS achieved
       FROM ${PROJECTS_WITH_PROGRAMME} JOIN project_indicators i ON i.project_id = s.project_id
       ${live}
       GROUP BY ${KEY[groupBy]}, i.indicator ORDER BY ${KEY[groupBy]}, i.indicator`,
    )
    .all(params) as { key: string; indicator: string; target: number; achieved: number }[];

  if (
    groupBy === 'indicator' &&
    filter.programCode !== undefined &&
    filter.district === undefined
  ) {
    return { rows: againstProgrammeTargets(db, filter.programCode, sums) };
  }
  return { rows: sums.map((row) => ({ ...row, rate: rate(row.achieved, row.target) })) };
}

function againstProgrammeTargets(
  db: Database,
  programCode: string,
  sums: readonly { indicator: string; achieved: number }[],
): ProgressRow[] {
  const targets = db
    .prepare('SELECT indicator, target FROM programme_targets WHERE code = ? ORDER BY indicator')
    .all(programCode) as { indicator: string; target: number }[];
  const achieved = new Map(sums.map((s) => [s.indicator, s.achieved]));
  const targeted = new Set(targets.map((t) => t.indicator));
  const rows: ProgressRow[] = targets.map(({ indicator, target }) => {
    const value = achieved.get(indicator) ?? 0;
    return { key: indicator, indicator, target, achieved: value, rate: rate(value, target) };
  });
  for (const s of sums) {
    if (!targeted.has(s.indicator)) {
      rows.push({
        key: s.indicator,
        indicator: s.indicator,
        target: 0,
        achieved: s.achieved,
        rate: null,
      });
    }
  }
  return rows;
}
