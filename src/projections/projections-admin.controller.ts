import { Controller, Get, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi/api-problems.decorator';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { NotFoundProblem, ProblemException } from '../http/problem-details';
import type { Actor } from '../shared/actor';
import { RebuildResponse } from './dto/rebuild.response';
import { ProjectionRebuilds, type RebuildJob } from './projection-rebuilds';

/**
 * Rebuilding the read models while the server runs. `npm run projections:rebuild` is refused
 * while the server holds DATA_DIR (one writer per store), so this is the way to rebuild
 * without stopping it.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/projections/rebuild')
export class ProjectionsAdminController {
  constructor(private readonly rebuilds: ProjectionRebuilds) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Header('location', '/api/v1/admin/projections/rebuild')
  @ApiOperation({
    summary:
      'Start rebuilding every read model from the log (202 with the job; 409 while one runs)',
  })
  @ApiResponse({
    status: 202,
    description: 'The rebuild started; follow it with GET',
    type: RebuildResponse,
    headers: { Location: { description: 'Where to follow it', schema: { type: 'string' } } },
  })
  @ApiProblems(401, 403, 409, 413, 415, 429)
  async start(@CurrentActor() actor: Actor): Promise<{ job: RebuildJob }> {
    const job = await this.rebuilds.start(actor.sub);
    if (!job)
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'A rebuild of the read models is already running',
        {
          code: 'rebuild_running',
        },
      );
    return { job };
  }

  @Get()
  @ApiOperation({
    summary: 'The running or last rebuild: state, events done out of total, position reached',
  })
  @ApiResponse({ status: 200, description: 'The rebuild', type: RebuildResponse })
  @ApiProblems(401, 403, 404, 429)
  status(): { job: RebuildJob } {
    const job = this.rebuilds.current();
    if (!job)
      throw new NotFoundProblem(
        'No rebuild of the read models since the server started',
        'no_rebuild',
      );
    return { job };
  }
}
