import type { ErrorParams } from '../shared/domain-error';
import { formatDate, formatInteger } from '../reports/vi-format';
import type { FieldError, ProblemDetails, Violation } from './problem-details';

/**
 * The one catalogue of problems in Vietnamese (issue 12): a client that sends
 * `Accept-Language: vi` reads `title`, `detail` and every field message in these words; `type`,
 * `status`, `code` and the field names stay as they are. English stays the language of the code
 * and of the log; this only translates what a person reads.
 *
 * - titles by the problem's kind (the slug of its `type`);
 * - details by `code`, from the values the error carries (`params`: money is written
 *   `1.234.567 đ`, dates `dd/MM/yyyy`), and by status for problems without a code;
 * - field messages by the constraint broken (class-validator's names and ours), the field's
 *   name kept as the client wrote it; a field error of a business rule reads as its detail.
 *
 * problem-catalogue.vi.unit.spec.ts scans the source for every code and constraint the server
 * can answer with and fails for one missing here.
 */

export type ProblemLanguage = 'en' | 'vi';

/** What the English problem does not carry: the values its message names, the constraints broken. */
export interface ProblemSource {
  readonly params?: ErrorParams;
  readonly violations?: readonly Violation[];
}

/** 1234567 → "1.234.567 đ". */
export function vnd(value: unknown): string {
  return typeof value === 'number' && Number.isSafeInteger(value)
    ? `${formatInteger(value)} đ`
    : String(value);
}

/** "2024-06-15" → "15/06/2024"; anything else as it is. */
export function viDate(value: unknown): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDate(value)
    : String(value);
}

/** "2024-06" → "06/2024". */
function viPeriod(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? `${match[2]}/${match[1]}` : value;
}

/** The project statuses as users read them. */
export const PROJECT_STATUS_VI: Readonly<Record<string, string>> = {
  registered: 'đã đăng ký',
  under_appraisal: 'đang thẩm định',
  revision_requested: 'chờ bổ sung hồ sơ',
  appraised: 'đã thẩm định',
  approved: 'đã phê duyệt',
  in_execution: 'đang thực hiện',
  accepted: 'đã nghiệm thu',
  settled: 'đã quyết toán',
  rejected: 'bị từ chối',
  cancelled: 'đã hủy',
};

/** The roles as users read them. */
export const ROLE_VI: Readonly<Record<string, string>> = {
  district_officer: 'cán bộ đơn vị',
  unit_officer: 'cán bộ đơn vị',
  center_officer: 'cán bộ Trung tâm',
  approver: 'người phê duyệt',
  finance_officer: 'cán bộ tài chính',
  auditor: 'kiểm toán viên',
  admin: 'quản trị viên',
};

const PART_VI: Readonly<Record<string, string>> = {
  registrant: 'đã lập hoặc nộp lại hồ sơ',
  appraiser: 'đã thẩm định',
  approver: 'đã phê duyệt hoặc điều chỉnh',
  acceptor: 'đã nghiệm thu',
  disburser: 'đã ghi nhận chi hoặc thu hồi tiền',
};

const DECISION_VI: Readonly<Record<string, string>> = {
  approve: 'phê duyệt',
  reject: 'từ chối',
  adjust: 'điều chỉnh',
  disburse: 'chi hoặc thu hồi tiền cho',
  accept: 'nghiệm thu',
  settle: 'quyết toán',
  cancel: 'hủy',
};

const TITLES: Readonly<Record<string, string>> = {
  'bad-request': 'Yêu cầu không hợp lệ',
  validation: 'Dữ liệu không hợp lệ',
  'malformed-request': 'Yêu cầu sai định dạng',
  unauthorized: 'Chưa đăng nhập',
  forbidden: 'Không được phép',
  'not-found': 'Không tìm thấy',
  'method-not-allowed': 'Phương thức không được hỗ trợ',
  'not-acceptable': 'Không có định dạng phù hợp',
  'request-timeout': 'Yêu cầu quá thời gian',
  conflict: 'Xung đột',
  'version-conflict': 'Thay đổi đồng thời',
  'invalid-state': 'Bước này không thực hiện được ở trạng thái hiện tại',
  'precondition-failed': 'Dữ liệu đã bị người khác thay đổi',
  'payload-too-large': 'Dữ liệu gửi lên quá lớn',
  'uri-too-long': 'Địa chỉ yêu cầu quá dài',
  'unsupported-media-type': 'Định dạng dữ liệu không được hỗ trợ',
  'rule-broken': 'Vi phạm quy định nghiệp vụ',
  'too-many-requests': 'Quá nhiều yêu cầu',
  'headers-too-large': 'Phần đầu yêu cầu quá lớn',
  'internal-error': 'Lỗi hệ thống',
  'service-unavailable': 'Dịch vụ tạm thời không sẵn sàng',
};

