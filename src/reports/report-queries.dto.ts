import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PROGRAMME_CODE_PATTERN } from '../programmes/dto/create-programme.dto';
import { MinPositionQuery } from '../projects/dto/list-projects.query';
import {
  DISBURSEMENT_GROUPINGS,
  type DisbursementGrouping,
} from '../projects/read-models/disbursement-report';
import { PROGRESS_GROUPINGS, type ProgressGrouping } from './progress-report';

/** Filters every project report takes: a plan year and a programme. */
export class ProjectReportQuery extends MinPositionQuery {
  @ApiPropertyOptional({ example: 2022 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  planYear?: number;

  @ApiPropertyOptional({
    example: 'DN-2021-2025',
    description: 'Projects of the plans of this programme',
  })
  @IsOptional()
  @Matches(PROGRAMME_CODE_PATTERN, { message: 'programCode must be a programme code' })
  programCode?: string;
}

export class DisbursementReportQuery extends ProjectReportQuery {
  @ApiPropertyOptional({ enum: DISBURSEMENT_GROUPINGS, default: 'year' })
  @IsOptional()
  @IsIn(DISBURSEMENT_GROUPINGS)
  groupBy?: DisbursementGrouping;
}

export class ProgressReportQuery extends ProjectReportQuery {
  @ApiPropertyOptional({ enum: PROGRESS_GROUPINGS, default: 'indicator' })
  @IsOptional()
  @IsIn(PROGRESS_GROUPINGS)
  groupBy?: ProgressGrouping;
}

export class PlanStatusQuery extends MinPositionQuery {
  @ApiPropertyOptional({ example: 2022, description: 'One plan year; every plan when omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;

  @ApiPropertyOptional({ example: 'DN-2021-2025' })
  @IsOptional()
  @Matches(PROGRAMME_CODE_PATTERN, { message: 'programCode must be a programme code' })
  programCode?: string;
}
