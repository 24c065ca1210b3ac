import { Module } from '@nestjs/common';
import { ReferenceAggregate } from './application/reference-aggregate';
import { ReferenceDataLoader } from './application/reference-data-loader';
import { ReferenceHistory } from './application/reference-history';
import { RunReferenceCommandHandler } from './commands/run-reference-command';
import { ReferenceChangesController } from './http/reference-changes.controller';
import { ReferenceController } from './http/reference.controller';

/**
 * The reference data as events: the first version loaded once, the Center's changes as
 * commands, reads as of a date. The data in force is the global ReferenceDataService.
 */
@Module({
  controllers: [ReferenceController, ReferenceChangesController],
  providers: [
    ReferenceAggregate,
    RunReferenceCommandHandler,
    ReferenceDataLoader,
    ReferenceHistory,
  ],
})
export class ReferenceDataModule {}