/** Details of problems without a code of their own (an unknown route, a body of the wrong type). */
const STATUS_DETAILS: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập bằng mã truy cập hợp lệ',
  403: 'Vai trò của bạn không được phép thực hiện việc này',
  404: 'Không tìm thấy nội dung yêu cầu',
  405: 'Phương thức này không dùng được cho địa chỉ này',
  406: 'Máy chủ không trả lời được theo định dạng yêu cầu',
  408: 'Yêu cầu không đến kịp thời gian cho phép',
  409: 'Yêu cầu xung đột với trạng thái hiện tại',
  412: 'Phiên bản đã gửi không còn là phiên bản hiện tại',
  413: 'Dữ liệu gửi lên lớn hơn mức máy chủ nhận',
  414: 'Địa chỉ yêu cầu dài hơn mức máy chủ nhận',
  415: 'Định dạng dữ liệu không được hỗ trợ: hãy gửi JSON (application/json)',
  422: 'Yêu cầu vi phạm quy định nghiệp vụ',
  429: 'Quá nhiều yêu cầu; hãy thử lại sau',
  431: 'Phần đầu yêu cầu lớn hơn mức máy chủ nhận',
  500: 'Đã có lỗi ở phía máy chủ',
  503: 'Dịch vụ tạm thời không sẵn sàng; hãy thử lại sau',
};

interface Args {
  /** The field the problem names, as the client wrote it. */
  readonly field: string;
  readonly p: ErrorParams;
}

type Detail = (args: Args) => string;

const list = (value: unknown): string =>
  Array.isArray(value) ? value.map((s) => PROJECT_STATUS_VI[s] ?? String(s)).join(' hoặc ') : '';

const fieldOr = (field: string, fallback: string) => (field === '' ? fallback : field);

/**
 * Every code the server answers with. One entry per code: where one code is given in several
 * places (`required`, `invalid_date`), the entry speaks of the field the problem names.
 */
