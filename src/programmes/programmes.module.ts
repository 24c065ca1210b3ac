import { Module } from '@nestjs/common';
import { ProgrammeCommandService } from './application/programme-command.service';
import { ProgrammeLookup } from './application/programme-lookup';
import { PROGRAMME_COMMAND_HANDLERS } from './commands/programme-commands';
import { ProgrammesController } from './programmes.controller';

/** Programmes (Chương trình khuyến công): commands, lookups for other aggregates, queries. */
@Module({
  controllers: [ProgrammesController],
  providers: [ProgrammeCommandService, ProgrammeLookup, ...PROGRAMME_COMMAND_HANDLERS],
  exports: [ProgrammeLookup],
})
export class ProgrammesModule {}
