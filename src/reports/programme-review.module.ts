import { Module } from '@nestjs/common';
import { ReadYourWrites } from '../platform/read-your-writes';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { ProgrammeReviewController } from './programme-review.controller';

/** The programme review endpoint (the other reports are served by ReportsController). */
@Module({
  controllers: [ProgrammeReviewController],
  providers: [ReferenceDataService, ReadYourWrites],
})
export class ProgrammeReviewModule {}
