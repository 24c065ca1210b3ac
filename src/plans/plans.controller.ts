import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { actorsOf, type Principal } from '../auth/principal';
import { Clock } from '../platform/clock';
import type { AvailableAction } from '../shared/available-action';
import { availablePlanActions } from './domain/plan.actions';
import type { Database } from 'better-sqlite3';
import { IsOptional, Matches } from 'class-validator';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ValidationProblem } from '../http/problem-details';
import { CommandMetaParam } from '../platform/command-meta.param';
import { ReadYourWrites } from '../platform/read-your-writes';
import { PROGRAMME_CODE_PATTERN } from '../programmes/dto/create-programme.dto';
import { READ_MODEL_DB } from '../projections/projection';
import type { CommandMeta, CommandResponse } from '../kernel/command-meta';
import { MinPositionQuery } from '../projects/dto/list-projects.query';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { DomainError } from '../shared/domain-error';
import { RunPlanCommand } from './commands/run-plan-command';
import { ApiCommand, ApiRead } from '../http/openapi/api-problems.decorator';
import { ApprovePlanDto } from './dto/approve-plan.dto';
import { DistrictRegistrationDto } from './dto/district-registration.dto';
import { OpenPlanDto } from './dto/open-plan.dto';
import { PlanListResponse, PlanResponse } from './dto/plan.response';
import { PlanQueries, type ExpectedUnits, type PlanDetails } from './read-models/plan-queries';
import { registeringKeysIn, unitCodeOf } from '../reference-data/registering-units';
import { ROLES } from '../shared/actor';
import { registeringKeyFromBody } from '../reference-data/http/unit-field';

const Year = () =>
  Param(
    'year',
    new ParseIntPipe({
      exceptionFactory: () =>
        new ValidationProblem([
          { field: 'year', message: 'year must be a whole number', constraint: 'isInt' },
        ]),
    }),
  );

export class ListPlansQuery extends MinPositionQuery {
  @ApiPropertyOptional({ example: 'DN-2021-2025' })
  @IsOptional()
  @Matches(PROGRAMME_CODE_PATTERN, { message: 'programCode must be a programme code' })
  programCode?: string;
}

/** Maps the yearly plan endpoints to commands and queries; nothing else happens here. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  private readonly queries: PlanQueries;

  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly referenceData: ReferenceDataService,
    @Inject(READ_MODEL_DB) db: Database,
    private readonly clock: Clock,
  ) {
    this.queries = new PlanQueries(db);
  }

  @Post()
  @Roles('center_officer')
  @ApiOperation({
    summary: "Open a year's plan (Kế hoạch khuyến công năm N) with its registration deadline",
  })
  @ApiCommand({ created: true })
  open(@Body() body: OpenPlanDto, @CommandMetaParam() meta: CommandMeta): Promise<CommandResponse> {
    const { year, programCode, registrationDeadline } = body;
    return this.commands.execute(
      new RunPlanCommand(
        year,
        { type: 'OpenPlan', data: { year, programCode, registrationDeadline } },
        meta,
      ),
    );
  }

  @Post(':year/registrations')
  @HttpCode(200)
  @Roles('district_officer')
  @ApiOperation({
    summary:
      "Submit the district's registration for the year (an empty list says there is nothing to register)",
  })
  @ApiCommand({ unknownSubject: true })
  register(
    @Year() year: number,
    @Body() body: DistrictRegistrationDto,
    @CommandMetaParam() meta: CommandMeta,
  ): Promise<CommandResponse> {
    const district =
      registeringKeyFromBody(this.referenceData.current(), body) ?? meta.actor.district ?? '';
    return this.commands.execute(
      new RunPlanCommand(
        year,
        { type: 'SubmitDistrictRegistration', data: { district, projectIds: body.projectIds } },
        meta,
      ),
    );
  }

  @Post(':year/compile')
  @HttpCode(200)
  @Roles('center_officer')
  @ApiOperation({ summary: 'Compile the plan from the registrations (open → compiled)' })
  @ApiCommand({ unknownSubject: true })
  compile(@Year() year: number, @CommandMetaParam() meta: CommandMeta): Promise<CommandResponse> {
    return this.commands.execute(new RunPlanCommand(year, { type: 'CompilePlan', data: {} }, meta));
  }

  @Post(':year/approval')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary: 'Approve the compiled plan (compiled → approved); not by whoever compiled it',
  })
  @ApiCommand({ unknownSubject: true })
  approve(
    @Year() year: number,
    @Body() body: ApprovePlanDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    const { decisionNo, decisionDate } = body;
    return this.commands.execute(
      new RunPlanCommand(year, { type: 'ApprovePlan', data: { decisionNo, decisionDate } }, meta),
    );
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'List the yearly plans, each with its districts submitted, late or missing',
  })
  @ApiRead(PlanListResponse, 'The plans, by year')
  async list(@Query() query: ListPlansQuery) {
    await this.readYourWrites.reach(query.minPosition);
    const items = this.queries
      .list({ programCode: query.programCode }, this.knownDistricts)
      .map((plan) => this.withUnits(plan));
    return { items, total: items.length };
  }

  @Get(':year')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      "One year's plan with each district's registration (submitted, late or missing) and the actions the caller may take now",
  })
  @ApiRead(PlanResponse, "The year's plan", 404)
  async find(
    @Year() year: number,
    @Query() query: MinPositionQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanDetails & { availableActions: AvailableAction[] }> {
    await this.readYourWrites.reach(query.minPosition);
    const found = this.queries.findWithState(year, this.knownDistricts);
    if (!found)
      throw new DomainError(
        'plan_not_found',
        `No plan has been opened for ${year}`,
        'not_found',
        undefined,
        {
          year,
        },
      );
    const availableActions = availablePlanActions(found.state, actorsOf(principal), {
      today: this.clock.today(),
      reference: this.referenceData.current(),
      projectsOf: (unit) => this.queries.unitProjects(unit, year),
    });
    return { ...this.withUnits(found.details), availableActions };
  }

  /** Each registration with its unit's official code beside the key it is recorded under. */
  private withUnits(plan: PlanDetails): PlanDetails {
    const reference = this.referenceData.current();
    const districts = plan.districts.map((d) => ({
      ...d,
      unit: unitCodeOf(reference, d.district),
    }));
    return { ...plan, districts };
  }

  /** The units expected to register for a year: the districts until 2025, then the communes. */
  private readonly knownDistricts: ExpectedUnits = (year) =>
    registeringKeysIn(this.referenceData.current(), year);
}
