import type { disbursementReport, DisbursementRow } from './disbursement-report';
import { fieldColumns } from './csv';
import type { planStatusReport, PlanStatusRow } from './plan-status-report';
import type { progressReport, ProgressRow } from './progress-report';
import type { ReportCsv } from './report-response';

/** Each report as CSV: its rows with the JSON field names as columns, in the JSON order. */

const DISBURSEMENT_COLUMNS = fieldColumns<DisbursementRow>(
  'key',
  'projects',
  'approvedVnd',
  'disbursedVnd',
  'settledVnd',
  'rate',
);

const PROGRESS_COLUMNS = fieldColumns<ProgressRow>(
  'key',
  'indicator',
  'target',
  'achieved',
  'rate',
);

const PLAN_STATUS_COLUMNS = fieldColumns<PlanStatusRow>(
  'year',
  'programCode',
  'planStatus',
  'registrationDeadline',
  'district',
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

export const PROGRESS_CSV: ReportCsv<ReturnType<typeof progressReport>, ProgressRow> = {
  filename: 'progress.csv',
  columns: PROGRESS_COLUMNS,
  rows: (report) => report.rows,
};

export const PLAN_STATUS_CSV: ReportCsv<ReturnType<typeof planStatusReport>, PlanStatusRow> = {
  filename: 'plan-status.csv',
  columns: PLAN_STATUS_COLUMNS,
  rows: (report) => report.rows,
};
