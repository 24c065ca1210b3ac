import type { DisbursementRow } from './disbursement-report';
import { fieldColumns } from './csv';
import type { PlanStatusRow } from './plan-status-report';
import type { ProgressRow } from './progress-report';

/** The CSV columns of each report: the JSON field names, in the JSON order. */

export const DISBURSEMENT_COLUMNS = fieldColumns<DisbursementRow>(
  'key',
  'projects',
  'approvedVnd',
  'disbursedVnd',
  'settledVnd',
  'rate',
);

export const PROGRESS_COLUMNS = fieldColumns<ProgressRow>(
  'key',
  'indicator',
  'target',
  'achieved',
  'rate',
);

export const PLAN_STATUS_COLUMNS = fieldColumns<PlanStatusRow>(
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
