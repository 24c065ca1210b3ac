import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { recordReminderSentIn } from '../../reminders/reminder-identity';
import {
  ReminderSubjectSourceProvider,
  type ReminderSubjectSource,
  type SubjectOfKind,
} from '../../reminders/reminder-subject-source.port';
import type { ProjectReminderFacts } from '../../reminders/rules/reminder-facts';
import type { ReminderSentData } from '../../shared/reminder-sent';
import { projectView } from '../domain/project.view';
import { CommandKernel } from '../../kernel/command-kernel';
import { ProjectAggregate } from './project-aggregate';
import { projectHistoryOf } from './project-history';
import { projectReminderFacts } from './project-reminder-facts';
import { projectStreamId } from './project-stream';

/** The projects' side of the reminders' port: a project's history, and recording into it. */
@Injectable()
@ReminderSubjectSourceProvider()
export class ProjectReminderSource implements ReminderSubjectSource<'project'> {
  readonly kind = 'project';

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly kernel: CommandKernel,
    private readonly project: ProjectAggregate,
  ) {}

  async historyOf(subject: SubjectOfKind<'project'>): Promise<ProjectReminderFacts | undefined> {
    const { state, registeredOn } = projectHistoryOf(
      await this.store.readStream(projectStreamId(subject.projectId)),
    );
    const view = projectView(state);
    return view ? projectReminderFacts(view, registeredOn) : undefined;
  }

  recordSent(subject: SubjectOfKind<'project'>, record: ReminderSentData): Promise<void> {
    return recordReminderSentIn(this.kernel, this.project, subject.projectId, record);
  }
}
