import { monthlyProgressReminders } from './monthly-progress.rule';
import { resolveReminderSettings } from './reminder-settings';
import { idsOf } from '../../../test/support/reminders/reminder-facts';
import { aboutTheProject, dueOn, projectScan } from '../../../test/support/reminders/rule-scan';

const scan = projectScan(monthlyProgressReminders);

// aProject: in execution since 01/03/2024, no report yet.
describe('monthly progress reminders', () => {
  describe('around the 25th of the current month', () => {
    it('does not ask for the current month on the 24th, only for the previous one', () => {
      expect(idsOf(scan('2024-05-24'))).toEqual(['monthly-progress.p-1.2024-04']);
    });

    it('asks for the current month on the 25th', () => {
      expect(idsOf(scan('2024-05-25'))).toEqual([
        'monthly-progress.p-1.2024-04',
        'monthly-progress.p-1.2024-05',
      ]);
    });

    it('still asks on the 26th', () => {
      expect(idsOf(scan('2024-05-26'))).toEqual([
        'monthly-progress.p-1.2024-04',
        'monthly-progress.p-1.2024-05',
      ]);
    });

    it('tells the district which month and which project, due on the 25th', () => {
      const [, may] = scan('2024-05-25');
      expect(may).toEqual(
        aboutTheProject({
          reminderId: 'monthly-progress.p-1.2024-05',
          rule: 'monthly_progress',
          dueDate: '2024-05-25',
          recipients: 'district',
          message:
            'Nhắc nhở: Huyện Xuân Lộc chưa gửi báo cáo tiến độ tháng 05/2024 của đề án “Hỗ trợ máy chà nhám cho cơ sở mộc”; hạn báo cáo 25/05/2024.',
        }),
      );
    });
  });

  describe('which months it checks', () => {
    it('looks back one month only, not at every month since execution started', () => {
      expect(idsOf(scan('2024-08-25'))).toEqual([
        'monthly-progress.p-1.2024-07',
        'monthly-progress.p-1.2024-08',
      ]);
    });

    it('looks back as far as the settings say', () => {
      const none = resolveReminderSettings({ monthlyProgress: { previousMonths: 0 } });
      const two = resolveReminderSettings({ monthlyProgress: { previousMonths: 2 } });
      expect(idsOf(scan('2024-08-24', {}, none))).toEqual([]);
      expect(idsOf(scan('2024-08-24', {}, two))).toEqual([
        'monthly-progress.p-1.2024-06',
        'monthly-progress.p-1.2024-07',
      ]);
    });

    it('skips months that have a report', () => {
      expect(idsOf(scan('2024-05-25', { reportedPeriods: ['2024-04'] }))).toEqual([
        'monthly-progress.p-1.2024-05',
      ]);
      expect(scan('2024-05-25', { reportedPeriods: ['2024-03', '2024-04', '2024-05'] })).toEqual(
        [],
      );
    });

    it('skips reminders already sent', () => {
      expect(
        idsOf(scan('2024-05-25', { sentReminderIds: ['monthly-progress.p-1.2024-04'] })),
      ).toEqual(['monthly-progress.p-1.2024-05']);
    });

    it('moves from December into January', () => {
      const project = { executionStartedOn: '2024-11-04' };
      expect(idsOf(scan('2025-01-24', project))).toEqual(['monthly-progress.p-1.2024-12']);
      expect(scan('2025-01-24', project)[0].dueDate).toBe('2024-12-25');
      expect(idsOf(scan('2025-01-25', project))).toEqual([
        'monthly-progress.p-1.2024-12',
        'monthly-progress.p-1.2025-01',
      ]);
    });

    it('clamps a due day past the end of a short month', () => {
      const day31 = resolveReminderSettings({ monthlyProgress: { dueDay: 31 } });
      const sinceJanuary = { executionStartedOn: '2024-01-02' };
      expect(idsOf(scan('2024-02-28', sinceJanuary, day31))).toEqual([
        'monthly-progress.p-1.2024-01',
      ]);
      expect(scan('2024-02-29', sinceJanuary, day31).map((r) => r.dueDate)).toEqual([
        '2024-01-31',
        '2024-02-29',
      ]);
    });
  });

  describe('when execution started late in the month', () => {
    it('asks nothing for months before execution started', () => {
      expect(scan('2024-06-24', { executionStartedOn: '2024-06-01' })).toEqual([]);
    });

    it('asks nothing before execution has started, when started on the 26th', () => {
      expect(scan('2024-05-25', { executionStartedOn: '2024-05-26' })).toEqual([]);
    });

    it('asks for that month from the start day, since the project was in execution during it', () => {
      expect(scan('2024-05-26', { executionStartedOn: '2024-05-26' })).toEqual([
        dueOn('monthly-progress.p-1.2024-05', '2024-05-26'),
      ]);
    });

    it('counts a start on the last day of the month as a month in execution', () => {
      expect(idsOf(scan('2024-06-24', { executionStartedOn: '2024-05-31' }))).toEqual([
        'monthly-progress.p-1.2024-05',
      ]);
    });
  });

  describe('when accepted', () => {
    const acceptedMidMay = { status: 'accepted' as const, acceptedOn: '2024-05-15' };

    it('still asks for the month of acceptance', () => {
      expect(idsOf(scan('2024-05-25', acceptedMidMay))).toEqual([
        'monthly-progress.p-1.2024-04',
        'monthly-progress.p-1.2024-05',
      ]);
    });

    it('asks nothing for the months after acceptance', () => {
      expect(idsOf(scan('2024-06-25', acceptedMidMay))).toEqual(['monthly-progress.p-1.2024-05']);
      expect(scan('2024-07-25', acceptedMidMay)).toEqual([]);
    });

    it('counts acceptance on the 1st as a month in execution, and on the day before as not', () => {
      expect(idsOf(scan('2024-06-25', { status: 'accepted', acceptedOn: '2024-06-01' }))).toContain(
        'monthly-progress.p-1.2024-06',
      );
      expect(idsOf(scan('2024-06-25', { status: 'accepted', acceptedOn: '2024-05-31' }))).toEqual([
        'monthly-progress.p-1.2024-05',
      ]);
    });

    it('keeps asking for the month of acceptance after settlement', () => {
      expect(idsOf(scan('2024-05-25', { ...acceptedMidMay, status: 'settled' }))).toContain(
        'monthly-progress.p-1.2024-05',
      );
    });
  });

  describe('projects it leaves alone', () => {
    it.each(['registered', 'approved', 'cancelled', 'rejected'] as const)(
      'a %s project',
      (status) => {
        expect(scan('2024-05-25', { status })).toEqual([]);
      },
    );

    it('a project with no execution start', () => {
      expect(scan('2024-05-25', { executionStartedOn: null })).toEqual([]);
    });

    it('an accepted project whose acceptance date is unknown', () => {
      expect(scan('2024-05-25', { status: 'accepted', acceptedOn: undefined })).toEqual([]);
    });
  });
});
