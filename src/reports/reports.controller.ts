import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ReadYourWrites } from '../platform/read-your-writes';
import { READ_MODEL_DB } from '../projections/projection';
import { MinPositionQuery } from '../projects/dto/list-projects.query';
import {
  disbursementReport,
  type DisbursementGrouping,
} from '../projects/read-models/disbursement-report';
import type { Actor } from '../shared/actor';

const GROUPINGS: readonly DisbursementGrouping[] = ['year', 'district', 'activityType', 'fundingSource'];

export class DisbursementReportQuery extends MinPositionQuery {
  @ApiPropertyOptional({ enum: GROUPINGS, default: 'year' })
  @IsOptional()
  @IsIn(GROUPINGS)
  groupBy?: DisbursementGrouping;

  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  planYear?: number;
}

/** Budget against disbursement, grouped; a district officer sees its own district's figures. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: Database,
  ) {}

  @Get('disbursement')
  @Roles('district_officer', 'center_officer', 'approver', 'finance_officer', 'auditor', 'admin')
  @ApiOperation({ summary: 'Approved, disbursed and settled VND with the disbursement rate, by year, district, activity type or funding source' })
  async disbursement(@Query() query: DisbursementReportQuery, @CurrentActor() actor: Actor) {
    await this.readYourWrites.reach(query.minPosition);
    return disbursementReport(this.db, query.groupBy ?? 'year', {
      planYear: query.planYear,
      district: actor.role === 'district_officer' ? actor.district : undefined,
    });
  }
}