export const DETAILS: Readonly<Record<string, Detail>> = {
  // Authentication and access
  unauthenticated: () => 'Cần đăng nhập bằng mã truy cập hợp lệ',
  token_missing: () => 'Cần gửi mã truy cập (Authorization: Bearer …)',
  invalid_token: () => 'Mã truy cập không hợp lệ',
  token_expired: () => 'Mã truy cập đã hết hạn; hãy đăng nhập lại',
  identity_provider_unavailable: () => 'Không kết nối được hệ thống đăng nhập; hãy thử lại sau',
  forbidden: () => 'Vai trò của bạn không được phép thực hiện việc này',
  no_role: () => 'Mã truy cập của bạn không có vai trò nào để thực hiện việc này',
  role_not_allowed: ({ p }) =>
    Array.isArray(p.roles)
      ? `Bước này cần một trong các vai trò: ${p.roles.map((r) => ROLE_VI[r] ?? r).join(', ')}`
      : 'Vai trò của bạn không được phép thực hiện bước này',
  other_district: () => 'Cán bộ đơn vị chỉ làm việc với hồ sơ của đơn vị mình',
  cross_origin_request: () => 'Yêu cầu từ trang web khác bị từ chối',
  dev_sign_in_unavailable: () => 'Đăng nhập thử không có trên máy chủ này',
  // Not found
  not_found: () => 'Không tìm thấy nội dung yêu cầu',
  project_not_found: () => 'Không tìm thấy đề án',
  programme_not_found: () => 'Không tìm thấy chương trình',
  plan_not_found: ({ p }) =>
    p.year !== undefined ? `Chưa có kế hoạch năm ${p.year}` : 'Chưa có kế hoạch cho năm này',
  no_rebuild: () => 'Chưa có lần dựng lại dữ liệu đọc nào từ khi máy chủ khởi động',
  // Requests
  validation_failed: () => 'Dữ liệu gửi lên không hợp lệ; xem lỗi của từng trường',
  malformed_body: () => 'Nội dung gửi lên không phải JSON hợp lệ',
  malformed_url: () => 'Địa chỉ yêu cầu không hợp lệ',
  malformed_request: () => 'Yêu cầu không đúng giao thức HTTP',
  duplicate_key: () => 'Một khóa xuất hiện hai lần trong nội dung gửi lên',
  key_not_allowed: () => 'Nội dung gửi lên có khóa không được phép',
  body_limit_exceeded: () => 'Nội dung gửi lên lớn hơn mức máy chủ nhận',
  request_timeout: () => 'Yêu cầu không đến kịp thời gian cho phép',
  headers_too_large: () => 'Dòng yêu cầu và phần đầu lớn hơn mức máy chủ nhận (16 KB)',
  chunk_extensions_too_large: () => 'Phần mở rộng của các khối dữ liệu lớn hơn mức máy chủ nhận',
  rate_limited: ({ p }) =>
    p.retryAfterSeconds !== undefined
      ? `Quá nhiều yêu cầu; hãy thử lại sau ${p.retryAfterSeconds} giây`
      : 'Quá nhiều yêu cầu; hãy thử lại sau',
  // Versions and repeats
  version_mismatch: ({ p }) =>
    p.expected !== undefined
      ? `Người khác đã thay đổi hồ sơ này: bạn xem phiên bản ${p.expected}, hiện là phiên bản ${p.actual}. Hãy tải lại rồi thực hiện lại`
      : 'Người khác đã thay đổi hồ sơ này; hãy tải lại rồi thực hiện lại',
  concurrent_change: () =>
    'Hồ sơ đang được thay đổi bởi một yêu cầu khác cùng lúc; hãy tải lại rồi thử lại',
  idempotency_key_reused: () => 'Idempotency-Key này đã được dùng cho một yêu cầu khác',
  // The service
  unavailable: () => 'Dịch vụ tạm thời không sẵn sàng; hãy thử lại sau',
  event_store_locked: () =>
    'Một tiến trình khác đang giữ quyền ghi sổ sự kiện; chưa có gì được ghi. Hãy thử lại sau ít phút',
  event_store_unavailable: () => 'Sổ sự kiện tạm thời không nhận yêu cầu; hãy thử lại sau',
  read_model_behind: () => 'Dữ liệu đọc chưa cập nhật kịp; hãy thử lại sau giây lát',
  reminder_queue_unavailable: () =>
    'Không kết nối được hàng đợi nhắc việc (Redis); hãy thử lại sau',
  rebuild_running: () => 'Đang có một lần dựng lại dữ liệu đọc chạy',
  // Input rules shared by several steps
  required: ({ field }) => `${fieldOr(field, 'Trường này')} là bắt buộc`,
  invalid_amount: ({ field }) => `${fieldOr(field, 'Số tiền')} phải là số đồng nguyên, không âm`,
  amount_not_positive: ({ field }) => `${fieldOr(field, 'Số tiền')} phải lớn hơn 0 đ`,
  amount_out_of_range: ({ field }) =>
    `${fieldOr(field, 'Số tiền')} vượt quá số tiền lớn nhất được lưu chính xác (9.007.199.254.740.991 đ)`,
  invalid_date: ({ field }) => `${fieldOr(field, 'Ngày')} phải là ngày dạng YYYY-MM-DD`,
  date_in_future: ({ field, p }) =>
    p.date !== undefined
      ? `${field}: ngày ${viDate(p.date)} sau ngày hôm nay (${viDate(p.today)})`
      : `${fieldOr(field, 'Ngày')} không được sau ngày hôm nay`,
  date_before_approval: ({ field, p }) =>
    `${field}: ngày ${viDate(p.date)} trước ngày quyết định phê duyệt (${viDate(p.bound)})`,
  date_before_execution: ({ field, p }) =>
    `${field}: ngày ${viDate(p.date)} trước ngày bắt đầu thực hiện (${viDate(p.bound)})`,
  date_before_acceptance: ({ field, p }) =>
    `${field}: ngày ${viDate(p.date)} trước ngày nghiệm thu (${viDate(p.bound)})`,
  invalid_period: ({ field }) => `${fieldOr(field, 'Kỳ báo cáo')} phải là tháng dạng YYYY-MM`,
  invalid_text: ({ field }) => `${fieldOr(field, 'Nội dung')} có độ dài không hợp lệ`,
  invalid_year: ({ field }) => `${fieldOr(field, 'Năm')} phải là năm từ 1900 đến 2999`,
  invalid_plan_year: () => 'planYear phải là một năm',
  invalid_kind: ({ field }) => `${fieldOr(field, 'kind')} không phải loại hợp lệ`,
  invalid_outcome: ({ field }) => `${fieldOr(field, 'outcome')} không phải kết quả hợp lệ`,
  invalid_code: ({ field }) => `${fieldOr(field, 'code')} không phải mã hợp lệ`,
  unknown_indicator: ({ field }) => `${fieldOr(field, 'Chỉ tiêu')}: không phải chỉ tiêu đã biết`,
  duplicate_indicator: ({ field }) =>
    `${fieldOr(field, 'Chỉ tiêu')}: một chỉ tiêu xuất hiện hai lần`,
  invalid_target: ({ field }) => `${fieldOr(field, 'Chỉ tiêu')} phải là số nguyên lớn hơn 0`,
  invalid_value: ({ field }) => `${fieldOr(field, 'Giá trị')} phải là số nguyên từ 0 trở lên`,
  unknown_activity_type: ({ field }) =>
    `${fieldOr(field, 'activityType')}: không phải loại hoạt động khuyến công đã biết`,
  unknown_district: ({ field }) => `${fieldOr(field, 'unit')}: không phải đơn vị đăng ký đã biết`,
  unit_not_in_force: ({ field }) =>
    `${fieldOr(field, 'unit')}: đơn vị không còn hiệu lực (hoặc chưa có hiệu lực) vào thời điểm này`,
  center_unit_reserved: ({ field }) =>
    `${fieldOr(field, 'unit')}: đơn vị riêng của Trung tâm; chỉ cán bộ Trung tâm đăng ký nhiệm vụ của Trung tâm`,
  center_submits_no_registration: () =>
    'Trung tâm không nộp đăng ký vào kế hoạch năm như một đơn vị cấp xã',
  resubmitted_by_registering_unit: () =>
    'Cán bộ Trung tâm chỉ nộp lại nhiệm vụ của chính Trung tâm; đề án của đơn vị do đơn vị đăng ký nộp lại',
  invalid_unit: ({ field }) => `${fieldOr(field, 'beneficiaryUnit')} phải là mã một đơn vị cấp xã`,
  unknown_unit: ({ field }) =>
    `${fieldOr(field, 'beneficiaryUnit')}: không có đơn vị hành chính nào mang mã này trong năm kế hoạch`,
  beneficiary_unit_outside_territory: ({ field }) =>
    `${fieldOr(field, 'beneficiaryUnit')}: nơi của cơ sở thụ hưởng không thuộc địa bàn đơn vị đăng ký`,
  activity_type_not_in_force: ({ field }) =>
    `${fieldOr(field, 'activityType')}: nội dung khuyến công này không còn (hoặc chưa) có hiệu lực trong năm kế hoạch`,
  funding_source_not_in_force: ({ field }) =>
    `${fieldOr(field, 'fundingSource')}: nguồn kinh phí này không còn (hoặc chưa) có hiệu lực trong năm kế hoạch`,
  indicator_not_in_force: ({ field }) =>
    `${fieldOr(field, 'Chỉ tiêu')}: chỉ tiêu này không còn (hoặc chưa) có hiệu lực trong năm kế hoạch`,
  // Projects
  no_plan_for_year: () =>
    'Chưa có kế hoạch năm cho năm đăng ký: Trung tâm cần mở kế hoạch năm trước',
  already_registered: ({ p }) =>
    `Đề án đã được đăng ký (hiện ${PROJECT_STATUS_VI[String(p.status)] ?? 'đang xử lý'})`,
  invalid_transition: ({ p }) =>
    p.status !== undefined
      ? `Không thực hiện được bước này khi đề án ${PROJECT_STATUS_VI[String(p.status)] ?? p.status} (chỉ khi ${list(p.allowed)})`
      : 'Không thực hiện được bước này ở trạng thái hiện tại của đề án',
  appraised_exceeds_requested: ({ p }) =>
    `Kinh phí thẩm định ${vnd(p.amountVnd)} vượt kinh phí đề nghị ${vnd(p.requestedVnd)}`,
  approved_exceeds_appraised: ({ p }) =>
    `Kinh phí phê duyệt ${vnd(p.amountVnd)} vượt kinh phí thẩm định ${vnd(p.appraisedVnd)}`,
  exceeds_support_norm: ({ p }) =>
    `Số tiền ${vnd(p.amountVnd)} vượt định mức hỗ trợ của đề án: ${vnd(p.capVnd)} (${String(p.legalBasis)})`,
  approved_below_disbursed: ({ p }) =>
    `Kinh phí phê duyệt ${vnd(p.amountVnd)} thấp hơn số đã giải ngân ${vnd(p.disbursedVnd)}`,
  advance_cap_exceeded: ({ p }) =>
    `Tổng tạm ứng sẽ là ${vnd(p.totalVnd)}, vượt mức ${p.percent}% kinh phí phê duyệt: ${vnd(p.capVnd)} (còn được tạm ứng ${vnd(p.capLeftVnd)})`,
  disbursement_exceeds_approved: ({ p }) =>
    `Số đã giải ngân sẽ là ${vnd(p.netVnd)}, vượt kinh phí phê duyệt ${vnd(p.approvedVnd)}`,
  recovery_exceeds_disbursed: ({ p }) =>
    `Số thu hồi ${vnd(p.amountVnd)} lớn hơn số đã giải ngân ${vnd(p.netVnd)}`,
  settlement_mismatch: ({ p }) =>
    `Số quyết toán ${vnd(p.amountVnd)} khác số đã giải ngân ${vnd(p.netVnd)}`,
  settlement_exceeds_approved: ({ p }) =>
    `Số quyết toán ${vnd(p.amountVnd)} vượt kinh phí phê duyệt ${vnd(p.approvedVnd)}`,
  segregation_of_duties: ({ p }) =>
    p.part !== undefined
      ? `Người ${PART_VI[String(p.part)] ?? 'đã tham gia'} đề án này không được ${DECISION_VI[String(p.decision)] ?? 'quyết định về'} đề án (phân tách nhiệm vụ)`
      : 'Người đã lập kế hoạch không được phê duyệt kế hoạch đó (phân tách nhiệm vụ)',
  period_before_execution: ({ p }) =>
    `Kỳ ${viPeriod(p.period)} trước khi bắt đầu thực hiện (${viDate(p.startedOn)})`,
  period_after_report_date: ({ p }) =>
    `Kỳ ${viPeriod(p.period)} chưa bắt đầu vào ngày ${viDate(p.reportedOn)}`,
  nothing_to_adjust: () =>
    'Điều chỉnh phải thay đổi kinh phí phê duyệt, ngày kết thúc dự kiến hoặc chỉ tiêu',
  planned_end_before_start: ({ p }) =>
    `Ngày kết thúc dự kiến ${viDate(p.plannedEnd)} trước ngày bắt đầu dự kiến ${viDate(p.plannedStart)}`,
  invalid_funding_source: () => 'fundingSource phải là local (địa phương) hoặc national (quốc gia)',
  invalid_personal_data_reference: () =>
    'beneficiary phải tham chiếu một giá trị đã niêm phong trong kho dữ liệu cá nhân',
  personal_data_erased: () =>
    'Dữ liệu cá nhân của người thụ hưởng đã bị xóa; không ghi nhận được giá trị mới',
  personal_data_in_log: () =>
    'Đề án được đăng ký khi dữ liệu cá nhân còn nằm trong sổ sự kiện: không xóa được người thụ hưởng nếu không phát hành lại sổ (docs/audit.md)',
  // Plans
  plan_already_open: ({ p }) =>
    p.year !== undefined ? `Kế hoạch năm ${p.year} đã được mở` : 'Kế hoạch năm đã được mở',
  plan_already_compiled: () => 'Kế hoạch đã được tổng hợp',
  plan_not_compiled: () => 'Kế hoạch phải được tổng hợp trước khi phê duyệt',
  plan_already_approved: () => 'Kế hoạch đã được phê duyệt',
  unknown_programme: () => 'Không có chương trình này',
  plan_year_outside_programme: ({ p }) =>
    p.year !== undefined
      ? `Năm ${p.year} nằm ngoài thời gian của chương trình ${p.fromYear}–${p.toYear}`
      : 'Năm nằm ngoài thời gian của chương trình',
  registration_deadline_after_plan_year: () =>
    'Hạn đăng ký không được sau khi năm kế hoạch kết thúc',
  invalid_project_id: ({ field }) => `${fieldOr(field, 'projectIds')}: cần mã đề án`,
  duplicate_project_id: ({ field }) => `${fieldOr(field, 'projectIds')}: mã đề án bị lặp`,
  project_registered_by_other_district: ({ field }) =>
    `${fieldOr(field, 'projectIds')}: đề án thuộc bản đăng ký của đơn vị khác`,
  project_not_in_district_year: ({ field }) =>
    `${fieldOr(field, 'projectIds')}: không phải đề án do đơn vị này đăng ký cho năm kế hoạch`,
  decision_no_required: () => 'Cần số quyết định',
  decision_date_in_future: ({ p }) =>
    p.date !== undefined
      ? `Ngày quyết định ${viDate(p.date)} sau ngày hôm nay (${viDate(p.today)})`
      : 'Ngày quyết định không được sau ngày hôm nay',
  decision_date_before_compilation: ({ p }) =>
    `Ngày quyết định ${viDate(p.date)} trước ngày tổng hợp kế hoạch (${viDate(p.compiledOn)})`,
  // Programmes
  programme_already_exists: () => 'Chương trình đã tồn tại',
  invalid_programme_code: () => 'Mã chương trình gồm 1–64 chữ cái, chữ số, - hoặc _',
  invalid_year_range: ({ field }) => `${fieldOr(field, 'Năm')}: năm kết thúc trước năm bắt đầu`,
  budget_year_outside_programme: () => 'Năm ngân sách nằm ngoài thời gian của chương trình',
  duplicate_budget_year: () => 'Một năm có hơn một dòng ngân sách',
  duplicate_target_indicator: () => 'Một chỉ tiêu có hơn một mục tiêu',
  name_required: () => 'Cần tên',
  reason_required: () => 'Cần lý do',
  context_indicator_unit_required: () => 'Cần đơn vị tính của chỉ số bối cảnh',
  context_indicator_unit_mismatch: () => 'Chỉ số bối cảnh này đã được ghi với một đơn vị tính khác',
  invalid_context_indicator_value: ({ field }) =>
    `${fieldOr(field, 'Giá trị')} không hợp lệ cho chỉ số bối cảnh`,
  context_year_outside_programme: () =>
    'Năm không thuộc thời gian của chương trình, cũng không phải năm gốc',
  invalid_context_indicator_code: () => 'Mã chỉ số bối cảnh gồm chữ thường, chữ số và _',
  as_of_in_future: ({ p }) =>
    p.date !== undefined
      ? `Ngày số liệu ${viDate(p.date)} sau ngày hôm nay (${viDate(p.today)})`
      : 'Ngày số liệu không được sau ngày hôm nay',
  as_of_outside_year: () => 'Ngày số liệu không thuộc năm đã ghi',
  review_years_outside_programme: () => 'Các năm được xem nằm ngoài thời gian của chương trình',
  // Reference data
  reference_data_loaded: () => 'Phiên bản đầu tiên của dữ liệu danh mục đã được nạp',
  reference_data_not_loaded: () => 'Chưa có dữ liệu danh mục nào được ghi',
  legal_basis_required: () => 'Thay đổi cần căn cứ pháp lý',
  legal_basis_in_future: () => 'Văn bản làm căn cứ chưa được ký',
  unsound_units: ({ field }) =>
    `${fieldOr(field, 'Đơn vị')}: danh mục đơn vị hành chính sẽ không còn nhất quán`,
  invalid_level: () => 'level không phải cấp hành chính hợp lệ',
  unit_code_in_use: () =>
    'Mã đơn vị đang được dùng vào ngày này hoặc sau đó; hãy kết thúc đơn vị cũ trước',
  invalid_parent: () => 'Đơn vị cấp trên không hợp lệ',
  unknown_parent: () => 'Không có đơn vị cấp trên này vào ngày hiệu lực',
  invalid_email: () => 'Không phải địa chỉ thư điện tử',
  invalid_successors: () => 'successors là danh sách các mã đơn vị khác nhau',
  unknown_successor: () => 'Không có đơn vị kế thừa này vào ngày hiệu lực',
  unit_has_units: () => 'Vẫn còn đơn vị trực thuộc; hãy kết thúc các đơn vị đó trước',
  invalid_catalogue: () => 'catalogue không phải danh mục hợp lệ',
  unexpected_field: ({ field }) => `${fieldOr(field, 'Trường này')} không dùng được ở đây`,
  entry_exists: () => 'Mã này đã có trong danh mục',
  unknown_entry: () => 'Không có mã này trong danh mục',
  entry_ended: () => 'Mục này đã hết hiệu lực',
  change_before_latest: () => 'Thay đổi phải có hiệu lực sau lần thay đổi gần nhất',
  invalid_norm: ({ field }) => `${fieldOr(field, 'Định mức')} không phải định mức hợp lệ`,
  invalid_percent: ({ field }) => `${fieldOr(field, 'Tỷ lệ')} phải là số phần trăm nguyên hợp lệ`,
  norm_set_exists: () => 'Bộ định mức này đã được ghi',
  norm_set_date_taken: () => 'Đã có một bộ định mức có hiệu lực từ ngày này (mỗi ngày một bộ)',
  invalid_scope: () => 'scope phải là national (quốc gia) hoặc provincial (tỉnh)',
  advance_cap_date_taken: () => 'Đã có một mức trần tạm ứng có hiệu lực từ ngày này',
  // Reminders
  invalid_as_of: () => 'asOf phải là ngày dạng YYYY-MM-DD',
  reminder_settings_invalid: ({ field }) =>
    `Thiết lập nhắc việc ${fieldOr(field, '')} không hợp lệ`.replace('  ', ' '),
  invalid_reminder_id: () => 'reminderId gồm 1 đến 200 ký tự A-Z, a-z, 0-9, ".", "_" và "-"',
  invalid_channels: () => 'channels phải liệt kê ít nhất một kênh, mỗi kênh một lần',
  invalid_timestamp: () => 'sentAt phải là thời điểm ISO 8601 theo giờ UTC',
};

