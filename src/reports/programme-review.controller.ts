import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Database } from 'better-sqlite3';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ApiNegotiated, ApiProblems, QUERY_PROBLEMS } from '../http/openapi/api-problems.decorator';
import { ReadYourWrites } from '../platform/read-your-writes';
import { programmeNotFound } from '../programmes/application/programme-not-found';
import { READ_MODEL_DB } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';
import { MinPositionQuery } from '../projects/dto/list-projects.query';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { negotiate } from './content-negotiation';
import { ProgrammeReviewResponse } from './dto/report.response';
import { programmeReview, type ProgrammeReview } from './programme-review';
import { MARKDOWN_CONTENT_TYPE, programmeReviewMarkdown } from './programme-review.markdown';

export class ReviewQuery extends MinPositionQuery {
  @ApiPropertyOptional({
    example: 2021,
    description: "First year reviewed; the programme's first by default",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  from?: number;

  @ApiPropertyOptional({
    example: 2023,
    description: "Last year reviewed; the programme's last by default",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  to?: number;
}

const MARKDOWN_MEDIA_TYPE = 'text/markdown';

/** The programme review (the seed article's report) from the system's own events. */
@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programs')
export class ProgrammeReviewController {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly runner: ProjectionRunner,
    private readonly referenceData: ReferenceDataService,
    @Inject(READ_MODEL_DB) private readonly db: Database,
  ) {}

  @Get(':code/review')
  @Roles('auditor', 'approver', 'center_officer', 'admin')
  @ApiOperation({
    summary:
      'Programme review: budget for the years, disbursed, rate, shortfall (computed), indicators against targets, cancelled lines, context indicators',
  })
  @ApiNegotiated(
    ProgrammeReviewResponse,
    'The review, as JSON or (Accept: text/markdown) for print',
    {
      [MARKDOWN_MEDIA_TYPE]: {
        description: 'The review as a Vietnamese document (Markdown), ready to print',
      },
    },
  )
  @ApiProblems(...QUERY_PROBLEMS, 404)
  async review(
    @Param('code') code: string,
    @Query() query: ReviewQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProgrammeReview | string> {
    await this.readYourWrites.reach(query.minPosition);
    const review = programmeReview(
      this.db,
      code,
      { from: query.from, to: query.to },
      this.referenceData.current(),
      this.runner.position,
    );
    if (!review) throw programmeNotFound(code);
    if (negotiate(accept, ['application/json', MARKDOWN_MEDIA_TYPE]) !== MARKDOWN_MEDIA_TYPE)
      return review;
    void reply.header('content-type', MARKDOWN_CONTENT_TYPE);
    return programmeReviewMarkdown(review);
  }
}
