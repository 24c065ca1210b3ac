import type { Actor } from '../../../src/shared/actor';
import { DEFAULT_REFERENCE_DATA } from '../../../src/reference-data/default-reference-data';
import type { ReferenceData } from '../../../src/reference-data/reference-data';
import { supportNormOf, type AppliedNorm } from '../../../src/projects/domain/project.money-rules';
import type { RegistrationDetails } from '../../../src/projects/domain/project.types';
import {
  DEFAULT_PROJECT_RULES,
  type ProjectContext,
} from '../../../src/projects/domain/project.context';
import type {
  ProjectCommand,
  RecordReminderSent,
  RegisterProject,
} from '../../../src/projects/domain/project.commands';
import type { ProjectEvent, ReminderSent } from '../../../src/projects/domain/project.events';

/**
 * A fixed world for the project decider's specifications: today is 2024-06-15, one actor per
 * role (two at the Center, so the appraiser and the one starting execution can differ), and a
 * machinery project of 200,000,000 requested with 300,000,000 counterpart funding, so the
 * norm cap (50% of 500,000,000, at most 300,000,000) is 250,000,000 and does not bind first.
 */

export const TODAY = '2024-06-15';
export const PROJECT_ID = '6f1c2a3e-0000-4000-8000-000000000001';

export const districtOfficer: Actor = {
  sub: 'u-bien-hoa',
  name: 'Nguyễn Văn A',
  role: 'district_officer',
  district: 'bien-hoa',
};
export const centerOfficer: Actor = { sub: 'u-center', name: 'Trần Thị B', role: 'center_officer' };
export const approver: Actor = { sub: 'u-approver', name: 'Lê Văn C', role: 'approver' };
export const financeOfficer: Actor = {
  sub: 'u-finance',
  name: 'Phạm Thị D',
  role: 'finance_officer',
};

export const admin: Actor = { sub: 'u-admin', name: 'Quản trị', role: 'admin' };
/** The reminder worker, recording the reminders it delivered: a system actor in the admin role. */
export const reminderWorker: Actor = {
  sub: 'system:reminders',
  name: 'Nhắc việc tự động',
  role: 'admin',
};

export function contextFor(actor: Actor, overrides: Partial<ProjectContext> = {}): ProjectContext {
  return {
    actor,
    today: TODAY,
    reference: DEFAULT_REFERENCE_DATA,
    rules: DEFAULT_PROJECT_RULES,
    ...overrides,
  };
}

/** The support norm a decision on these details records, judged by the norms of `date` (null: none). */
export function normOf(
  details: RegistrationDetails,
  date: string,
  reference: ReferenceData = DEFAULT_REFERENCE_DATA,
): AppliedNorm | null {
  return supportNormOf(details, reference, date) ?? null;
}

/**
 * The default reference data with a norm set of its own in force from `effectiveFrom` (an
 * edit of the norms): one activity type's norm replaced, the others as they were.
 */
export function referenceWithNorm(
  activityType: string,
  percent: number,
  maxVnd: number,
  effectiveFrom = '2000-01-01',
): ReferenceData {
  const base = DEFAULT_REFERENCE_DATA;
  const sets = base.normSets ?? [];
  const latest = sets[sets.length - 1];
  const set = {
    id: `TEST-${activityType}-${effectiveFrom}`,
    effectiveFrom,
    legalBasis: `Quyết định thử nghiệm về định mức ${activityType}`,
    norms: { ...latest?.norms, [activityType]: { percent, maxVnd } },
  };
  return {
    ...base,
    normSets: [...sets.filter((s) => s.effectiveFrom < effectiveFrom), set],
  };
}

