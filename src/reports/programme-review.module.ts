import { Module } from '@nestjs/common';
import { ReadYourWrites } from '../platform/read-your-writes';
import { ProgrammeReviewController } from './programme-review.controller';

/** The programme review endpoint (the other reports are served by ReportsController). */
@Module({
  controllers: [ProgrammeReviewController],
  providers: [ReadYourWrites],
})
export class ProgrammeReviewModule {}
