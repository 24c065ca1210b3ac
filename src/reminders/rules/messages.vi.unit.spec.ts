import { DISTRICTS } from '../../../test/support/reminders/reminder-facts';
import {
  districtName,
  formatViDate,
  formatViPeriod,
  registrationEscalationText,
  registrationReminderText,
} from './messages.vi';

describe('Vietnamese reminder texts', () => {
  it('write dates dd/mm/yyyy and months mm/yyyy', () => {
    expect(formatViDate('2024-05-07')).toBe('07/05/2024');
    expect(formatViPeriod('2024-12')).toBe('12/2024');
  });

  it('name the district as the reference data does', () => {
    expect(districtName(DISTRICTS, 'xuan-loc')).toBe('Huyện Xuân Lộc');
    expect(districtName(DISTRICTS, 'bien-hoa')).toBe('Thành phố Biên Hòa');
  });

  it('fall back to the code for a unit no longer in the reference data', () => {
    expect(districtName(DISTRICTS, 'phuong-tan-phong')).toBe('phuong-tan-phong');
    expect(districtName(DISTRICTS, 'constructor')).toBe('constructor');
  });

  it('remind a district of the registration deadline with the days left', () => {
    expect(
      registrationReminderText({
        district: 'Huyện Xuân Lộc',
        planYear: 2025,
        deadline: '2024-05-20',
        daysLeft: 7,
      }),
    ).toBe(
      'Nhắc nhở: Huyện Xuân Lộc chưa gửi đăng ký kế hoạch khuyến công năm 2025; hạn chót 20/05/2024 (còn 7 ngày).',
    );
  });

  it('say "today" on the deadline day rather than "0 days left"', () => {
    expect(
      registrationReminderText({
        district: 'Huyện Xuân Lộc',
        planYear: 2025,
        deadline: '2024-05-20',
        daysLeft: 0,
      }),
    ).toContain('(hạn chót là hôm nay)');
  });

  it('escalate to the Center with the days since the deadline', () => {
    expect(
      registrationEscalationText({
        district: 'Huyện Cẩm Mỹ',
        planYear: 2025,
        deadline: '2024-05-20',
        daysLate: 1,
      }),
    ).toBe(
      'Quá hạn: Huyện Cẩm Mỹ chưa gửi đăng ký kế hoạch khuyến công năm 2025; hạn chót 20/05/2024 đã qua 1 ngày. Đề nghị Trung tâm đôn đốc.',
    );
  });
});