export const registration: RegisterProject['data'] = {
  projectId: PROJECT_ID,
  planYear: 2024,
  district: 'bien-hoa',
  title: 'Hỗ trợ máy chế biến hạt điều',
  activityType: 'machinery',
  beneficiary: { name: 'Cơ sở chế biến điều Tân Phong' },
  requestedFundingVnd: 200_000_000,
  counterpartFundingVnd: 300_000_000,
  fundingSource: 'local',
  targets: [{ indicator: 'establishments_supported', target: 1 }],
  plannedStart: '2024-03-01',
  plannedEnd: '2024-11-30',
};

export const APPROVED_ON = '2024-03-01';
export const STARTED_ON = '2024-03-11';
export const ACCEPTED_ON = '2024-06-10';
/** When the reminder worker delivered a monthly progress reminder, early on the fixed day. */
export const REMINDER_SENT_AT = '2024-06-15T00:00:05.123Z';

export const cmd = {
  register: (data: Partial<RegisterProject['data']> = {}): ProjectCommand => ({
    type: 'RegisterProject',
    data: { ...registration, ...data },
  }),
  startAppraisal: (): ProjectCommand => ({ type: 'StartAppraisal', data: {} }),
  pass: (appraisedFundingVnd = 200_000_000): ProjectCommand => ({
    type: 'RecordAppraisalResult',
    data: { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd },
  }),
  passWithoutFunding: (): ProjectCommand => ({
    type: 'RecordAppraisalResult',
    data: { outcome: 'passed', notes: 'Đạt' },
  }),
  requestRevision: (): ProjectCommand => ({
    type: 'RecordAppraisalResult',
    data: { outcome: 'revision_requested', notes: 'Bổ sung báo giá thiết bị' },
  }),
  failAppraisal: (): ProjectCommand => ({
    type: 'RecordAppraisalResult',
    data: { outcome: 'rejected', notes: 'Không đạt' },
  }),
  resubmit: (
    changes: Extract<ProjectCommand, { type: 'ResubmitProject' }>['data']['changes'] = {},
  ): ProjectCommand => ({
    type: 'ResubmitProject',
    data: { changes },
  }),
  approve: (
    approvedFundingVnd = 200_000_000,
    decisionDate = APPROVED_ON,
    decisionNo = '123/QĐ-SCT',
  ): ProjectCommand => ({
    type: 'ApproveProject',
    data: { decisionNo, decisionDate, approvedFundingVnd },
  }),
  reject: (reason = 'Không phù hợp kế hoạch'): ProjectCommand => ({
    type: 'RejectProject',
    data: { reason },
  }),
  startExecution: (startedOn = STARTED_ON): ProjectCommand => ({
    type: 'StartExecution',
    data: { startedOn },
  }),
  report: (
    period: string,
    reportedOn: string,
    achievements: readonly { indicator: string; value: number }[] = [
      { indicator: 'establishments_supported', value: 1 },
    ],
  ): ProjectCommand => ({ type: 'ReportProgress', data: { period, reportedOn, achievements } }),
  disburse: (
    kind: 'advance' | 'payment' | 'recovery',
    amountVnd: number,
    paidOn = '2024-04-01',
    voucherNo = 'PC-001',
  ): ProjectCommand => ({
    type: 'RecordDisbursement',
    data: { kind, amountVnd, paidOn, voucherNo },
  }),
  /** The three kinds of disbursement, with the defaults of the events they record. */
  advance: (amountVnd: number, paidOn = '2024-04-01', voucherNo = 'PC-001'): ProjectCommand => ({
    type: 'RecordDisbursement',
    data: { kind: 'advance', amountVnd, paidOn, voucherNo },
  }),
  payment: (amountVnd: number, paidOn = '2024-06-12', voucherNo = 'PC-002'): ProjectCommand => ({
    type: 'RecordDisbursement',
    data: { kind: 'payment', amountVnd, paidOn, voucherNo },
  }),
  recovery: (amountVnd: number, paidOn = TODAY, voucherNo = 'PT-001'): ProjectCommand => ({
    type: 'RecordDisbursement',
    data: { kind: 'recovery', amountVnd, paidOn, voucherNo },
  }),
  inspect: (
    inspectedOn = '2024-05-20',
    outcome: 'satisfactory' | 'issues_found' = 'satisfactory',
  ): ProjectCommand => ({
    type: 'RecordInspection',
    data: { inspectedOn, findings: 'Máy đã lắp đặt', outcome },
  }),
  adjust: (
    changes: {
      approvedFundingVnd?: number;
      plannedEnd?: string;
      targets?: readonly { indicator: string; target: number }[];
    },
    decisionNo = '45/QĐ-SCT',
    reason = 'Giá thiết bị tăng',
  ): ProjectCommand => ({ type: 'AdjustProject', data: { decisionNo, reason, ...changes } }),
  accept: (acceptedOn = ACCEPTED_ON): ProjectCommand => ({
    type: 'AcceptProject',
    data: { acceptedOn, notes: 'Đạt yêu cầu' },
  }),
  settle: (
    settledAmountVnd: number,
    settledOn = TODAY,
    decisionNo = '78/QĐ-SCT',
  ): ProjectCommand => ({
    type: 'SettleProject',
    data: { settledAmountVnd, settledOn, decisionNo },
  }),
  cancel: (reason = 'Thiếu cơ sở pháp lý'): ProjectCommand => ({
    type: 'CancelProject',
    data: { reason },
  }),
  /** The reminder worker recording a monthly progress reminder it delivered by webhook. */
  recordReminder: (
    reminderId: string,
    overrides: Partial<RecordReminderSent['data']> = {},
  ): RecordReminderSent => ({
    type: 'RecordReminderSent',
    data: {
      reminderId,
      rule: 'monthly_progress',
      channels: ['webhook'],
      sentAt: REMINDER_SENT_AT,
      ...overrides,
    },
  }),
};

