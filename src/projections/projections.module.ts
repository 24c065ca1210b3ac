import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { PlanProjection } from '../plans/read-models/plan.projection';
import { reminderPlanFactsFeed } from '../plans/read-models/reminder-facts.feed';
import { ProgrammeProjection } from '../programmes/read-models/programme.projection';
import { ProjectFoldProjection } from '../projects/read-models/project-fold.projection';
import { ProjectSummaryReadModel } from '../projects/read-models/project-summary.projection';
import { reminderProjectFactsFeed } from '../projects/read-models/reminder-facts.feed';
import {
  ReminderPlanFactsRows,
  ReminderProjectFactsRows,
} from '../reminders/reminder-facts.read-model';
import { PersonalDataErasureProjection } from '../personal-data/erasure.projection';
import { PersonalDataVault } from '../personal-data/personal-data-vault';
import { ReadYourWrites } from '../platform/read-your-writes';
import { READ_MODEL_DB, type Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

/**
 * Every read model the runner keeps up to date. Project events are folded once, by the
 * projects' fold, which feeds each read model that needs a project's state; plan events
 * likewise by the plan projection.
 */
export function allProjections(): Projection[] {
  return [
    new ProjectFoldProjection([
      new ProjectSummaryReadModel(),
      reminderProjectFactsFeed(new ReminderProjectFactsRows()),
    ]),
    new ProgrammeProjection(),
    new PlanProjection([reminderPlanFactsFeed(new ReminderPlanFactsRows())]),
  ];
}

@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_DB, PersonalDataVault],
      useFactory: (store: EventStore, db: Database, vault: PersonalDataVault) =>
        new ProjectionRunner(store, db, [
          ...allProjections(),
          new PersonalDataErasureProjection(vault),
        ]),
    },
    // One provider for every feature: a query with minPosition waits for this runner.
    ReadYourWrites,
  ],
  exports: [ProjectionRunner, ReadYourWrites],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
