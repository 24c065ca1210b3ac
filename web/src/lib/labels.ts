/** The Vietnamese words the console shows for the server's codes. */

export const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  registered: { label: 'Đã đăng ký', color: 'blue' },
  under_appraisal: { label: 'Đang thẩm định', color: 'geekblue' },
  revision_requested: { label: 'Cần bổ sung', color: 'orange' },
  appraised: { label: 'Đã thẩm định', color: 'cyan' },
  approved: { label: 'Đã phê duyệt', color: 'purple' },
  in_execution: { label: 'Đang thực hiện', color: 'gold' },
  accepted: { label: 'Đã nghiệm thu', color: 'lime' },
  settled: { label: 'Đã quyết toán', color: 'green' },
  rejected: { label: 'Bị từ chối', color: 'red' },
  cancelled: { label: 'Đã hủy', color: 'default' },
};

/** The lifecycle a project follows when nothing goes wrong, for the stepper. */
export const LIFECYCLE = [
  'registered',
  'under_appraisal',
  'appraised',
  'approved',
  'in_execution',
  'accepted',
  'settled',
] as const;

export const PLAN_STATUS_LABELS: Record<string, string> = {
  open: 'Đang nhận đăng ký',
  compiled: 'Đã tổng hợp',
  approved: 'Đã phê duyệt',
};

export const REGISTRATION_STATUS_LABELS: Record<string, { label: string; color: string }> = {
  submitted: { label: 'Đã nộp', color: 'green' },
  late: { label: 'Nộp muộn', color: 'orange' },
  missing: { label: 'Chưa nộp', color: 'red' },
};

export const ROLE_LABELS: Record<string, string> = {
  unit_officer: 'Cán bộ xã, phường',
  district_officer: 'Cán bộ địa phương',
  center_officer: 'Cán bộ Trung tâm Khuyến công',
  approver: 'Lãnh đạo phê duyệt',
  finance_officer: 'Cán bộ tài chính',
  auditor: 'Kiểm toán viên',
  admin: 'Quản trị hệ thống',
};

export const FUNDING_SOURCE_LABELS: Record<string, string> = {
  local: 'Khuyến công địa phương',
  national: 'Khuyến công quốc gia',
};

/** What an inbox item asks of its reader. */
export const INBOX_ACTION_LABELS: Record<string, string> = {
  start_appraisal: 'Bắt đầu thẩm định',
  record_appraisal_result: 'Ghi kết quả thẩm định',
  decide_approval: 'Quyết định phê duyệt',
  start_execution: 'Bắt đầu thực hiện',
  accept: 'Nghiệm thu',
  settle: 'Quyết toán',
  resubmit: 'Bổ sung hồ sơ',
  submit_registration: 'Nộp đăng ký kế hoạch',
  compile_plan: 'Tổng hợp kế hoạch',
  approve_plan: 'Phê duyệt kế hoạch',
};

/** The events of a project's history, in words. */
export const EVENT_LABELS: Record<string, string> = {
  ProjectRegistered: 'Đăng ký đề án',
  AppraisalStarted: 'Bắt đầu thẩm định',
  AppraisalPassed: 'Thẩm định đạt',
  AppraisalRejected: 'Thẩm định không đạt',
  RevisionRequested: 'Yêu cầu bổ sung hồ sơ',
  ProjectResubmitted: 'Nộp lại hồ sơ',
  ProjectApproved: 'Phê duyệt đề án',
  ProjectRejected: 'Từ chối đề án',
  ExecutionStarted: 'Bắt đầu thực hiện',
  ProgressReported: 'Báo cáo tiến độ',
  AdvanceDisbursed: 'Tạm ứng kinh phí',
  PaymentDisbursed: 'Thanh toán kinh phí',
  FundsRecovered: 'Thu hồi kinh phí',
  InspectionRecorded: 'Kiểm tra, giám sát',
  ProjectAdjusted: 'Điều chỉnh đề án',
  ProjectAccepted: 'Nghiệm thu đề án',
  ProjectSettled: 'Quyết toán đề án',
  ProjectCancelled: 'Hủy đề án',
  ReminderSent: 'Gửi nhắc việc',
  PersonalDataErased: 'Xóa dữ liệu cá nhân',
  BeneficiaryCorrected: 'Đính chính thông tin người thụ hưởng',
  ProjectTeleported: 'Chuyển đề án',
};

/** The words of the fields an event carries, for the history's details. */
export const EVENT_FIELD_LABELS: Record<string, string> = {
  title: 'Tên đề án',
  requestedFundingVnd: 'Kinh phí đề nghị',
  counterpartFundingVnd: 'Vốn đối ứng',
  appraisedFundingVnd: 'Kinh phí thẩm định',
  approvedFundingVnd: 'Kinh phí phê duyệt',
  amountVnd: 'Số tiền',
  settledVnd: 'Số quyết toán',
  decisionNo: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  voucherNo: 'Số chứng từ',
  paidOn: 'Ngày chi',
  period: 'Kỳ báo cáo',
  notes: 'Ghi chú',
  reason: 'Lý do',
  findings: 'Kết quả kiểm tra',
  planYear: 'Năm kế hoạch',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status]?.label ?? status;
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
