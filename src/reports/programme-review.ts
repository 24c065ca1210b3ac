import type { Database } from 'better-sqlite3';
import type { ContextIndicator } from '../programmes/domain/programme.types';
import { ProgrammeQueries } from '../programmes/read-models/programme-queries';
import { LIVE_APPROVED, PROJECTS_WITH_PROGRAMME } from './disbursement-report';
import type { ProjectState } from '../projects/domain/project.state';
import { projectView } from '../projects/domain/project.view';
import type { ReferenceData } from '../reference-data/reference-data';
import { ruleBroken } from '../shared/domain-error';
import { rate, sumVnd, type Vnd } from '../shared/vnd';

export interface ReviewYear {
  readonly year: number;
  readonly budgetVnd: Vnd;
  readonly approvedVnd: Vnd;
  readonly disbursedVnd: Vnd;
  /** disbursed / budget, 0..1 to 4 decimals; null without a budget. */
  readonly rate: number | null;
}

export interface ReviewIndicator {
  readonly indicator: string;
  readonly name: string;
  readonly unit: string;
  /** The programme's target; null for an indicator achieved without one. */
  readonly target: number | null;
  readonly achieved: number;
  readonly rate: number | null;
}

export interface CancelledLine {
  readonly projectId: string;
  readonly planYear: number;
  readonly district: string;
  readonly activityType: string;
  readonly activityName: string;
  readonly title: string;
  readonly fundingSource: string;
  readonly reason: string;
  readonly cancelledOn: string | null;
  readonly amountToRecoverVnd: Vnd;
}

/** The programme review (the seed article's report), computed from the read models. */
export interface ProgrammeReview {
  readonly code: string;
  readonly name: string;
  readonly decisionNo: string | null;
  readonly decisionDate: string | null;
  readonly programmeFromYear: number;
  readonly programmeToYear: number;
  readonly from: number;
  readonly to: number;
  /** The programme's budgets for the years from..to, summed. */
  readonly budgetVnd: Vnd;
  /** Net disbursed (advances + payments − recoveries) of the projects of those plan years. */
  readonly disbursedVnd: Vnd;
  readonly rate: number | null;
  /** budget − disbursed, computed (negative if more went out than was budgeted). */
  readonly shortfallVnd: number;
  /** Approved funding of live projects (not rejected or cancelled). */
  readonly approvedVnd: Vnd;
  readonly settledVnd: Vnd;
  readonly years: readonly ReviewYear[];
  readonly projectsByStatus: Readonly<Record<string, number>>;
  readonly indicators: readonly ReviewIndicator[];
  readonly cancelledLines: readonly CancelledLine[];
  readonly contextIndicators: readonly ContextIndicator[];
  /** The log position the read models had reached: the review describes the log up to here. */
  readonly asOfPosition: string;
}

/** The projects of the programme's plans for the years reviewed. */
const IN_SCOPE = 'p.program_code = @code AND s.plan_year BETWEEN @from AND @to';

export interface ReviewRange {
  readonly from?: number;
  readonly to?: number;
}

