import { overdueProjectReminders } from './overdue-project.rule';
import { resolveReminderSettings } from './reminder-settings';
import { idsOf } from '../../../test/support/reminders/reminder-facts';
import {
  aboutTheProject,
  dueOn,
  itComesDue,
  projectScan,
} from '../../../test/support/reminders/rule-scan';

const scan = projectScan(overdueProjectReminders, { plannedEnd: '2024-06-30' });

describe('overdue project reminders', () => {
  describe('around the planned end', () => {
    itComesDue(
      scan,
      { quietOn: '2024-06-30', stillDueOn: '2024-07-31' },
      aboutTheProject({
        reminderId: 'overdue-project.p-1.2024-07',
        rule: 'overdue_project',
        dueDate: '2024-07-01',
        recipients: 'both',
        message:
          'Quá hạn: đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” (Huyện Xuân Lộc) đã quá thời hạn kết thúc 30/06/2024 1 ngày nhưng chưa được nghiệm thu.',
      }),
      [
        'is quiet on the planned end day',
        'reminds the district and the Center the day after',
        'keeps the same id to the end of that month, until sent',
      ],
    );

    it('keeps the same id the next day', () => {
      expect(idsOf(scan('2024-07-02'))).toEqual(['overdue-project.p-1.2024-07']);
    });

    it('waits for the grace days in the settings', () => {
      const grace = resolveReminderSettings({ overdueProject: { graceDays: 10 } });
      expect(scan('2024-07-10', {}, grace)).toEqual([]);
      expect(scan('2024-07-11', {}, grace)).toEqual([
        dueOn('overdue-project.p-1.2024-07', '2024-07-11'),
      ]);
    });
  });

  describe('while it stays overdue', () => {
    it('reminds again once in each new month, due on its 1st', () => {
      const july = ['overdue-project.p-1.2024-07'];
      expect(scan('2024-08-01', { sentReminderIds: july })).toEqual([
        dueOn('overdue-project.p-1.2024-08', '2024-08-01'),
      ]);
    });

    it('crosses the year with the period in the id', () => {
      expect(idsOf(scan('2025-01-01', { plannedEnd: '2024-12-31' }))).toEqual([
        'overdue-project.p-1.2025-01',
      ]);
      expect(scan('2024-12-31', { plannedEnd: '2024-12-31' })).toEqual([]);
    });
  });

  describe('which projects', () => {
    it('includes approved projects whose execution never started', () => {
      expect(idsOf(scan('2024-07-01', { status: 'approved', executionStartedOn: null }))).toEqual([
        'overdue-project.p-1.2024-07',
      ]);
    });

    it.each(['accepted', 'settled', 'cancelled', 'rejected', 'registered', 'appraised'] as const)(
      'leaves a %s project alone',
      (status) => {
        expect(scan('2024-07-01', { status })).toEqual([]);
      },
    );

    it('leaves alone a project that has an acceptance date', () => {
      expect(scan('2024-07-01', { acceptedOn: '2024-06-29' })).toEqual([]);
    });
  });
});