/**
 * Field messages by the constraint broken. `en` is the English message (class-validator's or
 * ours), from which the limits it names are read where the error carries none.
 */
type ConstraintMessage = (field: string, en: string, p: ErrorParams) => string;

const lastNumber = (en: string): string => {
  const numbers = en.match(/-?\d+(?:\.\d+)?/g);
  return numbers ? numbers[numbers.length - 1] : '';
};

const grouped = (n: string): string => (/^\d+$/.test(n) ? formatInteger(Number(n)) : n);

/** What a reference-data code field must be (the `what` of CodeField). */
const CODE_OF: ReadonlyArray<readonly [RegExp, string]> = [
  [/a district code$/, 'mã đơn vị (quận, huyện cũ)'],
  [/a unit code/, 'mã đơn vị'],
  [/an activity type code$/, 'mã loại hoạt động khuyến công'],
  [/an indicator code$/, 'mã chỉ tiêu'],
  [/a catalogue code$/, 'mã danh mục'],
  [/a programme code$/, 'mã chương trình'],
];

export const CONSTRAINTS: Readonly<Record<string, ConstraintMessage>> = {
  isInt: (f) => `${f} phải là số nguyên`,
  min: (f, en) => `${f} không được nhỏ hơn ${grouped(lastNumber(en))}`,
  max: (f, en) => `${f} không được lớn hơn ${grouped(lastNumber(en))}`,
  maxLength: (f, en) => `${f} dài tối đa ${grouped(lastNumber(en))} ký tự`,
  arrayMaxSize: (f, en) => `${f} có tối đa ${grouped(lastNumber(en))} phần tử`,
  isString: (f) => `${f} phải là chuỗi ký tự`,
  isNotEmpty: (f) => `${f} không được để trống`,
  isArray: (f) => `${f} phải là một danh sách`,
  isObject: (f) => `${f} phải là một đối tượng JSON`,
  isBoolean: (f) => `${f} phải là true hoặc false`,
  isDefined: (f) => `${f} là bắt buộc`,
  isUuid: (f) => `${f} phải là mã UUID`,
  isIn: (f, en) => {
    const values = /following values: (.*)$/.exec(en)?.[1];
    return values
      ? `${f} phải là một trong các giá trị: ${values}`
      : `${f} không phải giá trị hợp lệ`;
  },
  matches: (f, en) => {
    if (/must not be blank$/.test(en)) return `${f} không được để trống`;
    const code = CODE_OF.find(([pattern]) => pattern.test(en));
    if (code) return `${f} phải là ${code[1]}`;
    if (/ISO 8601/.test(en)) return `${f} phải là ngày hoặc thời điểm ISO 8601 có múi giờ`;
    if (/position returned by a command/.test(en)) return `${f} phải là vị trí do một lệnh trả về`;
    return `${f} không đúng định dạng`;
  },
  nestedValidation: (f) => `${f} phải là một đối tượng hoặc danh sách`,
  whitelistValidation: (f) => `Trường ${f} không được phép gửi`,
  isVnd: (f) => `${f} phải là số đồng nguyên, không âm (số JSON, tối đa 9.007.199.254.740.991)`,
  isBusinessDate: (f) => `${f} phải là ngày dương lịch dạng YYYY-MM-DD`,
  isPeriod: (f) => `${f} phải là tháng dạng YYYY-MM`,
  // Ours, given where a request is refused by hand
  headerOnce: (f) => `${f} chỉ được gửi một lần`,
  headerLength: (f, en) => `${f} phải dài từ 1 đến ${lastNumber(en)} ký tự`,
  ifMatch: (f) => `${f} phải là số phiên bản đã nhận trước đó`,
  minPosition: (f) => `${f} phải là vị trí do một lệnh trả về`,
  plainJson: () => 'Nội dung gửi lên không phải JSON thuần',
  oneAsOf: (f) => `${f}: chỉ gửi asOfVersion hoặc asOf, không gửi cả hai`,
  isInstant: (f) => `${f} không phải thời điểm hợp lệ`,
  sameUnit: (f) => `${f}: unit và district chỉ hai đơn vị khác nhau`,
  maxNodes: (f, _en, p) => `${f} làm nội dung vượt quá ${grouped(String(p.max))} giá trị`,
  maxArrayItems: (f, _en, p) => `${f} có hơn ${grouped(String(p.max))} phần tử`,
  maxStringLength: (f, _en, p) => `${f} có chuỗi dài hơn ${grouped(String(p.max))} ký tự`,
  wellFormedUnicode: (f) => `${f} có chuỗi không phải Unicode hợp lệ`,
  maxDepth: (_f, _en, p) => `Nội dung lồng sâu hơn ${String(p.max)} cấp`,
  keyNotAllowed: (f) => `Khóa ${f} không được phép`,
  duplicateKey: (f) => `Khóa ${f} xuất hiện hơn một lần`,
};