export const ev = {
  registered: (
    data: Partial<RegisterProject['data']> = {},
    registeredBy = districtOfficer.sub,
  ): ProjectEvent => ({
    type: 'ProjectRegistered',
    data: { ...registration, ...data, registeredBy },
  }),
  appraisalStarted: (): ProjectEvent => ({
    type: 'AppraisalStarted',
    data: { startedBy: centerOfficer.sub },
  }),
  passed: (
    appraisedFundingVnd = 200_000_000,
    appraisedBy = centerOfficer.sub,
    supportNorm = normOf(registration, TODAY),
  ): ProjectEvent => ({
    type: 'AppraisalPassed',
    data: { appraisedFundingVnd, notes: 'Đạt', appraisedBy, ...(supportNorm && { supportNorm }) },
  }),
  revisionRequested: (requestedOn = '2024-02-10'): ProjectEvent => ({
    type: 'RevisionRequested',
    data: { notes: 'Bổ sung báo giá thiết bị', requestedOn, appraisedBy: centerOfficer.sub },
  }),
  resubmitted: (changes = {}, resubmittedBy = districtOfficer.sub): ProjectEvent => ({
    type: 'ProjectResubmitted',
    data: { changes, resubmittedBy },
  }),
  approved: (
    approvedFundingVnd = 200_000_000,
    decisionDate = APPROVED_ON,
    approvedBy = approver.sub,
    supportNorm = normOf(registration, decisionDate),
  ): ProjectEvent => ({
    type: 'ProjectApproved',
    data: {
      decisionNo: '123/QĐ-SCT',
      decisionDate,
      approvedFundingVnd,
      approvedBy,
      ...(supportNorm && { supportNorm }),
    },
  }),
  executionStarted: (startedOn = STARTED_ON): ProjectEvent => ({
    type: 'ExecutionStarted',
    data: { startedOn },
  }),
  advance: (
    amountVnd: number,
    paidOn = '2024-04-01',
    voucherNo = 'PC-001',
    recordedBy = financeOfficer.sub,
  ): ProjectEvent => ({
    type: 'AdvanceDisbursed',
    data: { amountVnd, paidOn, voucherNo, recordedBy },
  }),
  payment: (
    amountVnd: number,
    paidOn = '2024-06-12',
    voucherNo = 'PC-002',
    recordedBy = financeOfficer.sub,
  ): ProjectEvent => ({
    type: 'PaymentDisbursed',
    data: { amountVnd, paidOn, voucherNo, recordedBy },
  }),
  recovered: (
    amountVnd: number,
    paidOn = TODAY,
    voucherNo = 'PT-001',
    recordedBy = financeOfficer.sub,
  ): ProjectEvent => ({
    type: 'FundsRecovered',
    data: { amountVnd, paidOn, voucherNo, recordedBy },
  }),
  reported: (
    period: string,
    reportedOn: string,
    achievements: readonly { indicator: string; value: number }[] = [
      { indicator: 'establishments_supported', value: 1 },
    ],
    replacesEarlierReport = false,
  ): ProjectEvent => ({
    type: 'ProgressReported',
    data: { period, reportedOn, achievements, replacesEarlierReport },
  }),
  inspected: (
    inspectedOn = '2024-05-20',
    outcome: 'satisfactory' | 'issues_found' = 'satisfactory',
  ): ProjectEvent => ({
    type: 'InspectionRecorded',
    data: { inspectedOn, findings: 'Máy đã lắp đặt', outcome },
  }),
  adjusted: (
    changes: {
      approvedFundingVnd?: number;
      plannedEnd?: string;
      targets?: readonly { indicator: string; target: number }[];
    },
    adjustedBy = approver.sub,
    supportNorm = changes.approvedFundingVnd === undefined
      ? undefined
      : normOf(registration, TODAY),
  ): ProjectEvent => ({
    type: 'ProjectAdjusted',
    data: {
      decisionNo: '45/QĐ-SCT',
      reason: 'Giá thiết bị tăng',
      ...changes,
      adjustedBy,
      ...(supportNorm && { supportNorm }),
    },
  }),
  accepted: (acceptedOn = ACCEPTED_ON, acceptedBy = centerOfficer.sub): ProjectEvent => ({
    type: 'ProjectAccepted',
    data: { acceptedOn, notes: 'Đạt yêu cầu', acceptedBy },
  }),
  settled: (settledAmountVnd: number, settledOn = TODAY): ProjectEvent => ({
    type: 'ProjectSettled',
    data: { settledAmountVnd, settledOn, decisionNo: '78/QĐ-SCT' },
  }),
  cancelled: (amountToRecoverVnd = 0, reason = 'Thiếu cơ sở pháp lý'): ProjectEvent => ({
    type: 'ProjectCancelled',
    data: { reason, cancelledOn: TODAY, amountToRecoverVnd },
  }),
  reminderSent: (
    reminderId: string,
    channels: ReminderSent['data']['channels'] = ['webhook'],
  ): ProjectEvent => ({
    type: 'ReminderSent',
    data: { reminderId, rule: 'monthly_progress', channels, sentAt: REMINDER_SENT_AT },
  }),
};

/** Histories that bring the default project to each status by the usual road. */
const registered = [ev.registered()];
const underAppraisal = [...registered, ev.appraisalStarted()];
const appraised = [...underAppraisal, ev.passed()];
const approved = [...appraised, ev.approved()];
const inExecution = [...approved, ev.executionStarted()];
const accepted = [...inExecution, ev.accepted()];

export const historyOf = {
  unregistered: [] as ProjectEvent[],
  registered,
  under_appraisal: underAppraisal,
  revision_requested: [...underAppraisal, ev.revisionRequested()],
  appraised,
  approved,
  in_execution: inExecution,
  accepted,
  settled: [...accepted, ev.settled(0)],
  rejected: [
    ...appraised,
    { type: 'ProjectRejected', data: { reason: 'Không phù hợp' } } as ProjectEvent,
  ],
  cancelled: [...registered, ev.cancelled()],
} as const;
