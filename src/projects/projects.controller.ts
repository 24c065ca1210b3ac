import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommand, ApiRead } from '../http/openapi/api-problems.decorator';
import type { Database } from 'better-sqlite3';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../http/uuid-param';
import { CommandMetaParam } from '../platform/command-meta.param';
import { ReadYourWrites } from '../platform/read-your-writes';
import { PersonalDataVault } from '../personal-data/personal-data-vault';
import { READ_MODEL_DB } from '../projections/projection';
import { ROLES, type Actor } from '../shared/actor';
import { boundDistrict, canSeeDistrict } from '../auth/district-scope';
import type { CommandMeta, CommandResponse } from '../kernel/command-meta';
import { projectNotFound } from './application/project-not-found';
import { ProjectActions } from './application/project-actions';
import type { AvailableAction } from './domain/project.actions';
import { ProjectActionsResponse } from './dto/project-actions.response';
import { RunProjectCommand } from './commands/run-project-command';
import { RegisterProjectCommand } from './commands/register-project.command';
import { AcceptanceDto } from './dto/acceptance.dto';
import { AdjustmentDto } from './dto/adjustment.dto';
import { AppraisalResultDto } from './dto/appraisal-result.dto';
import { ApproveProjectDto } from './dto/approve-project.dto';
import { DisbursementDto } from './dto/disbursement.dto';
import { InspectionDto } from './dto/inspection.dto';
import { ListProjectsQuery, MinPositionQuery } from './dto/list-projects.query';
import { ProgressReportDto } from './dto/progress-report.dto';
import { ProjectListResponse, ProjectResponse } from './dto/project.response';
import { BeneficiaryCorrectionDto, PersonalDataErasureDto } from './dto/personal-data.dto';
import { ReasonDto } from './dto/reason.dto';
import { RegisterProjectDto } from './dto/register-project.dto';
import { ResubmitProjectDto } from './dto/resubmit-project.dto';
import { SettlementDto } from './dto/settlement.dto';
import { StartExecutionDto } from './dto/start-execution.dto';
import type { ProjectDetails } from './read-models/project-details';
import { ProjectQueries } from './read-models/project-queries';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { registeringKeyFromBody } from '../reference-data/http/unit-field';
import { unitCodeOf } from '../reference-data/registering-units';
import { beneficiaryUnitNameOf } from '../reference-data/beneficiary-units';

const Id = () => UuidParam('id');

