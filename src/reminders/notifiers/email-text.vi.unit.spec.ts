import type { Reminder } from '../rules/reminder';
import { emailSubjectOf, emailTextOf } from './email-text.vi';
import { noticeOf } from './notifier';

const reminder: Reminder = {
  reminderId: 'monthly-progress.p-1.2026-03',
  rule: 'monthly_progress',
  district: '26116',
  unit: '26116',
  unitName: 'Phường Tân Phú',
  projectId: 'p-1',
  planYear: 2026,
  dueDate: '2026-04-05',
  message: 'Nhắc nhở: Phường Tân Phú chưa gửi báo cáo tiến độ tháng 03/2026.',
  recipients: 'district',
};

describe('what a reminder sends', () => {
  it('names the unit in the e-mail by its name and its official code', () => {
    expect(emailSubjectOf(reminder)).toBe('[Khuyến công] Nhắc gửi báo cáo tiến độ tháng');
    expect(emailTextOf(reminder).split('\n')).toEqual([
      reminder.message,
      '',
      'Đơn vị: Phường Tân Phú (mã 26116)',
      'Hạn: 05/04/2026',
      'Mã nhắc việc: monthly-progress.p-1.2026-03',
      '',
      'Thư này do hệ thống quản lý khuyến công gửi tự động; vui lòng không trả lời thư này.',
    ]);
  });

  it("gives the webhook the unit's official code beside the key it is recorded under", () => {
    const former = { ...reminder, district: 'tan-phu', unit: '734', unitName: 'Huyện Tân Phú' };
    expect(noticeOf(former, '2026-04-05T01:00:00.000Z')).toEqual({
      reminderId: 'monthly-progress.p-1.2026-03',
      rule: 'monthly_progress',
      district: 'tan-phu',
      unit: '734',
      projectId: 'p-1',
      planYear: 2026,
      dueDate: '2026-04-05',
      message: reminder.message,
      issuedAt: '2026-04-05T01:00:00.000Z',
    });
  });
});
