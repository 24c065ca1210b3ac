import { settlementReminders } from './settlement.rule';
import { resolveReminderSettings } from './reminder-settings';
import { idsOf } from '../../../test/support/reminders/reminder-facts';
import {
  aboutTheProject,
  dueOn,
  expectDueUntilSent,
  itComesDue,
  projectScan,
} from '../../../test/support/reminders/rule-scan';

const scan = projectScan(settlementReminders, { status: 'accepted' });

describe('settlement reminders', () => {
  describe('within 15 days of acceptance', () => {
    const acceptedMarch10 = { acceptedOn: '2024-03-10' };

    itComesDue(
      scan,
      { quietOn: '2024-03-24', stillDueOn: '2024-03-26' },
      aboutTheProject({
        reminderId: 'settlement-due.p-1.after-acceptance',
        rule: 'settlement_due',
        dueDate: '2024-03-25',
        recipients: 'both',
        message:
          'Nhắc nhở: đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” (Huyện Xuân Lộc) đã nghiệm thu ngày 10/03/2024 nhưng chưa quyết toán; hồ sơ quyết toán phải hoàn thành trong 15 ngày kể từ ngày nghiệm thu (hạn 25/03/2024).',
      }),
      [
        'is quiet the day before the dossier is due',
        'reminds the district and the Center on the 15th day',
        'is still due the day after until sent',
      ],
      acceptedMarch10,
    );

    it('says nothing once settled', () => {
      expect(scan('2024-03-26', { ...acceptedMarch10, status: 'settled' })).toEqual([]);
    });
  });

  describe('by 22 January of the following year', () => {
    const acceptedDecember = { acceptedOn: '2024-12-20' };
    const dossierSent = {
      ...acceptedDecember,
      sentReminderIds: ['settlement-due.p-1.after-acceptance'],
    };

    it('is quiet on 21 January', () => {
      expect(scan('2025-01-21', dossierSent)).toEqual([]);
    });

    it('reminds on 22 January', () => {
      const [reminder] = scan('2025-01-22', dossierSent);
      expect(reminder).toEqual(dueOn('settlement-due.p-1.year-end', '2025-01-22'));
      expect(reminder.message).toBe(
        'Nhắc nhở: đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” (Huyện Xuân Lộc) nghiệm thu năm 2024 phải được quyết toán chậm nhất ngày 22/01/2025; hiện chưa quyết toán.',
      );
    });

    it('is still due on 23 January until sent', () => {
      expectDueUntilSent(scan, '2025-01-23', 'settlement-due.p-1.year-end', acceptedDecember);
    });

    it('replaces the 15-day reminder on a late scan instead of sending both', () => {
      expect(idsOf(scan('2025-01-21', acceptedDecember))).toEqual([
        'settlement-due.p-1.after-acceptance',
      ]);
      expect(idsOf(scan('2025-01-22', acceptedDecember))).toEqual(['settlement-due.p-1.year-end']);
    });

    it('applies to projects accepted early in the year as well', () => {
      expect(idsOf(scan('2025-01-22', { acceptedOn: '2024-01-05' }))).toEqual([
        'settlement-due.p-1.year-end',
      ]);
    });

    it('follows the year-end day in the settings', () => {
      const march = resolveReminderSettings({ settlement: { yearEndMonth: 3, yearEndDay: 31 } });
      expect(scan('2025-03-30', dossierSent, march)).toEqual([]);
      expect(idsOf(scan('2025-03-31', dossierSent, march))).toEqual([
        'settlement-due.p-1.year-end',
      ]);
    });

    it('sends the 15-day reminder when a longer dossier period ends after the year-end date', () => {
      const sixtyDays = resolveReminderSettings({ settlement: { daysAfterAcceptance: 60 } });
      expect(idsOf(scan('2025-01-22', acceptedDecember, sixtyDays))).toEqual([
        'settlement-due.p-1.year-end',
      ]);
      expect(idsOf(scan('2025-02-18', acceptedDecember, sixtyDays))).toEqual([
        'settlement-due.p-1.after-acceptance',
      ]);
    });
  });

  describe('which projects', () => {
    it.each(['in_execution', 'settled', 'cancelled'] as const)(
      'leaves a %s project alone',
      (status) => {
        expect(scan('2025-02-01', { status, acceptedOn: '2024-12-20' })).toEqual([]);
      },
    );

    it('leaves alone an accepted project with no acceptance date', () => {
      expect(scan('2025-02-01', { acceptedOn: null })).toEqual([]);
    });
  });
});
