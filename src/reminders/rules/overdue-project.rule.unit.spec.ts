import { overdueProjectReminders } from './overdue-project.rule';
import { resolveReminderSettings, type ReminderSettings } from './reminder-settings';
import { aProject, factsWith, idsOf } from '../../../test/support/reminders/reminder-facts';
import type { ProjectReminderFacts } from './reminder-facts';

const endsJune = { plannedEnd: '2024-06-30' };
const scan = (
  asOf: string,
  overrides: Partial<ProjectReminderFacts> = {},
  settings?: ReminderSettings,
) =>
  overdueProjectReminders(
    factsWith({ projects: [aProject({ ...endsJune, ...overrides })] }),
    asOf,
    settings,
  );

describe('overdue project reminders', () => {
  describe('around the planned end', () => {
    it('is quiet on the planned end day', () => {
      expect(scan('2024-06-30')).toEqual([]);
    });

    it('reminds the district and the Center the day after', () => {
      expect(scan('2024-07-01')).toEqual([
        {
          reminderId: 'overdue-project.p-1.2024-07',
          rule: 'overdue_project',
          district: 'xuan-loc',
          projectId: 'p-1',
          planYear: 2024,
          dueDate: '2024-07-01',
          recipients: 'both',
          message:
            'Quá hạn: đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” (Huyện Xuân Lộc) đã quá thời hạn kết thúc 30/06/2024 1 ngày nhưng chưa được nghiệm thu.',
        },
      ]);
    });

    it('keeps the same id for the rest of that month', () => {
      expect(idsOf(scan('2024-07-02'))).toEqual(['overdue-project.p-1.2024-07']);
      expect(idsOf(scan('2024-07-31'))).toEqual(['overdue-project.p-1.2024-07']);
      expect(scan('2024-07-02', { sentReminderIds: ['overdue-project.p-1.2024-07'] })).toEqual([]);
    });

    it('waits for the grace days in the settings', () => {
      const grace = resolveReminderSettings({ overdueProject: { graceDays: 10 } });
      expect(scan('2024-07-10', {}, grace)).toEqual([]);
      expect(scan('2024-07-11', {}, grace)).toEqual([
        expect.objectContaining({
          reminderId: 'overdue-project.p-1.2024-07',
          dueDate: '2024-07-11',
        }),
      ]);
    });
  });

  describe('while it stays overdue', () => {
    it('reminds again once in each new month, due on its 1st', () => {
      const july = ['overdue-project.p-1.2024-07'];
      expect(scan('2024-08-01', { sentReminderIds: july })).toEqual([
        expect.objectContaining({
          reminderId: 'overdue-project.p-1.2024-08',
          dueDate: '2024-08-01',
        }),
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