function detailOf(problem: ProblemDetails, source: ProblemSource, field = ''): string {
  const byCode = problem.code !== undefined ? DETAILS[problem.code] : undefined;
  if (byCode) return byCode({ field, p: source.params ?? {} });
  return STATUS_DETAILS[problem.status] ?? `Lỗi HTTP ${problem.status}`;
}

function fieldMessage(
  error: FieldError,
  violation: Violation | undefined,
  problem: ProblemDetails,
  source: ProblemSource,
): string {
  const byConstraint =
    violation?.constraint !== undefined ? CONSTRAINTS[violation.constraint] : undefined;
  if (byConstraint) return byConstraint(error.field, error.message, violation?.params ?? {});
  if (violation?.constraint !== undefined) return `${error.field} không hợp lệ`;
  // A business rule naming its field: the field's message is the rule's.
  return detailOf(problem, source, error.field);
}

function titleOf(problem: ProblemDetails): string {
  const slug = problem.type.slice(problem.type.lastIndexOf('/') + 1);
  return TITLES[slug] ?? STATUS_DETAILS[problem.status] ?? `Lỗi HTTP ${problem.status}`;
}

/** The problem in Vietnamese: the same document with its words translated. */
export function inVietnamese(problem: ProblemDetails, source: ProblemSource): ProblemDetails {
  const firstField = problem.errors?.[0]?.field;
  return {
    ...problem,
    title: titleOf(problem),
    detail: detailOf(problem, source, problem.errors?.length === 1 ? firstField : ''),
    ...(problem.errors && {
      errors: problem.errors.map((error, i) => ({
        field: error.field,
        message: fieldMessage(error, source.violations?.[i], problem, source),
      })),
    }),
  };
}