/** Maps the project endpoints of API.md to commands and queries; nothing else happens here. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  private readonly queries: ProjectQueries;

  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_MODEL_DB) db: Database,
    vault: PersonalDataVault,
    private readonly referenceData: ReferenceDataService,
    private readonly actions: ProjectActions,
  ) {
    this.queries = new ProjectQueries(db, vault);
  }

  @Post()
  @Roles('district_officer', 'center_officer')
  @ApiOperation({ summary: "Register a support project (→ registered); the Center's own tasks under its unit 75, by a Center officer" })
  @ApiCommand({ created: true })
  register(@Body() body: RegisterProjectDto, @CommandMetaParam() meta: CommandMeta): Promise<CommandResponse> {
    const { counterpartFundingVnd = 0, fundingSource = 'local', unit: _unit, district: _district, ...rest } = body;
    const district = registeringKeyFromBody(this.referenceData.current(), body) ?? '';
    return this.commands.execute(
      new RegisterProjectCommand({ ...rest, district, counterpartFundingVnd, fundingSource }, meta),
    );
  }

  @Post(':id/appraisal/start')
  @HttpCode(200)
  @Roles('center_officer')
  @ApiOperation({ summary: 'Start appraisal (registered → under_appraisal)' })
  @ApiCommand({ unknownSubject: true })
  startAppraisal(@Id() id: string, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'StartAppraisal', data: {} }, meta));
  }

  @Post(':id/appraisal/result')
  @HttpCode(200)
  @Roles('center_officer')
  @ApiOperation({ summary: 'Record the appraisal result (→ appraised, revision_requested or rejected)' })
  @ApiCommand({ unknownSubject: true })
  appraisalResult(@Id() id: string, @Body() body: AppraisalResultDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'RecordAppraisalResult', data: body }, meta));
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  // The Center's officers resubmit the Center's own tasks only (ProjectAggregate.authorize).
  @Roles('district_officer', 'center_officer')
  @ApiOperation({ summary: "Resubmit after a revision request (revision_requested → registered); by the registering unit, or the Center for its own tasks" })
  @ApiCommand({ unknownSubject: true })
  resubmit(@Id() id: string, @Body() body: ResubmitProjectDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'ResubmitProject', data: { changes: body } }, meta));
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Approve (appraised → approved)' })
  @ApiCommand({ unknownSubject: true })
  approve(@Id() id: string, @Body() body: ApproveProjectDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'ApproveProject', data: body }, meta));
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Reject (appraised → rejected)' })
  @ApiCommand({ unknownSubject: true })
  reject(@Id() id: string, @Body() body: ReasonDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'RejectProject', data: body }, meta));
  }

  @Post(':id/execution/start')
  @HttpCode(200)
  @Roles('center_officer')
  @ApiOperation({ summary: 'Start execution (approved → in_execution)' })
  @ApiCommand({ unknownSubject: true })
  startExecution(@Id() id: string, @Body() body: StartExecutionDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'StartExecution', data: body }, meta));
  }

  @Post(':id/progress-reports')
  @HttpCode(200)
  @Roles('district_officer', 'center_officer')
  @ApiOperation({ summary: 'Report monthly progress per indicator (a second report for a month replaces the first)' })
  @ApiCommand({ unknownSubject: true })
  reportProgress(@Id() id: string, @Body() body: ProgressReportDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'ReportProgress', data: body }, meta));
  }

  @Post(':id/disbursements')
  @HttpCode(200)
  @Roles('finance_officer')
  @ApiOperation({ summary: 'Record an advance, a payment or a recovery' })
  @ApiCommand({ unknownSubject: true })
  disburse(@Id() id: string, @Body() body: DisbursementDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'RecordDisbursement', data: body }, meta));
  }

  @Post(':id/inspections')
  @HttpCode(200)
  @Roles('center_officer')
  @ApiOperation({ summary: 'Record an inspection' })
  @ApiCommand({ unknownSubject: true })
  inspect(@Id() id: string, @Body() body: InspectionDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'RecordInspection', data: body }, meta));
  }

  @Post(':id/adjustments')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Adjust approved funding, planned end or targets by decision' })
  @ApiCommand({ unknownSubject: true })
  adjust(@Id() id: string, @Body() body: AdjustmentDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'AdjustProject', data: body }, meta));
  }

  @Post(':id/acceptance')
  @HttpCode(200)
  @Roles('center_officer')
  @ApiOperation({ summary: 'Accept the results (in_execution → accepted)' })
  @ApiCommand({ unknownSubject: true })
  accept(@Id() id: string, @Body() body: AcceptanceDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'AcceptProject', data: body }, meta));
  }

  @Post(':id/settlement')
  @HttpCode(200)
  @Roles('finance_officer')
  @ApiOperation({ summary: 'Settle the accounts (accepted → settled)' })
  @ApiCommand({ unknownSubject: true })
  settle(@Id() id: string, @Body() body: SettlementDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'SettleProject', data: body }, meta));
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Cancel a project before acceptance (→ cancelled)' })
  @ApiCommand({ unknownSubject: true })
  cancel(@Id() id: string, @Body() body: ReasonDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'CancelProject', data: body }, meta));
  }

  @Post(':id/personal-data/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: "Erase the beneficiary's personal data at the data subject's request (keys destroyed; the record keeps the legal basis only)",
  })
  @ApiCommand({ unknownSubject: true })
  erasePersonalData(@Id() id: string, @Body() body: PersonalDataErasureDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'ErasePersonalData', data: body }, meta));
  }

  @Post(':id/beneficiary/correction')
  @HttpCode(200)
  @Roles('center_officer', 'admin')
  @ApiOperation({ summary: "Record a corrected beneficiary value (a new version of the subject's personal data)" })
  @ApiCommand({ unknownSubject: true })
  correctBeneficiary(@Id() id: string, @Body() body: BeneficiaryCorrectionDto, @CommandMetaParam() meta: CommandMeta) {
    return this.commands.execute(new RunProjectCommand(id, { type: 'CorrectBeneficiary', data: body }, meta));
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'List projects (a district officer sees its own district only)' })
  @ApiRead(ProjectListResponse, 'The page of projects asked for, and how many match')
  async list(@Query() query: ListProjectsQuery, @CurrentActor() actor: Actor) {
    await this.readYourWrites.reach(query.minPosition);
    const ownDistrict = boundDistrict(actor);
    const asked = registeringKeyFromBody(this.referenceData.current(), query);
    if (ownDistrict !== undefined && asked !== undefined && asked !== ownDistrict) {
      return { items: [], total: 0 };
    }
    const { items, total } = this.queries.list({
      status: query.status,
      district: ownDistrict ?? asked,
      planYear: query.planYear,
      activityType: query.activityType,
      fundingSource: query.fundingSource,
      q: query.q,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    });
    return { items: items.map((item) => this.withUnit(item)), total };
  }

  /** The unit's official code beside the key it was registered under (`district`), and the name of the beneficiary's unit. */
  private withUnit<T extends ProjectDetails>(project: T): T & { unit: string; beneficiaryUnitName: string | null } {
    const reference = this.referenceData.current();
    return {
      ...project,
      unit: unitCodeOf(reference, project.district),
      beneficiaryUnitName: beneficiaryUnitNameOf(reference, project),
    };
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One project with its money, rates, indicator progress and the actions the caller may take now' })
  @ApiRead(ProjectResponse, 'The project', 404)
  async find(
    @Id() id: string,
    @Query() query: MinPositionQuery,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectDetails & { advanceCapVnd: number | null; advanceCapLeftVnd: number | null; availableActions: AvailableAction[] }> {
    const { details, state } = await this.visible(id, query, actor);
    return {
      ...this.withUnit(details),
      ...this.actions.advanceRoom(details),
      availableActions: this.actions.for(state, principal),
    };
  }

  @Get(':id/actions')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The actions the caller may take on the project now, with their fields and limits' })
  @ApiRead(ProjectActionsResponse, 'The actions the caller may take now', 404)
  async availableActions(
    @Id() id: string,
    @Query() query: MinPositionQuery,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectActionsResponse> {
    const { details, state } = await this.visible(id, query, actor);
    return { id: details.id, version: details.version, items: this.actions.for(state, principal) };
  }

  /** The project as of `minPosition`, when the caller may see it (404 otherwise, as for none). */
  private async visible(id: string, query: MinPositionQuery, actor: Actor) {
    await this.readYourWrites.reach(query.minPosition);
    const found = this.queries.findWithState(id);
    if (!found || !canSeeDistrict(actor, found.details.district)) throw projectNotFound();
    return found;
  }
}
