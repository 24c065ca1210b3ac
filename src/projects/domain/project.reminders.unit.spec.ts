import { replay } from '../../shared/decider';
import type { RecordReminderSent } from './project.commands';
import { projectDecider } from './project.decider';
import {
  cmd,
  ev,
  givenProject,
  historyOf,
} from '../../../test/support/projects/project-specification';
import { PROJECT_STATUSES } from './project.types';
import { projectView } from './project.view';

const ID = 'monthly-progress.6f1c2a3e-0000-4000-8000-000000000001.2024-05';

describe('recording a delivered reminder', () => {
  describe.each(PROJECT_STATUSES)('when %s', (status) => {
    it('records it without changing the status, and lists its id', () =>
      givenProject(status, 'reminders').decides(
        cmd.recordReminder(ID),
        [ev.reminderSent(ID)],
        (state) => {
          expect(state.status).toBe(status);
          expect(projectView(state)?.sentReminderIds).toEqual([ID]);
        },
      ));
  });

  describe('when the same reminder was recorded already', () => {
    const recorded = (channels?: RecordReminderSent['data']['channels']) =>
      givenProject(['in_execution', ev.reminderSent(ID, channels)], 'reminders');

    it('records nothing new', () => recorded().decides(cmd.recordReminder(ID), []));

    it('records nothing new even when it went out through another channel this time', () =>
      recorded(['email']).decides(cmd.recordReminder(ID, { channels: ['webhook'] }), []));

    it('still records a different reminder, keeping both ids in order', () => {
      const next = 'monthly-progress.6f1c2a3e-0000-4000-8000-000000000001.2024-06';
      recorded().decides(cmd.recordReminder(next), [ev.reminderSent(next)], {
        sentReminderIds: [ID, next],
      });
    });
  });

  describe('when the stream holds no project', () => {
    it('refuses: there is no project to remind about', () =>
      givenProject('unregistered', 'reminders').refuses(
        cmd.recordReminder(ID),
        'project_not_found',
        {
          kind: 'not_found',
        },
      ));
  });

  describe('with malformed input', () => {
    const registered = givenProject('registered', 'reminders');
    const channels = (...sent: string[]) =>
      cmd.recordReminder(ID, { channels: sent as RecordReminderSent['data']['channels'] });
    const sentAt = (sentAt: string) => cmd.recordReminder(ID, { sentAt });

    registered.itRefuses({
      'an id with a colon (it could not be a queue job id)': [
        cmd.recordReminder('monthly-progress:p1:2024-05'),
        'invalid_reminder_id',
        'reminderId',
      ],
      'an id longer than 200 characters': [
        cmd.recordReminder('a'.repeat(201)),
        'invalid_reminder_id',
        'reminderId',
      ],
      'a record without a rule': [cmd.recordReminder(ID, { rule: ' ' }), 'required', 'rule'],
      'the channels []': [channels(), 'invalid_channels', 'channels'],
      'the channels ["sms"]': [channels('sms'), 'invalid_channels', 'channels'],
      'the channels ["webhook","webhook"]': [
        channels('webhook', 'webhook'),
        'invalid_channels',
        'channels',
      ],
      'the time "2024-06-15" (UTC only)': [sentAt('2024-06-15'), 'invalid_timestamp', 'sentAt'],
      'the time "2024-06-15T07:00:00+07:00" (UTC only)': [
        sentAt('2024-06-15T07:00:00+07:00'),
        'invalid_timestamp',
        'sentAt',
      ],
      'the time "" (UTC only)': [sentAt(''), 'invalid_timestamp', 'sentAt'],
    });

    it('accepts an id of exactly 200 characters', () =>
      registered.decides(cmd.recordReminder('a'.repeat(200)), [ev.reminderSent('a'.repeat(200))]));

    it('accepts both channels at once', () =>
      registered.decides(cmd.recordReminder(ID, { channels: ['webhook', 'email'] }), [
        ev.reminderSent(ID, ['webhook', 'email']),
      ]));
  });
});

describe('the reminders of a project through its life', () => {
  it('survive resubmission, approval and cancellation', () => {
    const state = replay(projectDecider, [
      ...historyOf.revision_requested,
      ev.reminderSent('revision-unanswered.p.2024-05-01'),
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
