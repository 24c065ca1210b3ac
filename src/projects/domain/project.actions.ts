import { projectAccess } from './project.access';
import type { ProjectCommand } from './project.commands';
import type { Actor, Role } from '../../shared/actor';
import type { ActionField, AvailableAction as GenericAction } from '../../shared/available-action';
import { periodOf, type BusinessDate } from '../../shared/business-date';
import type { ProjectContext } from './project.context';
import {
  advanceCapPercentOn,
  advanceCapVnd,
  netDisbursedVnd,
  supportNormOf,
} from './project.money-rules';
import type { ProjectState, ProjectStateIn, ProjectStateStatus } from './project.state';
import { CANCELLABLE_STATUSES } from './project.state';
import { NEVER_BY, holdersOf, type GuardedDecision } from './segregation-of-duties';

/**
 * What a caller may do next on a project (issue 12, `availableActions`): the steps its roles,
 * its unit, the project's state and segregation of duties allow now, each with the fields the
 * step needs and the limits the decider will hold it to. The console shows exactly these and
 * invents no rule of its own; a step offered here, posted within its limits, is accepted
 * (project.actions.unit.spec.ts proves it against the decider).
 *
 * Limits are those known today: a date field's `max` is today, an amount's `max` the most the
 * decider would take on a step dated today (norms and the advance cap in force today).
 */

export type ProjectActionName =
  | 'start_appraisal'
  | 'pass_appraisal'
  | 'request_revision'
  | 'reject_appraisal'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'start_execution'
  | 'report_progress'
  | 'record_advance'
  | 'record_payment'
  | 'record_recovery'
  | 'inspect'
  | 'adjust'
  | 'accept'
  | 'settle'
  | 'cancel';

export type { ActionChoice, ActionField, ActionFieldType } from '../../shared/available-action';

export type AvailableAction = GenericAction<ProjectActionName>;

/** The roles each step's route allows (ProjectsController's @Roles; a spec checks they agree). */
/** The command each action's form posts. */
export const COMMAND_OF: Readonly<Record<ProjectActionName, ProjectCommand['type']>> = {
  start_appraisal: 'StartAppraisal',
  pass_appraisal: 'RecordAppraisalResult',
  request_revision: 'RecordAppraisalResult',
  reject_appraisal: 'RecordAppraisalResult',
  resubmit: 'ResubmitProject',
  approve: 'ApproveProject',
  reject: 'RejectProject',
  start_execution: 'StartExecution',
  report_progress: 'ReportProgress',
  record_advance: 'RecordDisbursement',
  record_payment: 'RecordDisbursement',
  record_recovery: 'RecordDisbursement',
  inspect: 'RecordInspection',
  adjust: 'AdjustProject',
  accept: 'AcceptProject',
  settle: 'SettleProject',
  cancel: 'CancelProject',
};

export const ACTION_ROLES: Readonly<Record<ProjectActionName, readonly Role[]>> = {
  start_appraisal: ['center_officer'],
  pass_appraisal: ['center_officer'],
  request_revision: ['center_officer'],
  reject_appraisal: ['center_officer'],
  // The Center's officers resubmit the Center's own tasks only (below).
  resubmit: ['district_officer', 'center_officer'],
  approve: ['approver'],
  reject: ['approver'],
  start_execution: ['center_officer'],
  report_progress: ['district_officer', 'center_officer'],
  record_advance: ['finance_officer'],
  record_payment: ['finance_officer'],
  record_recovery: ['finance_officer'],
  inspect: ['center_officer'],
  adjust: ['approver'],
  accept: ['center_officer'],
  settle: ['finance_officer'],
  cancel: ['approver'],
};

/** The route of each step, under /projects/{id}. */
export const ACTION_PATHS: Readonly<Record<ProjectActionName, string>> = {
  start_appraisal: 'appraisal/start',
  pass_appraisal: 'appraisal/result',
  request_revision: 'appraisal/result',
  reject_appraisal: 'appraisal/result',
  resubmit: 'resubmit',
  approve: 'approval',
  reject: 'rejection',
  start_execution: 'execution/start',
  report_progress: 'progress-reports',
  record_advance: 'disbursements',
  record_payment: 'disbursements',
  record_recovery: 'disbursements',
  inspect: 'inspections',
  adjust: 'adjustments',
  accept: 'acceptance',
  settle: 'settlement',
  cancel: 'cancellation',
};

