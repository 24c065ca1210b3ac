import { Module } from '@nestjs/common';
import { ProgrammeReadModelsModule } from './read-models/programme-read-models.module';
import { ProgrammeAggregate } from './application/programme-aggregate';
import { ProgrammeLookup } from './application/programme-lookup';
import { RunProgrammeCommandHandler } from './commands/run-programme-command';
import { ProgrammesController } from './programmes.controller';

/** Programmes (Chương trình khuyến công): commands, lookups for other aggregates, queries. */
@Module({
  imports: [ProgrammeReadModelsModule],
  controllers: [ProgrammesController],
  providers: [ProgrammeAggregate, RunProgrammeCommandHandler, ProgrammeLookup],
  exports: [ProgrammeLookup],
})
export class ProgrammesModule {}
