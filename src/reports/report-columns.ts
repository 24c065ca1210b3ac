import type { DisbursementRow } from '../projects/read-models/disbursement-report';
import type { CsvColumn } from './csv';
import type { PlanStatusRow } from './plan-status-report';
import type { ProgressRow } from './progress-report';

/** The CSV columns of each report: the JSON field names, in the JSON order. */

export const DISBURSEMENT_COLUMNS: readonly CsvColumn<DisbursementRow>[] = [
  { header: 'key', value: (r) => r.key },
  { header: 'projects', value: (r) => r.projects },
  { header: 'approvedVnd', value: (r) => r.approvedVnd },
  { header: 'disbursedVnd', value: (r) => r.disbursedVnd },
  { header: 'settledVnd', value: (r) => r.settledVnd },
  { header: 'rate', value: (r) => r.rate },
];

export const PROGRESS_COLUMNS: readonly CsvColumn<ProgressRow>[] = [
  { header: 'key', value: (r) => r.key },
  { header: 'indicator', value: (r) => r.indicator },
  { header: 'target', value: (r) => r.target },
  { header: 'achieved', value: (r) => r.achieved },
  { header: 'rate', value: (r) => r.rate },
];

export const PLAN_STATUS_COLUMNS: readonly CsvColumn<PlanStatusRow>[] = [
  { header: 'year', value: (r) => r.year },
  { header: 'programCode', value: (r) => r.programCode },
  { header: 'planStatus', value: (r) => r.planStatus },
  { header: 'registrationDeadline', value: (r) => r.registrationDeadline },
  { header: 'district', value: (r) => r.district },
  { header: 'status', value: (r) => r.status },
  { header: 'submittedOn', value: (r) => r.submittedOn },
  { header: 'submissions', value: (r) => r.submissions },
  { header: 'projects', value: (r) => r.projects },
];
