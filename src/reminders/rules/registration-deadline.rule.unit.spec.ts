import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import { registeringUnits } from '../../reference-data/registering-units';
import { registrationDeadlineReminders } from './registration-deadline.rule';
import { resolveReminderSettings } from './reminder-settings';
import {
  aPlan,
  DISTRICT_CODES,
  factsWith,
  idsOf,
} from '../../../test/support/reminders/reminder-facts';
import { dueOn, expectDueUntilSent, planScan } from '../../../test/support/reminders/rule-scan';

// Plan 2025, deadline 20/05/2024: thresholds fall on 20/04 (30 days), 13/05 (7) and 19/05 (1).
const ALL_BUT_XUAN_LOC = DISTRICT_CODES.filter((d) => d !== 'xuan-loc');
const scan = planScan(registrationDeadlineReminders, { districtsSubmitted: ALL_BUT_XUAN_LOC });
describe('registration deadline reminders', () => {
  describe('what it says, and to whom', () => {
    it.each([
      [
        'addresses the district with the deadline and the days left, on the 30-day threshold',
        '2024-04-20',
        'd30',
        'district',
        'Nhắc nhở: Huyện Xuân Lộc chưa gửi đăng ký kế hoạch khuyến công năm 2025; hạn chót 20/05/2024 (còn 30 ngày).',
      ],
      [
        'escalates to the Center the day after the deadline, once per missing district',
        '2024-05-21',
        'escalation',
        'center',
        'Quá hạn: Huyện Xuân Lộc chưa gửi đăng ký kế hoạch khuyến công năm 2025; hạn chót 20/05/2024 đã qua 1 ngày. Đề nghị Trung tâm đôn đốc.',
      ],
    ] as const)('%s', (_, dueDate, kind, recipients, message) => {
      expect(scan(dueDate)).toEqual([
        {
          reminderId: `registration-deadline.2025.xuan-loc.${kind}`,
          rule: 'registration_deadline',
          district: 'xuan-loc',
          unit: '741',
          unitName: 'Huyện Xuân Lộc',
          planYear: 2025,
          dueDate,
          recipients,
          message,
        },
      ]);
    });
  });

  describe('before the first threshold', () => {
    it('reminds no one on the day before the 30-day threshold', () => {
      expect(scan('2024-04-19')).toEqual([]);
    });
  });

  describe('on the 30-day threshold', () => {
    it('reminds every district that has not submitted, on its day', () => {
      const reminders = registrationDeadlineReminders(
        factsWith({ plans: [aPlan()] }),
        '2024-04-20',
      );
      expect(reminders).toHaveLength(11);
      expect(reminders.map((r) => r.district)).toEqual(DISTRICT_CODES);
    });

    it('leaves out districts that have submitted', () => {
      expect(idsOf(scan('2024-04-20'))).toEqual(['registration-deadline.2025.xuan-loc.d30']);
    });

    it('is still due the day after, until the history says it was sent', () => {
      expectDueUntilSent(scan, '2024-04-21', 'registration-deadline.2025.xuan-loc.d30');
    });
  });

  describe('on the 7-day threshold', () => {
    const sent30 = { sentReminderIds: ['registration-deadline.2025.xuan-loc.d30'] };

    it('is not due the day before', () => {
      expect(scan('2024-05-12', sent30)).toEqual([]);
    });

    it('is due on its day, saying 7 days are left', () => {
      const [reminder] = scan('2024-05-13', sent30);
      expect(reminder).toEqual(dueOn('registration-deadline.2025.xuan-loc.d7', '2024-05-13'));
      expect(reminder.message).toContain('(còn 7 ngày)');
    });

    it('is still due the day after, with the true days left', () => {
      const [reminder] = scan('2024-05-14', sent30);
      expect(reminder.reminderId).toBe('registration-deadline.2025.xuan-loc.d7');
      expect(reminder.message).toContain('(còn 6 ngày)');
    });
  });

  describe('when the scan runs late', () => {
    it('sends only the most recent threshold reached, never an older one that was missed', () => {
      expect(idsOf(scan('2024-05-15'))).toEqual(['registration-deadline.2025.xuan-loc.d7']);
    });

    it('sends nothing when the most recent threshold was sent, even if an older one never was', () => {
      expect(
        scan('2024-05-15', { sentReminderIds: ['registration-deadline.2025.xuan-loc.d7'] }),
      ).toEqual([]);
    });

    it('still sends the 1-day reminder on the deadline day itself', () => {
      const [reminder] = scan('2024-05-20');
      expect(reminder).toEqual(dueOn('registration-deadline.2025.xuan-loc.d1', '2024-05-19'));
      expect(reminder.message).toContain('(hạn chót là hôm nay)');
    });
  });

  describe('on the 1-day threshold', () => {
    it('is not due two days before the deadline, due the day before', () => {
      expect(idsOf(scan('2024-05-18'))).toEqual(['registration-deadline.2025.xuan-loc.d7']);
      expect(idsOf(scan('2024-05-19'))).toEqual(['registration-deadline.2025.xuan-loc.d1']);
    });
  });

  describe('after the deadline', () => {
    it('does not escalate again once the escalation is recorded as sent', () => {
      expect(
        scan('2024-06-30', { sentReminderIds: ['registration-deadline.2025.xuan-loc.escalation'] }),
      ).toEqual([]);
    });

    it('does not send a missed threshold reminder any more', () => {
      expect(idsOf(scan('2024-05-22'))).toEqual(['registration-deadline.2025.xuan-loc.escalation']);
    });

    it('can be told not to escalate', () => {
      const settings = resolveReminderSettings({
        registrationDeadline: { escalateToCenter: false },
      });
      expect(scan('2024-05-21', {}, settings)).toEqual([]);
    });
  });

  describe('which units it reminds', () => {
    const everyUnit = registeringUnits(DEFAULT_REFERENCE_DATA);

    it("reminds every unit of the plan's year but the Center, which does not remind itself", () => {
      const plan = aPlan({ year: 2026, registrationDeadline: '2025-11-30' });
      const reminders = registrationDeadlineReminders(
        factsWith({ plans: [plan], districts: everyUnit }),
        '2025-11-29',
      );
      expect(reminders).toHaveLength(95);
      expect(reminders.map((r) => r.district)).not.toContain('75');
      expect(reminders.find((r) => r.district === '26116')).toMatchObject({
        unit: '26116',
        unitName: 'Phường Tân Phú',
      });
    });
  });

  describe('which plans it looks at', () => {
    it('ignores plans that are no longer open', () => {
      expect(scan('2024-05-13', { status: 'compiled' })).toEqual([]);
      expect(scan('2024-05-21', { status: 'approved' })).toEqual([]);
    });

    it('ignores a plan without a deadline', () => {
      expect(scan('2024-05-13', { registrationDeadline: null })).toEqual([]);
      expect(scan('2024-05-13', { registrationDeadline: undefined })).toEqual([]);
    });

    it('keeps reminders of two open plans apart by year', () => {
      const facts = factsWith({
        plans: [
          aPlan({ districtsSubmitted: ALL_BUT_XUAN_LOC }),
          aPlan({
            year: 2026,
            registrationDeadline: '2025-05-20',
            districtsSubmitted: ALL_BUT_XUAN_LOC,
          }),
        ],
      });
      expect(idsOf(registrationDeadlineReminders(facts, '2024-05-13'))).toEqual([
        'registration-deadline.2025.xuan-loc.d7',
      ]);
    });

    it('follows the thresholds in the settings, in any order', () => {
      const settings = resolveReminderSettings({ registrationDeadline: { daysBefore: [3, 14] } });
      expect(scan('2024-05-05', {}, settings)).toEqual([]);
      expect(idsOf(scan('2024-05-06', {}, settings))).toEqual([
        'registration-deadline.2025.xuan-loc.d14',
      ]);
      expect(idsOf(scan('2024-05-17', {}, settings))).toEqual([
        'registration-deadline.2025.xuan-loc.d3',
      ]);
    });
  });
});