export const ACTION_LABELS: Readonly<Record<ProjectActionName, string>> = {
  start_appraisal: 'Bắt đầu thẩm định',
  pass_appraisal: 'Thông qua thẩm định',
  request_revision: 'Yêu cầu bổ sung hồ sơ',
  reject_appraisal: 'Không thông qua thẩm định',
  resubmit: 'Nộp lại hồ sơ',
  approve: 'Phê duyệt',
  reject: 'Từ chối phê duyệt',
  start_execution: 'Bắt đầu thực hiện',
  report_progress: 'Báo cáo tiến độ tháng',
  record_advance: 'Ghi nhận tạm ứng',
  record_payment: 'Ghi nhận thanh toán',
  record_recovery: 'Ghi nhận thu hồi',
  inspect: 'Ghi nhận kiểm tra',
  adjust: 'Điều chỉnh đề án',
  accept: 'Nghiệm thu',
  settle: 'Quyết toán',
  cancel: 'Hủy đề án',
};

/** The decision segregation of duties guards, for the steps it guards. */
const GUARDED: Partial<Record<ProjectActionName, GuardedDecision>> = {
  approve: 'approve',
  reject: 'reject',
  adjust: 'adjust',
  record_advance: 'disburse',
  record_payment: 'disburse',
  record_recovery: 'disburse',
  accept: 'accept',
  settle: 'settle',
  cancel: 'cancel',
};

// The DTOs' lengths (src/projects/dto): a field offered here is never refused by its shape.
const DECISION_NO = 100;
const NOTES = 5000;
const REASON = 2000;
const VOUCHER = 100;

const text = (name: string, label: string, maxLength: number, required = true): ActionField => ({
  name,
  type: 'text',
  required,
  maxLength,
  label,
});

const date = (
  name: string,
  label: string,
  min: BusinessDate | undefined,
  max: BusinessDate,
  required = true,
): ActionField => ({ name, type: 'date', required, ...(min !== undefined && { min }), max, label });

const amount = (name: string, label: string, min: number, max?: number): ActionField => ({
  name,
  type: 'vnd',
  required: true,
  min,
  ...(max !== undefined && { max }),
  label,
});

interface Offer {
  readonly action: ProjectActionName;
  readonly fields: readonly ActionField[];
  readonly body?: Readonly<Record<string, unknown>>;
}

type Registered = Exclude<ProjectState, { status: 'unregistered' }>;

/** The most a decision dated today may grant: the request (or `ceiling`) and the norm in force. */
function fundingCap(
  state: Registered,
  ceiling: number,
  today: BusinessDate,
  context: ProjectContext,
): number {
  const norm = supportNormOf(state.dossier.details, context.reference, today);
  return norm ? Math.min(ceiling, norm.capVnd) : ceiling;
}

