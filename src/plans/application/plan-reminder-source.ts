import { Injectable } from '@nestjs/common';
import { recordReminderSentIn } from '../../reminders/reminder-identity';
import {
  ReminderSubjectSourceProvider,
  type ReminderSubjectSource,
  type SubjectOfKind,
} from '../../reminders/reminder-subject-source.port';
import type { PlanReminderFacts } from '../../reminders/rules/reminder-facts';
import type { ReminderSentData } from '../../shared/reminder-sent';
import { CommandKernel } from '../../kernel/command-kernel';
import { PlanAggregate } from './plan-aggregate';
import { PlanLookup } from './plan-lookup';
import { planReminderFacts } from './plan-reminder-facts';

/** The yearly plans' side of the reminders' port: a plan's history, and recording into it. */
@Injectable()
@ReminderSubjectSourceProvider()
export class PlanReminderSource implements ReminderSubjectSource<'plan'> {
  readonly kind = 'plan';

  constructor(
    private readonly lookup: PlanLookup,
    private readonly kernel: CommandKernel,
    private readonly plan: PlanAggregate,
  ) {}

  async historyOf(subject: SubjectOfKind<'plan'>): Promise<PlanReminderFacts | undefined> {
    // From the plan's stream, not a read model: the worker re-checks right before sending.
    return planReminderFacts(await this.lookup.state(subject.year));
  }

  recordSent(subject: SubjectOfKind<'plan'>, record: ReminderSentData): Promise<void> {
    return recordReminderSentIn(this.kernel, this.plan, String(subject.year), record);
  }
}
