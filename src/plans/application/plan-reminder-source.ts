import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { reminderRecordMeta } from '../../reminders/reminder-identity';
import {
  ReminderSubjectSourceProvider,
  type ReminderSubjectSource,
  type SubjectOfKind,
} from '../../reminders/reminder-subject-source.port';
import type { PlanReminderFacts } from '../../reminders/rules/reminder-facts';
import { replay } from '../../shared/decider';
import type { ReminderSentData } from '../../shared/reminder-sent';
import { planDecider, planStreamId } from '../domain/plan.decider';
import { planSerde } from '../plan.serde';
import { PlanCommandService } from './plan-command.service';
import { planReminderFacts } from './plan-reminder-facts';

/** The yearly plans' side of the reminders' port: a plan's history, and recording into it. */
@Injectable()
@ReminderSubjectSourceProvider()
export class PlanReminderSource implements ReminderSubjectSource<'plan'> {
  readonly kind = 'plan';

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly plans: PlanCommandService,
  ) {}

  async historyOf(subject: SubjectOfKind<'plan'>): Promise<PlanReminderFacts | undefined> {
    const recorded = await this.store.readStream(planStreamId(subject.year));
    return planReminderFacts(
      replay(
        planDecider,
        recorded.map((e) => planSerde.deserialize(e)),
      ),
    );
  }

  /** As the reminders (their actor, a command id derived from the record), not as a person. */
  async recordSent(subject: SubjectOfKind<'plan'>, record: ReminderSentData): Promise<void> {
    await this.plans.handle(
      subject.year,
      { type: 'RecordReminderSent', data: record },
      reminderRecordMeta(record),
    );
  }
}
