import { DISTRICTS } from '../../../test/support/reminders/reminder-facts';
import {
  districtName,
  formatViDate,
  formatViPeriod,
  registrationEscalationText,
  registrationReminderText,
} from './messages.vi';

describe('Vietnamese reminder texts', () => {
  const plan2025 = { planYear: 2025, deadline: '2024-05-20' };

  it.each<[string, () => string, string]>([
    ['write dates dd/mm/yyyy', () => formatViDate('2024-05-07'), '07/05/2024'],
    ['write months mm/yyyy', () => formatViPeriod('2024-12'), '12/2024'],
    [
      'remind a district of the registration deadline with the days left',
      () => registrationReminderText({ district: 'Huyện Xuân Lộc', ...plan2025, daysLeft: 7 }),
      'Nhắc nhở: Huyện Xuân Lộc chưa gửi đăng ký kế hoạch khuyến công năm 2025; hạn chót 20/05/2024 (còn 7 ngày).',
    ],
    [
      'escalate to the Center with the days since the deadline',
      () => registrationEscalationText({ district: 'Huyện Cẩm Mỹ', ...plan2025, daysLate: 1 }),
      'Quá hạn: Huyện Cẩm Mỹ chưa gửi đăng ký kế hoạch khuyến công năm 2025; hạn chót 20/05/2024 đã qua 1 ngày. Đề nghị Trung tâm đôn đốc.',
    ],
  ])('%s', (_, text, expected) => {
    expect(text()).toBe(expected);
  });

  it.each([
    ['xuan-loc', 'Huyện Xuân Lộc'],
    ['bien-hoa', 'Thành phố Biên Hòa'],
    // A unit no longer in the reference data, or a name it only inherits, keeps its code.
    ['phuong-tan-phong', 'phuong-tan-phong'],
    ['constructor', 'constructor'],
  ])('name %s as the reference data does, else by its code', (code, name) => {
    expect(districtName(DISTRICTS, code)).toBe(name);
  });

  it('say "today" on the deadline day rather than "0 days left"', () => {
    expect(
      registrationReminderText({ district: 'Huyện Xuân Lộc', ...plan2025, daysLeft: 0 }),
    ).toContain('(hạn chót là hôm nay)');
  });
});
