import type { Actor } from '../../shared/actor';
import { replay } from '../../shared/decider';
import type { RecordReminderSent } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectEvent, ReminderSent } from './project.events';
import { contextFor, ev, historyOf } from '../../../test/support/projects/project-fixtures';
import { spec } from '../../../test/support/projects/project-specification';
import { PROJECT_STATUSES } from './project.types';
import { projectView } from './project.view';

const system: Actor = { sub: 'system:reminders', name: 'Nhắc việc tự động', role: 'admin' };
const asSystem = contextFor(system);

const SENT_AT = '2024-06-15T00:00:05.123Z';
const record = (
  reminderId: string,
  overrides: Partial<RecordReminderSent['data']> = {},
): RecordReminderSent => ({
  type: 'RecordReminderSent',
  data: {
    reminderId,
    rule: 'monthly_progress',
    channels: ['webhook'],
    sentAt: SENT_AT,
    ...overrides,
  },
});
const sent = (
  reminderId: string,
  channels: ReminderSent['data']['channels'] = ['webhook'],
): ProjectEvent => ({
  type: 'ReminderSent',
  data: { reminderId, rule: 'monthly_progress', channels, sentAt: SENT_AT },
});

const ID = 'monthly-progress.6f1c2a3e-0000-4000-8000-000000000001.2024-05';

describe('recording a delivered reminder', () => {
  describe.each(PROJECT_STATUSES)('when %s', (status) => {
    it('records it without changing the status, and lists its id', () => {
      spec
        .given(historyOf[status])
        .when(record(ID), asSystem)
        .then([sent(ID)], (state) => {
          expect(state.status).toBe(status);
          expect(projectView(state)?.sentReminderIds).toEqual([ID]);
        });
    });
  });

  describe('when the same reminder was recorded already', () => {
    it('records nothing new', () => {
      spec
        .given([...historyOf.in_execution, sent(ID)])
        .when(record(ID), asSystem)
        .then([]);
    });

    it('records nothing new even when it went out through another channel this time', () => {
      spec
        .given([...historyOf.in_execution, sent(ID, ['email'])])
        .when(record(ID, { channels: ['webhook'] }), asSystem)
        .then([]);
    });

    it('still records a different reminder, keeping both ids in order', () => {
      const next = 'monthly-progress.6f1c2a3e-0000-4000-8000-000000000001.2024-06';
      spec
        .given([...historyOf.in_execution, sent(ID)])
        .when(record(next), asSystem)
        .then([sent(next)], (state) =>
          expect(projectView(state)?.sentReminderIds).toEqual([ID, next]),
        );
    });
  });

  describe('when the stream holds no project', () => {
    it('refuses: there is no project to remind about', () => {
      spec
        .given(historyOf.unregistered)
        .when(record(ID), asSystem)
        .thenThrows('project_not_found', { kind: 'not_found' });
    });
  });

  describe('with malformed input', () => {
    it('refuses an id with a colon (it could not be a queue job id)', () => {
      spec
        .given(historyOf.registered)
        .when(record('monthly-progress:p1:2024-05'), asSystem)
        .thenThrows('invalid_reminder_id', { kind: 'rule', field: 'reminderId' });
    });

    it('refuses an id longer than 200 characters, and accepts one of exactly 200', () => {
      spec
        .given(historyOf.registered)
        .when(record('a'.repeat(201)), asSystem)
        .thenThrows('invalid_reminder_id', { field: 'reminderId' });
      spec
        .given(historyOf.registered)
        .when(record('a'.repeat(200)), asSystem)
        .then([sent('a'.repeat(200))]);
    });

    it('refuses a record without a rule', () => {
      spec
        .given(historyOf.registered)
        .when(record(ID, { rule: ' ' }), asSystem)
        .thenThrows('required', { field: 'rule' });
    });

    it.each([[[]], [['sms']], [['webhook', 'webhook']]])('refuses the channels %j', (channels) => {
      spec
        .given(historyOf.registered)
        .when(
          record(ID, { channels: channels as RecordReminderSent['data']['channels'] }),
          asSystem,
        )
        .thenThrows('invalid_channels', { field: 'channels' });
    });

    it('accepts both channels at once', () => {
      spec
        .given(historyOf.registered)
        .when(record(ID, { channels: ['webhook', 'email'] }), asSystem)
        .then([sent(ID, ['webhook', 'email'])]);
    });

    it.each(['2024-06-15', '2024-06-15T07:00:00+07:00', ''])(
      'refuses the time %j (UTC only)',
      (sentAt) => {
        spec
          .given(historyOf.registered)
          .when(record(ID, { sentAt }), asSystem)
          .thenThrows('invalid_timestamp', { field: 'sentAt' });
      },
    );
  });
});

describe('the reminders of a project through its life', () => {
  it('survive resubmission, approval and cancellation', () => {
    const state = replay(projectDecider, [
      ...historyOf.revision_requested,
      sent('revision-unanswered.p.2024-05-01'),
      ev.resubmitted(),
      ev.appraisalStarted(),
      ev.passed(),
      ev.approved(),
      ev.cancelled(),
    ]);
    expect(projectView(state)).toMatchObject({
      status: 'cancelled',
      sentReminderIds: ['revision-unanswered.p.2024-05-01'],
    });
  });

  it('are none right after registration', () => {
    expect(projectView(replay(projectDecider, historyOf.registered))?.sentReminderIds).toEqual([]);
  });
});
