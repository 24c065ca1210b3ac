import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { Database } from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ReadYourWrites } from '../platform/read-your-writes';
import { READ_MODEL_DB } from './projection';
import { discoveredProjections } from './projection-set';
import { ProjectionRunner } from './projection-runner';

/**
 * The projection runner, over the read models every feature registers (projection-set.ts):
 * this module imports no feature.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_DB, DiscoveryService],
      useFactory: (store: EventStore, db: Database, discovery: DiscoveryService) =>
        new ProjectionRunner(store, db, () => discoveredProjections(discovery)),
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
