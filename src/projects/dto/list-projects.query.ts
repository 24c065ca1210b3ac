import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PROJECT_STATUSES, type ProjectStatus } from '../domain/project.types';
import { CODE_PATTERN } from './shared.dto';

/** Read-your-writes: wait until the read models have applied this log position. */
export class MinPositionQuery {
  @ApiPropertyOptional({ description: 'Global log position returned by a command; the query waits until read models reach it', example: '42' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a position returned by a command' })
  minPosition?: string;
}

export class ListProjectsQuery extends MinPositionQuery {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @ApiPropertyOptional({ example: 'xuan-loc' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'district must be a district code' })
  district?: string;

  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  planYear?: number;

  @ApiPropertyOptional({ example: 'machinery' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'activityType must be an activity type code' })
  activityType?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/**
 * Replays read the log itself, which is never behind, so `minPosition` (accepted by every
 * query, API.md) needs no wait here.
 */
export class ReplayQuery extends MinPositionQuery {
  @ApiPropertyOptional({ description: 'Replay the events 1..asOfVersion', example: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  asOfVersion?: number;

  @ApiPropertyOptional({ description: 'Replay the events recorded at or before this instant (ISO 8601)', example: '2024-05-01T00:00:00Z' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'asOf must be an ISO 8601 date or timestamp with a time zone',
  })
  asOf?: string;
}
