import { appraisalPendingReminders } from './appraisal-pending.rule';
import { resolveReminderSettings, type ReminderSettings } from './reminder-settings';
import { aProject, factsWith, idsOf } from '../../../test/support/reminders/reminder-facts';
import type { ProjectReminderFacts } from './reminder-facts';

const registeredMay1: Partial<ProjectReminderFacts> = {
  status: 'registered',
  registeredOn: '2024-05-01',
  executionStartedOn: null,
};
const scan = (
  asOf: string,
  overrides: Partial<ProjectReminderFacts> = {},
  settings?: ReminderSettings,
) =>
  appraisalPendingReminders(
    factsWith({ projects: [aProject({ ...registeredMay1, ...overrides })] }),
    asOf,
    settings,
  );

describe('pending appraisal reminders', () => {
  it('is quiet when exactly 15 days have passed', () => {
    expect(scan('2024-05-16')).toEqual([]);
  });

  it('reminds the Center once more than 15 days have passed', () => {
    expect(scan('2024-05-17')).toEqual([
      {
        reminderId: 'appraisal-pending.p-1.2024-05-01',
        rule: 'appraisal_pending',
        district: 'xuan-loc',
        projectId: 'p-1',
        planYear: 2024,
        dueDate: '2024-05-17',
        recipients: 'center',
        message:
          'Nhắc nhở: đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” (Huyện Xuân Lộc) đăng ký ngày 01/05/2024 chưa được thẩm định sau 16 ngày.',
      },
    ]);
  });

  it('is still due the day after, until sent', () => {
    expect(idsOf(scan('2024-05-18'))).toEqual(['appraisal-pending.p-1.2024-05-01']);
    expect(scan('2024-05-18', { sentReminderIds: ['appraisal-pending.p-1.2024-05-01'] })).toEqual(
      [],
    );
  });

  it('counts from the latest resubmission', () => {
    const resubmitted = {
      registeredOn: '2024-06-10',
      sentReminderIds: ['appraisal-pending.p-1.2024-05-01'],
    };
    expect(scan('2024-06-25', resubmitted)).toEqual([]);
    expect(idsOf(scan('2024-06-26', resubmitted))).toEqual(['appraisal-pending.p-1.2024-06-10']);
  });

  it('follows the number of days in the settings', () => {
    const month = resolveReminderSettings({ appraisalPending: { afterDays: 30 } });
    expect(scan('2024-05-31', {}, month)).toEqual([]);
    expect(idsOf(scan('2024-06-01', {}, month))).toEqual(['appraisal-pending.p-1.2024-05-01']);
  });

  it.each(['under_appraisal', 'revision_requested', 'appraised', 'cancelled'] as const)(
    'says nothing once the project is %s',
    (status) => {
      expect(scan('2024-06-01', { status })).toEqual([]);
    },
  );
});
