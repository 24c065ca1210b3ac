import type { ShownBeneficiary } from '../../personal-data/shown-beneficiary';
import type { ProjectView } from '../domain/project.view';
import { rate } from '../../shared/vnd';
import type { AppliedNorm } from '../domain/project.money-rules';

/** A project as the API shows it (API.md "GET /projects/{id}"), with the extra money fields auditors ask for. */
export interface ProjectDetails {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly planYear: number;
  readonly district: string;
  readonly title: string;
  readonly activityType: string;
  readonly fundingSource: string;
  readonly beneficiary: ShownBeneficiary | ProjectView['beneficiary'];
  /** The code of the commune-level unit where the establishment is; null where none was given. */
  readonly beneficiaryUnit: string | null;
  readonly requestedFundingVnd: number;
  readonly counterpartFundingVnd: number;
  readonly appraisedFundingVnd: number | null;
  readonly approvedFundingVnd: number | null;
  readonly advancesVnd: number;
  readonly paymentsVnd: number;
  readonly recoveredVnd: number;
  /** Net disbursed: advances + payments − recoveries. */
  readonly disbursedVnd: number;
  readonly settledVnd: number;
  readonly amountToRecoverVnd: number;
  readonly disbursementRate: number | null;
  readonly targets: ProjectView['targets'];
  readonly progressRate: number | null;
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly approvalDecisionNo: string | null;
  /** The support norm the funding was judged by, with its legal basis (project.view.ts). */
  readonly supportNorm: AppliedNorm | null;
  readonly startedOn: string | null;
  readonly acceptedOn: string | null;
  readonly settledOn: string | null;
  readonly cancellationReason: string | null;
  readonly rejectionReason: string | null;
  readonly updatedAt: string;
}

/**
 * Progress toward the targets: the mean over targets of achieved/target, each capped at 1
 * (over-achieving one indicator does not hide another left behind). Null without targets.
 */
export function progressRate(targets: ProjectView['targets']): number | null {
  if (targets.length === 0) return null;
  // Indicator counts, not money: each capped ratio is computed from integers, then averaged.
  const sum = targets.reduce((acc, t) => acc + (rate(Math.min(t.achieved, t.target), t.target) ?? 0), 0);
  return Math.round((sum / targets.length) * 10_000) / 10_000;
}

export function toProjectDetails(view: ProjectView, version: number, updatedAt: string): ProjectDetails {
  return {
    id: view.projectId,
    version,
    status: view.status,
    planYear: view.planYear,
    district: view.district,
    title: view.title,
    activityType: view.activityType,
    fundingSource: view.fundingSource,
    beneficiary: view.beneficiary,
    beneficiaryUnit: view.beneficiaryUnit,
    requestedFundingVnd: view.requestedFundingVnd,
    counterpartFundingVnd: view.counterpartFundingVnd,
    appraisedFundingVnd: view.appraisedFundingVnd,
    approvedFundingVnd: view.approvedFundingVnd,
    advancesVnd: view.advancesVnd,
    paymentsVnd: view.paymentsVnd,
    recoveredVnd: view.recoveredVnd,
    disbursedVnd: view.netDisbursedVnd,
    settledVnd: view.settledVnd,
    amountToRecoverVnd: view.amountToRecoverVnd,
    disbursementRate: view.disbursementRate,
    targets: view.targets,
    progressRate: progressRate(view.targets),
    plannedStart: view.plannedStart,
    plannedEnd: view.plannedEnd,
    approvalDecisionNo: view.approvalDecisionNo,
    supportNorm: view.supportNorm,
    startedOn: view.startedOn,
    acceptedOn: view.acceptedOn,
    settledOn: view.settledOn,
    cancellationReason: view.cancellationReason,
    rejectionReason: view.rejectionReason,
    updatedAt,
  };
}
