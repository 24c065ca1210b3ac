import { Module } from '@nestjs/common';
import { ProgrammeReviewController } from './programme-review.controller';
import { ReportsController } from './reports.controller';

/** The reports on the read models, with CSV, and the programme review. */
@Module({
  controllers: [ReportsController, ProgrammeReviewController],
})
export class ReportsModule {}
