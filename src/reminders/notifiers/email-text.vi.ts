import type { Reminder, ReminderRule } from '../rules/reminder';
import { formatViDate } from '../rules/messages.vi';

/** The Vietnamese subject line and body of a reminder e-mail. */

const SUBJECTS: Readonly<Record<ReminderRule, string>> = {
  registration_deadline: 'Nhắc gửi đăng ký kế hoạch khuyến công',
  monthly_progress: 'Nhắc gửi báo cáo tiến độ tháng',
  overdue_project: 'Đề án quá thời hạn thực hiện',
  settlement_due: 'Nhắc quyết toán đề án',
  revision_unanswered: 'Nhắc bổ sung hồ sơ đề án',
  appraisal_pending: 'Đề án chờ thẩm định',
};

export function emailSubjectOf(reminder: Reminder): string {
  return `[Khuyến công] ${SUBJECTS[reminder.rule]}`;
}

export function emailTextOf(reminder: Reminder): string {
  return [
    reminder.message,
    '',
    // The unit by its name and official code: a code can name another unit later.
    `Đơn vị: ${reminder.unitName} (mã ${reminder.unit})`,
    `Hạn: ${formatViDate(reminder.dueDate)}`,
    `Mã nhắc việc: ${reminder.reminderId}`,
    '',
    'Thư này do hệ thống quản lý khuyến công gửi tự động; vui lòng không trả lời thư này.',
  ].join('\n');
}
