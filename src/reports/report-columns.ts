import type { disbursementReport, DisbursementRow } from './disbursement-report';
import { fieldColumns } from './csv';
import type { PlanStatusRow } from './plan-status-report';
import type { progressReport, ProgressRow } from './progress-report';
import type { ReportCsv } from './report-response';

/**
 * Each report as CSV: its rows with the JSON field names as columns, in the JSON order, a unit's
 * official code (`unit`) beside the key it is recorded under.
 */

const DISBURSEMENT_COLUMNS = fieldColumns<DisbursementRow>(
  'key',
  'projects',
  'approvedVnd',
  'disbursedVnd',
  'settledVnd',
  'rate',
);

/** A report row grouped by registering unit: its official code beside the key (`bien-hoa`: `731`). */
export type WithUnit<Row> = Row & { readonly unit?: string };

// By unit or district: the unit's code after the key; rolled up, whether a row was rolled up
// or a unit split (empty in the rows of units as registered, and in the total row).
const DISBURSEMENT_BY_UNIT_COLUMNS = fieldColumns<WithUnit<DisbursementRow>>(
  'key',
  'unit',
  'projects',
  'approvedVnd',
  'disbursedVnd',
  'settledVnd',
  'rate',
  'rolledUp',
  'split',
);

const PROGRESS_COLUMNS = fieldColumns<ProgressRow>(
  'key',
  'indicator',
  'target',
  'achieved',
  'rate',
);

const PROGRESS_BY_UNIT_COLUMNS = fieldColumns<WithUnit<ProgressRow>>(
  'key',
  'unit',
  'indicator',
  'target',
  'achieved',
  'rate',
);

/** A plan-status row as answered: the unit's official code beside the key it is recorded under. */
export type PlanStatusAnswerRow = PlanStatusRow & { readonly unit: string };

const PLAN_STATUS_COLUMNS = fieldColumns<PlanStatusAnswerRow>(
  'year',
  'programCode',
  'planStatus',
  'registrationDeadline',
  'district',
  'unit',
  'status',
  'submittedOn',
  'submissions',
  'projects',
);

/** The disbursement rows, then the total row. */
export const DISBURSEMENT_CSV: ReportCsv<ReturnType<typeof disbursementReport>, DisbursementRow> = {
  filename: 'disbursement.csv',
  columns: DISBURSEMENT_COLUMNS,
  rows: (report) => [...report.rows, report.total],
};

/** By unit or district: the rows with the unit's code, then the total row (no unit). */
export const DISBURSEMENT_BY_UNIT_CSV: ReportCsv<
  { readonly rows: readonly WithUnit<DisbursementRow>[]; readonly total: DisbursementRow },
  WithUnit<DisbursementRow>
> = {
  filename: 'disbursement.csv',
  columns: DISBURSEMENT_BY_UNIT_COLUMNS,
  rows: (report) => [...report.rows, report.total],
};

export const PROGRESS_CSV: ReportCsv<ReturnType<typeof progressReport>, ProgressRow> = {
  filename: 'progress.csv',
  columns: PROGRESS_COLUMNS,
  rows: (report) => report.rows,
};

export const PROGRESS_BY_UNIT_CSV: ReportCsv<
  { readonly rows: readonly WithUnit<ProgressRow>[] },
  WithUnit<ProgressRow>
> = {
  filename: 'progress.csv',
  columns: PROGRESS_BY_UNIT_COLUMNS,
  rows: (report) => report.rows,
};

export const PLAN_STATUS_CSV: ReportCsv<
  { readonly rows: readonly PlanStatusAnswerRow[] },
  PlanStatusAnswerRow
> = {
  filename: 'plan-status.csv',
  columns: PLAN_STATUS_COLUMNS,
  rows: (report) => report.rows,
};
