import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ChoiceField, CodeField, QueryWholeField, TextField } from '../../http/dto-fields';
import { PROJECT_STATUSES, type ProjectStatus } from '../domain/project.types';

/** Read-your-writes: wait until the read models have applied this log position. */
export class MinPositionQuery {
  @ApiPropertyOptional({
    description:
      'Global log position returned by a command; the query waits until read models reach it',
    example: '42',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a position returned by a command' })
  minPosition?: string;
}

export class ListProjectsQuery extends MinPositionQuery {
  @ChoiceField(PROJECT_STATUSES, { required: false })
  status?: ProjectStatus;

  @CodeField('a district', {
    example: 'xuan-loc',
    required: false,
    description: 'Deprecated name of `unit`',
  })
  district?: string;

  @CodeField('a unit', {
    example: '26425',
    required: false,
    description: 'The registering unit: its code or a former district key',
  })
  unit?: string;

  @QueryWholeField(2000, 2100, { example: 2024 })
  planYear?: number;

  @CodeField('an activity type', { example: 'machinery', required: false })
  activityType?: string;

  @CodeField('a funding source', {
    example: 'local',
    required: false,
    description: 'The funding source code (`GET /reference/funding-sources`)',
  })
  fundingSource?: string;

  @TextField(200, {
    required: false,
    example: 'hoi cho',
    description:
      'Words in the title, ignoring case and Vietnamese diacritics ("hoi cho" finds "Hội chợ"). The beneficiary is sealed in the personal-data vault and is not searched.',
  })
  q?: string;

  @QueryWholeField(1, 1_000_000, { default: 1, minimum: 1 })
  page?: number;

  @QueryWholeField(1, 200, { default: 50, minimum: 1, maximum: 200 })
  pageSize?: number;
}

/**
 * Replays read the log itself, which is never behind, so `minPosition` (accepted by every
 * query, API.md) needs no wait here.
 */
export class ReplayQuery extends MinPositionQuery {
  @QueryWholeField(0, 1_000_000_000, {
    description: 'Replay the events 1..asOfVersion',
    example: 3,
  })
  asOfVersion?: number;

  @ApiPropertyOptional({
    description: 'Replay the events recorded at or before this instant (ISO 8601)',
    example: '2024-05-01T00:00:00Z',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'asOf must be an ISO 8601 date or timestamp with a time zone',
  })
  asOf?: string;
}
