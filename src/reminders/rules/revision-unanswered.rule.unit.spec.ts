import { revisionUnansweredReminders } from './revision-unanswered.rule';
import { resolveReminderSettings, type ReminderSettings } from './reminder-settings';
import { aProject, factsWith, idsOf } from '../../../test/support/reminders/reminder-facts';
import type { ProjectReminderFacts } from './reminder-facts';

const requestedMay1: Partial<ProjectReminderFacts> = {
  status: 'revision_requested',
  revisionRequestedOn: '2024-05-01',
  executionStartedOn: null,
};
const scan = (
  asOf: string,
  overrides: Partial<ProjectReminderFacts> = {},
  settings?: ReminderSettings,
) =>
  revisionUnansweredReminders(
    factsWith({ projects: [aProject({ ...requestedMay1, ...overrides })] }),
    asOf,
    settings,
  );

describe('unanswered revision request reminders', () => {
  it('is quiet when exactly 15 days have passed', () => {
    expect(scan('2024-05-16')).toEqual([]);
  });

  it('reminds the district once more than 15 days have passed', () => {
    expect(scan('2024-05-17')).toEqual([
      {
        reminderId: 'revision-unanswered.p-1.2024-05-01',
        rule: 'revision_unanswered',
        district: 'xuan-loc',
        projectId: 'p-1',
        planYear: 2024,
        dueDate: '2024-05-17',
        recipients: 'district',
        message:
          'Nhắc nhở: Huyện Xuân Lộc chưa bổ sung hồ sơ đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” theo yêu cầu ngày 01/05/2024 (đã 16 ngày).',
      },
    ]);
  });

  it('is still due the day after, until sent', () => {
    expect(idsOf(scan('2024-05-18'))).toEqual(['revision-unanswered.p-1.2024-05-01']);
    expect(scan('2024-05-18', { sentReminderIds: ['revision-unanswered.p-1.2024-05-01'] })).toEqual(
      [],
    );
  });

  it('reminds again for a later request after a resubmission', () => {
    const again = {
      revisionRequestedOn: '2024-07-01',
      sentReminderIds: ['revision-unanswered.p-1.2024-05-01'],
    };
    expect(idsOf(scan('2024-07-17', again))).toEqual(['revision-unanswered.p-1.2024-07-01']);
  });

  it('follows the number of days in the settings', () => {
    const week = resolveReminderSettings({ revisionUnanswered: { afterDays: 7 } });
    expect(scan('2024-05-08', {}, week)).toEqual([]);
    expect(idsOf(scan('2024-05-09', {}, week))).toEqual(['revision-unanswered.p-1.2024-05-01']);
  });

  it('says nothing once the district has resubmitted', () => {
    expect(scan('2024-05-20', { status: 'registered' })).toEqual([]);
  });

  it('says nothing when the request date is unknown', () => {
    expect(scan('2024-05-20', { revisionRequestedOn: null })).toEqual([]);
  });
});
