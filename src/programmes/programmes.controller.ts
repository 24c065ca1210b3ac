import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Database } from 'better-sqlite3';
import { Roles } from '../auth/auth.decorators';
import { CommandMetaParam } from '../platform/command-meta.param';
import { ReadYourWrites } from '../platform/read-your-writes';
import { READ_MODEL_DB } from '../projections/projection';
import type { CommandMeta, CommandResponse } from '../kernel/command-meta';
import { MinPositionQuery } from '../projects/dto/list-projects.query';
import { programmeNotFound } from './application/programme-not-found';
import { RunProgrammeCommand } from './commands/run-programme-command';
import { ApiCommand, ApiRead } from '../http/openapi/api-problems.decorator';
import { BudgetChangeDto } from './dto/budget-change.dto';
import { ContextIndicatorDto } from './dto/context-indicator.dto';
import { CreateProgrammeDto } from './dto/create-programme.dto';
import { ProgrammeTargetsDto } from './dto/programme-targets.dto';
import { ProgrammeListResponse, ProgrammeResponse } from './dto/programme.response';
import { ProgrammeQueries, type ProgrammeDetails } from './read-models/programme-queries';
import { ROLES } from '../shared/actor';

/** Maps the programme endpoints to commands and queries; nothing else happens here. */
@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programs')
export class ProgrammesController {
  private readonly queries: ProgrammeQueries;

  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) db: Database,
  ) {
    this.queries = new ProgrammeQueries(db);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Create a multi-year programme with its yearly budgets and indicator targets',
  })
  @ApiCommand({ created: true })
  create(
    @Body() body: CreateProgrammeDto,
    @CommandMetaParam() meta: CommandMeta,
  ): Promise<CommandResponse> {
    const { code, name, fromYear, toYear, budgets, targets, decisionNo, decisionDate } = body;
    return this.commands.execute(
      new RunProgrammeCommand(code, { type: 'CreateProgramme', data: {
          code,
          name,
          fromYear,
          toYear,
          budgets: budgets.map(({ year, amountVnd }) => ({ year, amountVnd })),
          targets: targets.map(({ indicator, target }) => ({ indicator, target })),
          ...(decisionNo !== undefined && { decisionNo }),
          ...(decisionDate !== undefined && { decisionDate }),
        } }, meta),
    );
  }

  @Post(':code/budget-changes')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Change one year's budget by a decision" })
  @ApiCommand({ unknownSubject: true })
  changeBudget(
    @Param('code') code: string,
    @Body() body: BudgetChangeDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    const { year, amountVnd, decisionNo, reason } = body;
    return this.commands.execute(
      new RunProgrammeCommand(code, { type: 'ChangeProgrammeBudget', data: { year, amountVnd, decisionNo, reason } }, meta),
    );
  }

  @Post(':code/targets')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Replace the programme's indicator targets by a decision" })
  @ApiCommand({ unknownSubject: true })
  setTargets(
    @Param('code') code: string,
    @Body() body: ProgrammeTargetsDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    const targets = body.targets.map(({ indicator, target }) => ({ indicator, target }));
    return this.commands.execute(
      new RunProgrammeCommand(code, { type: 'SetProgrammeTargets', data: { targets, decisionNo: body.decisionNo, reason: body.reason } }, meta),
    );
  }

  @Post(':code/context-indicators')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Record a context indicator for a year (production value, export value, establishments…)',
  })
  @ApiCommand({ unknownSubject: true })
  recordContextIndicator(
    @Param('code') code: string,
    @Body() body: ContextIndicatorDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    const { year, value, target, unit, asOf, estimated, note } = body;
    const data = {
      year,
      code: body.code,
      value,
      ...(target !== undefined && { target }),
      ...(unit !== undefined && { unit }),
      ...(asOf !== undefined && { asOf }),
      ...(estimated !== undefined && { estimated }),
      ...(note !== undefined && { note }),
    };
    return this.commands.execute(new RunProgrammeCommand(code, { type: 'RecordContextIndicator', data }, meta));
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'List programmes with their budgets, targets and context indicators' })
  @ApiRead(ProgrammeListResponse, 'The programmes')
  async list(@Query() query: MinPositionQuery) {
    await this.readYourWrites.reach(query.minPosition);
    return this.queries.list();
  }

  @Get(':code')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One programme: yearly budgets, total, targets, context indicators' })
  @ApiRead(ProgrammeResponse, 'The programme', 404)
  async find(
    @Param('code') code: string,
    @Query() query: MinPositionQuery,
  ): Promise<ProgrammeDetails> {
    await this.readYourWrites.reach(query.minPosition);
    const programme = this.queries.find(code);
    if (!programme) throw programmeNotFound(code);
    return programme;
  }
}
