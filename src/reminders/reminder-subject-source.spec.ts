import { Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { openWorld, type World } from '../../test/integration/reminders.support';
import { EVENT_STORE } from '../event-store/event-store.port';
import { AggregateReader } from '../kernel/aggregate-reader';
import { CommandKernel } from '../kernel/command-kernel';
import { PlanAggregate } from '../plans/application/plan-aggregate';
import { PlanLookup } from '../plans/application/plan-lookup';
import { PlanReminderSource } from '../plans/application/plan-reminder-source';
import { ProjectAggregate } from '../projects/application/project-aggregate';
import { ProjectReminderSource } from '../projects/application/project-reminder-source';
import { ReminderHistory } from './reminder-history';
import { reminderRecordCommandId, REMINDER_SYSTEM_ACTOR } from './reminder-identity';
import {
  discoveredReminderSubjectSources,
  type ReminderSubjectSource,
} from './reminder-subject-source.port';

const record = (reminderId: string) => ({
  reminderId,
  rule: 'registration_deadline',
  channels: ['webhook' as const],
  sentAt: '2024-06-20T00:00:01.000Z',
});

describe('the reminders port (ReminderSubjectSource)', () => {
  let world: World;

  beforeEach(async () => {
    world = await openWorld('2024-06-01');
  });

  afterEach(() => world.close());

  it('finds the features’ sources in their own modules, as the reminders module does', async () => {
    // Each feature lists its source among its own providers; nothing imports the reminders.
    @Module({
      providers: [
        { provide: EVENT_STORE, useValue: world.store },
        { provide: CommandKernel, useValue: world.commands.kernel },
        { provide: ProjectAggregate, useValue: world.commands.aggregates.project },
        ProjectReminderSource,
      ],
    })
    class FakeProjects {}
    @Module({
      providers: [
        { provide: AggregateReader, useValue: world.commands.reader },
        { provide: CommandKernel, useValue: world.commands.kernel },
        { provide: PlanAggregate, useValue: world.commands.aggregates.plan },
        PlanLookup,
        PlanReminderSource,
      ],
    })
    class FakePlans {}
    const app = await Test.createTestingModule({
      imports: [DiscoveryModule, FakeProjects, FakePlans],
    }).compile();
    try {
      const history = new ReminderHistory(() =>
        discoveredReminderSubjectSources(app.get(DiscoveryService)),
      );
      expect(() => history.verify()).not.toThrow();

      const projectId = await world.register('Đề án qua cổng');
      const fromPort = await history.load({ kind: 'project', projectId });
      expect(fromPort).toMatchObject({
        kind: 'project',
        facts: { projectId, status: 'registered', registeredOn: '2024-06-01', sentReminderIds: [] },
      });
      expect((await history.load({ kind: 'plan', year: 2024 }))?.facts).toMatchObject({
        year: 2024,
        status: 'compiled',
      });
    } finally {
      await app.close();
    }
  });

  it('refuses to start without a source for each kind of subject, or with two for one', () => {
    const project = world.commands.reminderSources.project;
    const plan = world.commands.reminderSources.plan;
    expect(() => new ReminderHistory(() => [project]).verify()).toThrow(/plan/);
    expect(() => new ReminderHistory(() => [project, plan, plan]).verify()).toThrow(/Two/);
  });

  it('records a plan reminder through the plan feature, as the reminders, once', async () => {
    const sent = record('registration-deadline.2024.bien-hoa');
    await world.history.recordSent({ kind: 'plan', year: 2024 }, sent);
    await world.history.recordSent({ kind: 'plan', year: 2024 }, sent);
    const events = (await world.store.readStream('annual-plan-2024')).filter(
      (e) => e.type === 'ReminderSent',
    );
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual(sent);
    expect(events[0].metadata).toMatchObject({
      actor: REMINDER_SYSTEM_ACTOR,
      commandId: reminderRecordCommandId(sent),
    });
    expect((await world.history.load({ kind: 'plan', year: 2024 }))?.facts.sentReminderIds).toEqual(
      [sent.reminderId],
    );
  });

  it('records a project reminder through the project feature, as the reminders', async () => {
    const projectId = await world.register('Đề án nhắc việc');
    const sent = {
      ...record(`appraisal-pending.${projectId}.2024-06-01`),
      rule: 'appraisal_pending',
    };
    const sources: ReminderSubjectSource[] = [
      world.commands.reminderSources.project,
      world.commands.reminderSources.plan,
    ];
    await new ReminderHistory(() => sources).recordSent({ kind: 'project', projectId }, sent);
    const [event] = (await world.store.readStream(`support-project-${projectId}`)).filter(
      (e) => e.type === 'ReminderSent',
    );
    expect(event.metadata).toMatchObject({ actor: REMINDER_SYSTEM_ACTOR });
    expect(event.data).toEqual(sent);
  });
});
