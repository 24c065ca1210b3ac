import { Module } from '@nestjs/common';
import { ProgrammeReviewController } from './programme-review.controller';

/** The programme review endpoint (the other reports are served by ReportsController). */
@Module({
  controllers: [ProgrammeReviewController],
})
export class ProgrammeReviewModule {}
