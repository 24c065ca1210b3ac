import { appraisalPendingReminders } from './appraisal-pending.rule';
import { revisionUnansweredReminders } from './revision-unanswered.rule';
import { resolveReminderSettings, type ReminderSettingsOverrides } from './reminder-settings';
import type { Reminder } from './reminder';
import type { ProjectReminderFacts } from './reminder-facts';
import type { ProjectStatus } from '../../projects/domain/project.types';
import { idsOf } from '../../../test/support/reminders/reminder-facts';
import {
  aboutTheProject,
  itComesDue,
  projectScan,
  type Scan,
} from '../../../test/support/reminders/rule-scan';

interface WaitingRule {
  readonly name: string;
  readonly scan: Scan<ProjectReminderFacts>;
  readonly reminder: Omit<
    Reminder,
    'dueDate' | 'district' | 'unit' | 'unitName' | 'projectId' | 'planYear'
  >;
  readonly thirtyDays: ReminderSettingsOverrides;
  readonly notWaiting: readonly ProjectStatus[];
}

// Both rules wait 15 days by default from a date on 01/05/2024, so the same days are checked.
describe.each<WaitingRule>([
  {
    name: 'pending appraisal reminders',
    scan: projectScan(appraisalPendingReminders, {
      status: 'registered',
      registeredOn: '2024-05-01',
      executionStartedOn: null,
    }),
    reminder: {
      reminderId: 'appraisal-pending.p-1.2024-05-01',
      rule: 'appraisal_pending',
      recipients: 'center',
      message:
        'Nhắc nhở: đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” (Huyện Xuân Lộc) đăng ký ngày 01/05/2024 chưa được thẩm định sau 16 ngày.',
    },
    thirtyDays: { appraisalPending: { afterDays: 30 } },
    notWaiting: ['under_appraisal', 'revision_requested', 'appraised', 'cancelled'],
  },
  {
    name: 'unanswered revision request reminders',
    scan: projectScan(revisionUnansweredReminders, {
      status: 'revision_requested',
      revisionRequestedOn: '2024-05-01',
      executionStartedOn: null,
    }),
    reminder: {
      reminderId: 'revision-unanswered.p-1.2024-05-01',
      rule: 'revision_unanswered',
      recipients: 'district',
      message:
        'Nhắc nhở: Huyện Xuân Lộc chưa bổ sung hồ sơ đề án “Hỗ trợ máy chà nhám cho cơ sở mộc” theo yêu cầu ngày 01/05/2024 (đã 16 ngày).',
    },
    thirtyDays: { revisionUnanswered: { afterDays: 30 } },
    notWaiting: ['registered', 'under_appraisal', 'cancelled'],
  },
])('$name', ({ scan, reminder, thirtyDays, notWaiting }) => {
  itComesDue(
    scan,
    { quietOn: '2024-05-16', stillDueOn: '2024-05-18' },
    aboutTheProject({ ...reminder, dueDate: '2024-05-17' }),
    [
      'is quiet when exactly 15 days have passed',
      'reminds once more than 15 days have passed',
      'is still due the day after, until sent',
    ],
  );

  it('follows the number of days in the settings', () => {
    const month = resolveReminderSettings(thirtyDays);
    expect(scan('2024-05-31', {}, month)).toEqual([]);
    expect(idsOf(scan('2024-06-01', {}, month))).toEqual([reminder.reminderId]);
  });

  it.each(notWaiting)('says nothing once the project is %s', (status) => {
    expect(scan('2024-06-01', { status })).toEqual([]);
  });
});

describe('a new wait', () => {
  it('counts an appraisal from the latest resubmission', () => {
    const scan = projectScan(appraisalPendingReminders, {
      status: 'registered',
      registeredOn: '2024-06-10',
      sentReminderIds: ['appraisal-pending.p-1.2024-05-01'],
    });
    expect(scan('2024-06-25')).toEqual([]);
    expect(idsOf(scan('2024-06-26'))).toEqual(['appraisal-pending.p-1.2024-06-10']);
  });

  it('reminds of a later revision request after a resubmission', () => {
    const scan = projectScan(revisionUnansweredReminders, {
      status: 'revision_requested',
      revisionRequestedOn: '2024-07-01',
      sentReminderIds: ['revision-unanswered.p-1.2024-05-01'],
    });
    expect(idsOf(scan('2024-07-17'))).toEqual(['revision-unanswered.p-1.2024-07-01']);
  });

  it('says nothing when the revision request date is unknown', () => {
    const scan = projectScan(revisionUnansweredReminders, { status: 'revision_requested' });
    expect(scan('2024-05-20', { revisionRequestedOn: null })).toEqual([]);
  });
});