/** Undefined when there is no such programme. */
export function programmeReview(
  db: Database,
  code: string,
  range: ReviewRange,
  reference: ReferenceData,
  asOfPosition: bigint,
): ProgrammeReview | undefined {
  const programme = new ProgrammeQueries(db).find(code);
  if (!programme) return undefined;
  const from = range.from ?? programme.fromYear;
  const to = range.to ?? programme.toYear;
  if (from > to) throw ruleBroken('invalid_year_range', `from ${from} is after to ${to}`, 'to');
  if (from < programme.fromYear || to > programme.toYear) {
    throw ruleBroken(
      'review_years_outside_programme',
      `${from}–${to} is not within the programme's years ${programme.fromYear}–${programme.toYear}`,
      from < programme.fromYear ? 'from' : 'to',
    );
  }
  const params = { code, from, to };

  const money = db
    .prepare(
      `SELECT s.plan_year AS year,
         COALESCE(SUM(CASE WHEN ${LIVE_APPROVED} THEN s.approved_vnd ELSE 0 END), 0) AS approvedVnd,
         COALESCE(SUM(s.net_disbursed_vnd), 0) AS disbursedVnd,
         COALESCE(SUM(s.settled_vnd), 0) AS settledVnd
       FROM ${PROJECTS_WITH_PROGRAMME} WHERE ${IN_SCOPE} GROUP BY s.plan_year`,
    )
    .all(params) as { year: number; approvedVnd: Vnd; disbursedVnd: Vnd; settledVnd: Vnd }[];
  const moneyOf = new Map(money.map((m) => [m.year, m]));
  const years: ReviewYear[] = [];
  for (let year = from; year <= to; year++) {
    const budgetVnd = programme.budgets.find((b) => b.year === year)?.amountVnd ?? 0;
    const m = moneyOf.get(year);
    const disbursedVnd = m?.disbursedVnd ?? 0;
    years.push({
      year,
      budgetVnd,
      approvedVnd: m?.approvedVnd ?? 0,
      disbursedVnd,
      rate: rate(disbursedVnd, budgetVnd),
    });
  }
  const budgetVnd = sumVnd(years.map((y) => y.budgetVnd));
  const disbursedVnd = sumVnd(years.map((y) => y.disbursedVnd));

  const statuses = db
    .prepare(
      `SELECT s.status AS status, COUNT(*) AS n FROM ${PROJECTS_WITH_PROGRAMME} WHERE ${IN_SCOPE}
       GROUP BY s.status ORDER BY s.status`,
    )
    .all(params) as { status: string; n: number }[];

  return {
    code,
    name: programme.name,
    decisionNo: programme.decisionNo ?? null,
    decisionDate: programme.decisionDate ?? null,
    programmeFromYear: programme.fromYear,
    programmeToYear: programme.toYear,
    from,
    to,
    budgetVnd,
    disbursedVnd,
    rate: rate(disbursedVnd, budgetVnd),
    shortfallVnd: budgetVnd - disbursedVnd,
    approvedVnd: sumVnd(money.map((m) => m.approvedVnd)),
    settledVnd: sumVnd(money.map((m) => m.settledVnd)),
    years,
    projectsByStatus: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
    indicators: indicators(db, params, programme.targets, reference),
    cancelledLines: cancelledLines(db, params, reference),
    // The year before the programme is its baseline (the seed compares 2023 with 2020).
    contextIndicators: programme.contextIndicators.filter(
      (c) => c.year >= (from === programme.fromYear ? from - 1 : from) && c.year <= to,
    ),
    asOfPosition: asOfPosition.toString(),
  };
}

function indicators(
  db: Database,
  params: object,
  targets: readonly { indicator: string; target: number }[],
  reference: ReferenceData,
): ReviewIndicator[] {
  const achievedRows = db
    .prepare(
      `SELECT i.indicator AS indicator, COALESCE(SUM(i.achieved), 0) AS achieved
       FROM ${PROJECTS_WITH_PROGRAMME} JOIN project_indicators i ON i.project_id = s.project_id
       WHERE ${IN_SCOPE} AND ${LIVE_APPROVED}
       GROUP BY i.indicator`,
    )
    .all(params) as { indicator: string; achieved: number }[];
  const achieved = new Map(achievedRows.map((r) => [r.indicator, r.achieved]));
  const describe = (indicator: string) => ({
    indicator,
    name: reference.indicators[indicator]?.name ?? indicator,
    unit: reference.indicators[indicator]?.unit ?? '',
  });
  const rows: ReviewIndicator[] = targets.map(({ indicator, target }) => {
    const value = achieved.get(indicator) ?? 0;
    return { ...describe(indicator), target, achieved: value, rate: rate(value, target) };
  });
  const targeted = new Set(targets.map((t) => t.indicator));
  for (const { indicator, achieved: value } of achievedRows) {
    if (!targeted.has(indicator) && value > 0) {
      rows.push({ ...describe(indicator), target: null, achieved: value, rate: null });
    }
  }
  return rows;
}

function cancelledLines(db: Database, params: object, reference: ReferenceData): CancelledLine[] {
  const rows = db
    .prepare(
      `SELECT s.state_json AS stateJson FROM ${PROJECTS_WITH_PROGRAMME}
       WHERE ${IN_SCOPE} AND s.status = 'cancelled' ORDER BY s.plan_year, s.first_position`,
    )
    .all(params) as { stateJson: string }[];
  return rows.flatMap(({ stateJson }) => {
    const view = projectView(JSON.parse(stateJson) as ProjectState);
    if (!view) return [];
    return [
      {
        projectId: view.projectId,
        planYear: view.planYear,
        district: view.district,
        activityType: view.activityType,
        activityName: reference.activityTypes[view.activityType]?.name ?? view.activityType,
        title: view.title,
        fundingSource: view.fundingSource,
        reason: view.cancellationReason ?? '',
        cancelledOn: view.cancelledOn,
        amountToRecoverVnd: view.amountToRecoverVnd,
      },
    ];
  });
}
