import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiAnswer, ApiProblems } from '../http/openapi/api-problems.decorator';
import { ValidationProblem } from '../http/problem-details';
import { UuidParam } from '../http/uuid-param';
import { ReplayQuery } from '../projects/dto/list-projects.query';
import type { Actor } from '../shared/actor';
import { ChainVerificationResponse, ProjectHistoryResponse, ProjectStateResponse } from './dto/audit.response';
import { ProjectAuditService, type ReplayPoint } from './project-audit.service';

const Id = () => UuidParam('id');

/** History, replay and verification of a project, straight from the event log. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects')
export class ProjectAuditController {
  constructor(private readonly audit: ProjectAuditService) {}

  @Get(':id/history')
  @Roles('auditor', 'approver', 'center_officer', 'district_officer')
  @ApiOperation({ summary: 'Every event of the project, as recorded, with who, when and the hash chain' })
  @ApiAnswer(ProjectHistoryResponse, 'Every event of the project, oldest first')
  @ApiProblems(400, 401, 403, 404, 429, 503)
  history(@Id() id: string, @CurrentActor() actor: Actor) {
    return this.audit.history(id, actor);
  }

  @Get(':id/state')
  @Roles('auditor', 'approver', 'center_officer', 'district_officer')
  @ApiOperation({ summary: 'The project replayed up to a version (asOfVersion) or an instant (asOf)' })
  @ApiAnswer(ProjectStateResponse, 'The project as it stood at that point')
  @ApiProblems(400, 401, 403, 404, 429, 503)
  state(@Id() id: string, @Query() query: ReplayQuery, @CurrentActor() actor: Actor) {
    return this.audit.replay(id, actor, replayPoint(query));
  }

  @Get(':id/verify')
  @Roles('auditor', 'approver', 'center_officer', 'district_officer')
  @ApiOperation({ summary: 'Recompute the hash chain: valid, events checked, first broken version' })
  @ApiAnswer(ChainVerificationResponse, 'Whether the hash chain holds')
  @ApiProblems(400, 401, 403, 404, 429, 503)
  verify(@Id() id: string, @CurrentActor() actor: Actor) {
    return this.audit.verify(id, actor);
  }
}

function replayPoint(query: ReplayQuery): ReplayPoint {
  if (query.asOfVersion !== undefined && query.asOf !== undefined) {
    throw new ValidationProblem([{ field: 'asOf', message: 'give asOfVersion or asOf, not both', constraint: 'oneAsOf' }]);
  }
  if (query.asOfVersion !== undefined) return { asOfVersion: query.asOfVersion };
  if (query.asOf !== undefined) {
    const instant = new Date(query.asOf.length === 10 ? `${query.asOf}T23:59:59.999+07:00` : query.asOf);
    if (Number.isNaN(instant.getTime())) throw new ValidationProblem([{ field: 'asOf', message: 'is not a valid instant', constraint: 'isInstant' }]);
    return { asOf: instant };
  }
  return {};
}
