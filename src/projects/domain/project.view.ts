import { rate } from '../../shared/vnd';
import { netDisbursedVnd } from './project.money-rules';
import { sentReminderIdsOf } from './project.reminder-steps';
import { NOTHING_DISBURSED, type ProjectState } from './project.state';
import type {
  BeneficiaryRecord,
  BusinessDate,
  FundingSource,
  Period,
  ProjectStatus,
  Vnd,
} from './project.types';
import type { AppliedNorm } from './project.money-rules';

export interface ProjectTargetView {
  readonly indicator: string;
  readonly target: number;
  readonly achieved: number;
}

/**
 * A flat, JSON-ready reading of a project's state, the same whatever its status: what the
 * "state as of version N" endpoint and the read models show. Values a status does not have
 * yet are null; money not moved yet is 0.
 */
export interface ProjectView {
  readonly projectId: string;
  readonly status: ProjectStatus;
  readonly planYear: number;
  readonly district: string;
  readonly title: string;
  readonly activityType: string;
  readonly fundingSource: FundingSource;
  readonly beneficiary: BeneficiaryRecord;
  /** The commune-level unit where the establishment is (its code); null where none was given. */
  readonly beneficiaryUnit: string | null;
  readonly requestedFundingVnd: Vnd;
  readonly counterpartFundingVnd: Vnd;
  readonly appraisedFundingVnd: Vnd | null;
  /** As adjusted. */
  readonly approvedFundingVnd: Vnd | null;
  readonly advancesVnd: Vnd;
  readonly paymentsVnd: Vnd;
  readonly recoveredVnd: Vnd;
  /** Advances + payments − recoveries. */
  readonly netDisbursedVnd: Vnd;
  /** netDisbursed / approved, 0..1 to 4 decimals; null before approval. */
  readonly disbursementRate: number | null;
  readonly settledVnd: Vnd;
  /** For a cancelled project, what is still to be recovered; 0 otherwise. */
  readonly amountToRecoverVnd: Vnd;
  readonly targets: readonly ProjectTargetView[];
  /** Achieved totals for every indicator reported, targeted or not. */
  readonly achieved: Readonly<Record<string, number>>;
  readonly reportedPeriods: readonly Period[];
  readonly inspectionCount: number;
  readonly plannedStart: BusinessDate;
  readonly plannedEnd: BusinessDate;
  readonly registeredBy: string;
  readonly appraisedBy: string | null;
  readonly revisionRequestedOn: BusinessDate | null;
  readonly approvalDecisionNo: string | null;
  readonly approvalDecisionDate: BusinessDate | null;
  /**
   * The support norm the funding was judged by, with its legal basis: the approval's (or its
   * last adjustment's), else the appraisal's; null where no norm applied.
   */
  readonly supportNorm: AppliedNorm | null;
  readonly startedOn: BusinessDate | null;
  readonly acceptedOn: BusinessDate | null;
  readonly settledOn: BusinessDate | null;
  readonly cancelledOn: BusinessDate | null;
  readonly cancellationReason: string | null;
  readonly rejectionReason: string | null;
  /** Reminders already delivered about the project. */
  readonly sentReminderIds: readonly string[];
}

/** The view of a project; null while nothing has been registered on the stream. */
export function projectView(state: ProjectState): ProjectView | null {
  if (state.status === 'unregistered') return null;
  const { dossier } = state;
  const { details } = dossier;
  const appraisal = 'appraisal' in state ? state.appraisal : undefined;
  const approval = 'approval' in state ? state.approval : undefined;
  const execution = 'execution' in state ? state.execution : undefined;
  const disbursed = 'disbursed' in state ? state.disbursed : NOTHING_DISBURSED;
  const net = netDisbursedVnd(disbursed);
  const achieved = execution?.achieved ?? {};
  return {
    projectId: dossier.projectId,
    status: state.status,
    planYear: dossier.planYear,
    district: dossier.district,
    title: details.title,
    activityType: details.activityType,
    fundingSource: details.fundingSource,
    beneficiary: details.beneficiary,
    beneficiaryUnit: details.beneficiaryUnit ?? null,
    requestedFundingVnd: details.requestedFundingVnd,
    counterpartFundingVnd: details.counterpartFundingVnd,
    appraisedFundingVnd: appraisal?.appraisedFundingVnd ?? null,
    approvedFundingVnd: approval?.approvedFundingVnd ?? null,
    advancesVnd: disbursed.advancesVnd,
    paymentsVnd: disbursed.paymentsVnd,
    recoveredVnd: disbursed.recoveredVnd,
    netDisbursedVnd: net,
    disbursementRate: approval ? rate(net, approval.approvedFundingVnd) : null,
    settledVnd: state.status === 'settled' ? state.settlement.settledAmountVnd : 0,
    amountToRecoverVnd: state.status === 'cancelled' ? net : 0,
    targets: details.targets.map(({ indicator, target }) => ({
      indicator,
      target,
      achieved: achieved[indicator] ?? 0,
    })),
    achieved,
    reportedPeriods: Object.keys(execution?.reports ?? {}).sort(),
    inspectionCount: execution?.inspections.length ?? 0,
    plannedStart: details.plannedStart,
    plannedEnd: details.plannedEnd,
    registeredBy: dossier.registeredBy,
    appraisedBy: appraisal?.appraisedBy ?? null,
    revisionRequestedOn: state.status === 'revision_requested' ? state.revision.requestedOn : null,
    approvalDecisionNo: approval?.decisionNo ?? null,
    approvalDecisionDate: approval?.decisionDate ?? null,
    supportNorm: approval?.supportNorm ?? appraisal?.supportNorm ?? null,
    startedOn: execution?.startedOn ?? null,
    acceptedOn: 'acceptedOn' in state ? state.acceptedOn : null,
    settledOn: state.status === 'settled' ? state.settlement.settledOn : null,
    cancelledOn: state.status === 'cancelled' ? state.cancellation.cancelledOn : null,
    cancellationReason: state.status === 'cancelled' ? state.cancellation.reason : null,
    rejectionReason: state.status === 'rejected' ? state.rejection.reason : null,
    sentReminderIds: sentReminderIdsOf(dossier),
  };
}
