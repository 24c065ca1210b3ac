import { reminderRecordCommandId } from '../projects/application/project-command.service';
import type { EventStore } from '../event-store/event-store.port';
import { handleCommand } from '../event-store/handle-command';
import { planAggregate } from '../plans/application/plan-aggregate';
import { planDecider, planStreamId } from '../plans/domain/plan.decider';
import { planSerde } from '../plans/plan.serde';
import { projectStreamId } from '../projects/application/project-stream';
import {
  REMINDER_SYSTEM_ACTOR,
  type ProjectCommandService,
} from '../projects/application/project-command.service';
import type { RecordReminderSent } from '../projects/domain/project.commands';
import { projectDecider } from '../projects/domain/project.decider';
import { projectSerde } from '../projects/project.serde';
import type { ReferenceData } from '../reference-data/reference-data';
import { replay } from '../shared/decider';
import type { BusinessDate } from '../shared/business-date';
import type { ReminderSubject } from './reminder-subject';
import type { PlanReminderFacts, ProjectReminderFacts } from './rules/reminder-facts';
import { planReminderFacts, projectReminderFacts, REGISTRATION_EVENT_TYPES } from './subject-facts';

/** What the history says about one subject now: its facts, sent ids included. */
export type SubjectFacts =
  | { readonly kind: 'project'; readonly facts: ProjectReminderFacts }
  | { readonly kind: 'plan'; readonly facts: PlanReminderFacts };

export type ReminderRecord = RecordReminderSent['data'];

export interface ReminderHistoryDeps {
  readonly store: EventStore;
  /** Resolved when first needed: the project module owns the service. */
  readonly projects: () => ProjectCommandService;
  readonly reference: () => ReferenceData;
  readonly today: () => BusinessDate;
}

/**
 * The subject's stream is the authority on what was sent: the worker reads it (not the read
 * model, which may lag) right before sending, and records the delivery in it afterwards.
 */
export class ReminderHistory {
  constructor(private readonly deps: ReminderHistoryDeps) {}

  /** The subject's facts from its stream; undefined when the stream holds no such subject. */
  async load(subject: ReminderSubject): Promise<SubjectFacts | undefined> {
    if (subject.kind === 'project') {
      const recorded = await this.deps.store.readStream(projectStreamId(subject.projectId));
      let registeredOn = '';
      for (const event of recorded) {
        if (REGISTRATION_EVENT_TYPES.has(event.type)) registeredOn = event.metadata.occurredOn;
      }
      const state = replay(
        projectDecider,
        recorded.map((e) => projectSerde.deserialize(e)),
      );
      const facts = projectReminderFacts(state, registeredOn);
      return facts && { kind: 'project', facts };
    }
    const recorded = await this.deps.store.readStream(planStreamId(subject.year));
    const state = replay(
      planDecider,
      recorded.map((e) => planSerde.deserialize(e)),
    );
    const facts = planReminderFacts(state);
    return facts && { kind: 'plan', facts };
  }

  /**
   * Appends ReminderSent to the subject's stream. The command id comes from the reminder id,
   * and the deciders record an id once, so calling this again appends nothing.
   */
  async recordSent(subject: ReminderSubject, record: ReminderRecord): Promise<void> {
    if (subject.kind === 'project') {
      await this.deps.projects().recordReminderSent(subject.projectId, record);
      return;
    }
    const today = this.deps.today();
    await handleCommand(
      this.deps.store,
      planAggregate,
      {
        streamId: planStreamId(subject.year),
        command: { type: 'RecordReminderSent', data: record },
        commandId: reminderRecordCommandId(record),
        actor: REMINDER_SYSTEM_ACTOR,
        today,
      },
      {
        context: () => ({ actor: REMINDER_SYSTEM_ACTOR, today, reference: this.deps.reference() }),
      },
    );
  }
}