function offersIn(state: Registered, context: ProjectContext): Offer[] {
  const { today } = context;
  const offers: Offer[] = [];
  const when = <S extends ProjectStateStatus>(...statuses: S[]): ProjectStateIn<S> | undefined =>
    (statuses as ProjectStateStatus[]).includes(state.status)
      ? (state as ProjectStateIn<S>)
      : undefined;

  if (when('registered')) offers.push({ action: 'start_appraisal', fields: [] });

  const underAppraisal = when('under_appraisal');
  if (underAppraisal) {
    const requested = underAppraisal.dossier.details.requestedFundingVnd;
    const max = fundingCap(underAppraisal, requested, today, context);
    if (max >= 1)
      offers.push({
        action: 'pass_appraisal',
        body: { outcome: 'passed' },
        fields: [
          amount('appraisedFundingVnd', 'Kinh phí thẩm định (đồng)', 1, max),
          text('notes', 'Ý kiến hội đồng', NOTES),
        ],
      });
    offers.push({
      action: 'request_revision',
      body: { outcome: 'revision_requested' },
      fields: [text('notes', 'Nội dung cần bổ sung', NOTES)],
    });
    offers.push({
      action: 'reject_appraisal',
      body: { outcome: 'rejected' },
      fields: [text('notes', 'Lý do không thông qua', NOTES)],
    });
  }

  if (when('revision_requested'))
    offers.push({
      action: 'resubmit',
      fields: [
        text('title', 'Tên đề án', 500, false),
        { ...amount('requestedFundingVnd', 'Kinh phí đề nghị hỗ trợ (đồng)', 1), required: false },
        { ...amount('counterpartFundingVnd', 'Vốn đối ứng (đồng)', 0), required: false },
        { name: 'plannedStart', type: 'date', required: false, label: 'Ngày bắt đầu dự kiến' },
        { name: 'plannedEnd', type: 'date', required: false, label: 'Ngày kết thúc dự kiến' },
        text('description', 'Mô tả', NOTES, false),
      ],
    });

  const appraised = when('appraised');
  if (appraised) {
    const max = fundingCap(appraised, appraised.appraisal.appraisedFundingVnd, today, context);
    if (max >= 1)
      offers.push({
        action: 'approve',
        fields: [
          text('decisionNo', 'Số quyết định phê duyệt', DECISION_NO),
          date('decisionDate', 'Ngày quyết định', undefined, today),
          amount('approvedFundingVnd', 'Kinh phí phê duyệt (đồng)', 1, max),
        ],
      });
    offers.push({ action: 'reject', fields: [text('reason', 'Lý do từ chối', REASON)] });
  }

  const approved = when('approved');
  if (approved && approved.approval.decisionDate <= today)
    offers.push({
      action: 'start_execution',
      fields: [date('startedOn', 'Ngày bắt đầu thực hiện', approved.approval.decisionDate, today)],
    });

  const executing = when('in_execution');
  if (executing && executing.execution.startedOn <= today) {
    const { startedOn } = executing.execution;
    const indicators = executing.dossier.details.targets.map(({ indicator }) => ({
      value: indicator,
      label: context.reference.indicators[indicator]?.name ?? indicator,
    }));
    offers.push({
      action: 'report_progress',
      fields: [
        {
          name: 'period',
          type: 'period',
          required: true,
          min: periodOf(startedOn),
          max: periodOf(today),
          label: 'Tháng báo cáo',
        },
        date('reportedOn', 'Ngày báo cáo', startedOn, today),
        {
          name: 'achievements',
          type: 'achievements',
          required: true,
          label: 'Kết quả đạt được theo chỉ tiêu',
          choices: indicators,
        },
      ],
    });
    const percent = advanceCapPercentOn(context.reference, context.rules, today);
    const capLeft =
      advanceCapVnd(executing.approval.approvedFundingVnd, percent) -
      executing.disbursed.advancesVnd;
    if (capLeft >= 1 && executing.approval.decisionDate <= today)
      offers.push({
        action: 'record_advance',
        body: { kind: 'advance' },
        fields: [
          amount('amountVnd', 'Số tiền tạm ứng (đồng)', 1, capLeft),
          date('paidOn', 'Ngày chi', executing.approval.decisionDate, today),
          text('voucherNo', 'Số chứng từ', VOUCHER),
        ],
      });
    offers.push({
      action: 'inspect',
      fields: [
        date('inspectedOn', 'Ngày kiểm tra', startedOn, today),
        text('findings', 'Kết quả kiểm tra', NOTES),
        {
          name: 'outcome',
          type: 'choice',
          required: true,
          label: 'Đánh giá',
          choices: [
            { value: 'satisfactory', label: 'Đạt yêu cầu' },
            { value: 'issues_found', label: 'Có tồn tại cần khắc phục' },
          ],
        },
      ],
    });
    const alreadyOut = Math.max(
      netDisbursedVnd(executing.disbursed),
      executing.disbursed.advancesVnd,
    );
    const norm = supportNormOf(executing.dossier.details, context.reference, today);
    offers.push({
      action: 'adjust',
      fields: [
        text('decisionNo', 'Số quyết định điều chỉnh', DECISION_NO),
        text('reason', 'Lý do điều chỉnh', REASON),
        {
          ...amount('approvedFundingVnd', 'Kinh phí phê duyệt mới (đồng)', Math.max(1, alreadyOut)),
          ...(norm && { max: norm.capVnd }),
          required: false,
        },
        {
          name: 'plannedEnd',
          type: 'date',
          required: false,
          min: executing.dossier.details.plannedStart,
          label: 'Ngày kết thúc dự kiến mới',
        },
      ],
    });
    offers.push({
      action: 'accept',
      fields: [
        date('acceptedOn', 'Ngày nghiệm thu', startedOn, today),
        text('notes', 'Ý kiến nghiệm thu', NOTES),
      ],
    });
  }

  const accepted = when('accepted');
  if (accepted && accepted.acceptedOn <= today) {
    const net = netDisbursedVnd(accepted.disbursed);
    const payable = accepted.approval.approvedFundingVnd - net;
    if (payable >= 1)
      offers.push({
        action: 'record_payment',
        body: { kind: 'payment' },
        fields: [
          amount('amountVnd', 'Số tiền thanh toán (đồng)', 1, payable),
          date('paidOn', 'Ngày chi', accepted.acceptedOn, today),
          text('voucherNo', 'Số chứng từ', VOUCHER),
        ],
      });
    if (net >= 1) offers.push(recovery(net, accepted.approval.decisionDate, today));
    offers.push({
      action: 'settle',
      fields: [
        { ...amount('settledAmountVnd', 'Số tiền quyết toán (đồng)', net, net) },
        date('settledOn', 'Ngày quyết toán', accepted.acceptedOn, today),
        text('decisionNo', 'Số quyết định quyết toán', DECISION_NO),
      ],
    });
  }

  const cancelled = when('cancelled');
  if (cancelled) {
    const net = netDisbursedVnd(cancelled.disbursed);
    if (net >= 1) offers.push(recovery(net, cancelled.approval?.decisionDate, today));
  }

  if ((CANCELLABLE_STATUSES as readonly string[]).includes(state.status))
    offers.push({ action: 'cancel', fields: [text('reason', 'Lý do hủy', REASON)] });
  return offers;
}

