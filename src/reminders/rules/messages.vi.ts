import type { BusinessDate, Period } from '../../shared/business-date';
import type { DistrictNames } from './reminder-facts';

/** The Vietnamese texts of the reminders. Dates read dd/mm/yyyy, months mm/yyyy. */

export function formatViDate(date: BusinessDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export function formatViPeriod(period: Period): string {
  return `${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

/** The unit's display name; a code no longer in the reference data (history keeps old codes) shows as itself. */
export function districtName(districts: DistrictNames, code: string): string {
  return Object.hasOwn(districts, code) ? districts[code].name : code;
}

const quoted = (title: string) => `“${title}”`;

export function registrationReminderText(p: {
  district: string;
  planYear: number;
  deadline: BusinessDate;
  daysLeft: number;
}): string {
  const left = p.daysLeft === 0 ? 'hạn chót là hôm nay' : `còn ${p.daysLeft} ngày`;
  return (
    `Nhắc nhở: ${p.district} chưa gửi đăng ký kế hoạch khuyến công năm ${p.planYear}; ` +
    `hạn chót ${formatViDate(p.deadline)} (${left}).`
  );
}

export function registrationEscalationText(p: {
  district: string;
  planYear: number;
  deadline: BusinessDate;
  daysLate: number;
}): string {
  return (
    `Quá hạn: ${p.district} chưa gửi đăng ký kế hoạch khuyến công năm ${p.planYear}; ` +
    `hạn chót ${formatViDate(p.deadline)} đã qua ${p.daysLate} ngày. Đề nghị Trung tâm đôn đốc.`
  );
}

export function monthlyProgressText(p: {
  district: string;
  title: string;
  period: Period;
  dueDate: BusinessDate;
}): string {
  return (
    `Nhắc nhở: ${p.district} chưa gửi báo cáo tiến độ tháng ${formatViPeriod(p.period)} ` +
    `của đề án ${quoted(p.title)}; hạn báo cáo ${formatViDate(p.dueDate)}.`
  );
}

export function overdueProjectText(p: {
  district: string;
  title: string;
  plannedEnd: BusinessDate;
  daysOverdue: number;
}): string {
  return (
    `Quá hạn: đề án ${quoted(p.title)} (${p.district}) đã quá thời hạn kết thúc ` +
    `${formatViDate(p.plannedEnd)} ${p.daysOverdue} ngày nhưng chưa được nghiệm thu.`
  );
}

export function settlementAfterAcceptanceText(p: {
  district: string;
  title: string;
  acceptedOn: BusinessDate;
  days: number;
  dueDate: BusinessDate;
}): string {
  return (
    `Nhắc nhở: đề án ${quoted(p.title)} (${p.district}) đã nghiệm thu ngày ` +
    `${formatViDate(p.acceptedOn)} nhưng chưa quyết toán; hồ sơ quyết toán phải hoàn thành ` +
    `trong ${p.days} ngày kể từ ngày nghiệm thu (hạn ${formatViDate(p.dueDate)}).`
  );
}

export function settlementYearEndText(p: {
  district: string;
  title: string;
  acceptedYear: number;
  dueDate: BusinessDate;
}): string {
  return (
    `Nhắc nhở: đề án ${quoted(p.title)} (${p.district}) nghiệm thu năm ${p.acceptedYear} ` +
    `phải được quyết toán chậm nhất ngày ${formatViDate(p.dueDate)}; hiện chưa quyết toán.`
  );
}

export function revisionUnansweredText(p: {
  district: string;
  title: string;
  requestedOn: BusinessDate;
  days: number;
}): string {
  return (
    `Nhắc nhở: ${p.district} chưa bổ sung hồ sơ đề án ${quoted(p.title)} theo yêu cầu ngày ` +
    `${formatViDate(p.requestedOn)} (đã ${p.days} ngày).`
  );
}

export function appraisalPendingText(p: {
  district: string;
  title: string;
  registeredOn: BusinessDate;
  days: number;
}): string {
  return (
    `Nhắc nhở: đề án ${quoted(p.title)} (${p.district}) đăng ký ngày ` +
    `${formatViDate(p.registeredOn)} chưa được thẩm định sau ${p.days} ngày.`
  );
}