function recovery(net: number, approvedOn: BusinessDate | undefined, today: BusinessDate): Offer {
  return {
    action: 'record_recovery',
    body: { kind: 'recovery' },
    fields: [
      amount('amountVnd', 'Số tiền thu hồi (đồng)', 1, net),
      date('paidOn', 'Ngày thu', approvedOn, today),
      text('voucherNo', 'Số chứng từ', VOUCHER),
    ],
  };
}

/** Whether `actor` played a part in the project that bars it from `decision`. */
function barredBySegregation(
  decision: GuardedDecision,
  state: ProjectState,
  actor: Actor,
): boolean {
  return NEVER_BY[decision].some((part) => holdersOf(state, part).includes(actor.sub));
}

/**
 * The actions a caller may take now. `callers` is the caller once per role its token holds, in
 * the token's order (the route takes the first role it allows, as AuthGuard does); `context`
 * gives today, the reference data and the rules in force (its `actor` is not read).
 */
export function availableProjectActions(
  state: ProjectState,
  callers: readonly Actor[],
  context: Omit<ProjectContext, 'actor'>,
): AvailableAction[] {
  if (state.status === 'unregistered') return [];
  const { projectId } = state.dossier;
  return offersIn(state, { ...context, actor: callers[0] }).flatMap(({ action, fields, body }) => {
    const actor = callers.find((caller) => ACTION_ROLES[action].includes(caller.role));
    if (actor === undefined) return [];
    // Whom the project lets act at all (its own unit's officer; the Center for its own tasks).
    if (projectAccess(state, { type: COMMAND_OF[action] }, actor, context.reference) !== 'allowed')
      return [];
    const guarded = GUARDED[action];
    if (guarded !== undefined && barredBySegregation(guarded, state, actor)) return [];
    return [
      {
        action,
        label: ACTION_LABELS[action],
        method: 'POST' as const,
        path: `/projects/${projectId}/${ACTION_PATHS[action]}`,
        ...(body && { body }),
        fields,
      },
    ];
  });
}
