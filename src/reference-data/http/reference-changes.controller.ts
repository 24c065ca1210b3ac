import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { ApiCommand } from '../../http/openapi/api-problems.decorator';
import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { CommandMetaParam } from '../../platform/command-meta.param';
import type { Catalogue } from '../catalogues';
import { RunReferenceCommand } from '../commands/run-reference-command';
import type { ReferenceCommand } from '../domain/reference.commands';
import type { LegalBasis } from '../reference-data';
import { ReferenceDataService } from '../reference-data.service';
import {
  AdvanceCapDto,
  CatalogueEntryDto,
  CatalogueRenameDto,
  EndEntryDto,
  EndUnitDto,
  EstablishUnitDto,
  NormSetDto,
  type LegalBasisDto,
} from './reference-changes.dto';

const basisOf = ({ document, date, title }: LegalBasisDto): LegalBasis => ({
  document,
  date,
  ...(title !== undefined && { title }),
});

/**
 * Changes of the reference data, each with the day it takes effect and its legal basis, by an
 * admin or the Center. Maps requests to commands; the rules are the decider's.
 */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceChangesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @Post('units')
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'A unit comes into being on a date (by a decision)' })
  @ApiCommand({ created: true })
  establishUnit(@Body() body: EstablishUnitDto, @CommandMetaParam() meta: CommandMeta) {
    const { code, name, level, kind, parent, email, effectiveFrom, basis } = body;
    return this.run(
      {
        type: 'EstablishUnit',
        data: {
          code,
          name,
          level,
          kind,
          ...(parent !== undefined && { parent }),
          ...(email !== undefined && { email }),
          effectiveFrom,
          basis: basisOf(basis),
        },
      },
      meta,
    );
  }

  @Post('units/:code/end')
  @HttpCode(200)
  @Roles('admin', 'center_officer')
  @ApiOperation({
    summary:
      'A unit ends: effectiveFrom is the first day without it; its successors take its territory',
  })
  @ApiCommand()
  endUnit(
    @Param('code') code: string,
    @Body() body: EndUnitDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    const { successors, effectiveFrom, basis } = body;
    return this.run(
      { type: 'EndUnit', data: { code, successors, effectiveFrom, basis: basisOf(basis) } },
      meta,
    );
  }

  @Post('activity-types')
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'A new activity type from a date' })
  @ApiCommand({ created: true })
  recordActivityType(@Body() body: CatalogueEntryDto, @CommandMetaParam() meta: CommandMeta) {
    return this.recordEntry('activity_types', body.code, 'new', body, meta);
  }

  @Post('indicators')
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'A new indicator (with its unit of count) from a date' })
  @ApiCommand({ created: true })
  recordIndicator(@Body() body: CatalogueEntryDto, @CommandMetaParam() meta: CommandMeta) {
    return this.recordEntry('indicators', body.code, 'new', body, meta);
  }

  @Post('funding-sources')
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'A new funding source from a date' })
  @ApiCommand({ created: true })
  recordFundingSource(@Body() body: CatalogueEntryDto, @CommandMetaParam() meta: CommandMeta) {
    return this.recordEntry('funding_sources', body.code, 'new', body, meta);
  }

  @Post('activity-types/:code/rename')
  @HttpCode(200)
  @Roles('admin', 'center_officer')
  @ApiOperation({
    summary: 'An activity type renamed from a date (its earlier name stays before it)',
  })
  @ApiCommand()
  renameActivityType(
    @Param('code') code: string,
    @Body() body: CatalogueRenameDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    return this.recordEntry('activity_types', code, 'rename', body, meta);
  }

  @Post('indicators/:code/rename')
  @HttpCode(200)
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'An indicator renamed (or counted in another unit) from a date' })
  @ApiCommand()
  renameIndicator(
    @Param('code') code: string,
    @Body() body: CatalogueRenameDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    return this.recordEntry('indicators', code, 'rename', body, meta);
  }

  @Post('funding-sources/:code/rename')
  @HttpCode(200)
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'A funding source renamed from a date' })
  @ApiCommand()
  renameFundingSource(
    @Param('code') code: string,
    @Body() body: CatalogueRenameDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    return this.recordEntry('funding_sources', code, 'rename', body, meta);
  }

  @Post('activity-types/:code/end')
  @HttpCode(200)
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'An activity type is no longer in force from a date' })
  @ApiCommand()
  endActivityType(
    @Param('code') code: string,
    @Body() body: EndEntryDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    return this.endEntry('activity_types', code, body, meta);
  }

  @Post('indicators/:code/end')
  @HttpCode(200)
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'An indicator is no longer in force from a date' })
  @ApiCommand()
  endIndicator(
    @Param('code') code: string,
    @Body() body: EndEntryDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    return this.endEntry('indicators', code, body, meta);
  }

  @Post('funding-sources/:code/end')
  @HttpCode(200)
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'A funding source is no longer in force from a date' })
  @ApiCommand()
  endFundingSource(
    @Param('code') code: string,
    @Body() body: EndEntryDto,
    @CommandMetaParam() meta: CommandMeta,
  ) {
    return this.endEntry('funding_sources', code, body, meta);
  }

  @Post('norm-sets')
  @Roles('admin', 'center_officer')
  @ApiOperation({
    summary:
      "A set of support norms from a date: the Ministry's, or the province's own levels (carrying over the norms it does not name)",
  })
  @ApiCommand({ created: true })
  recordNormSet(@Body() body: NormSetDto, @CommandMetaParam() meta: CommandMeta) {
    const { id, scope, effectiveFrom, basis, carryOver } = body;
    const norms = Object.fromEntries(
      body.norms.map(({ activityType, percent, maxVnd, per, clause, note }) => [
        activityType,
        {
          percent,
          maxVnd,
          ...(per !== undefined && { per }),
          ...(clause !== undefined && { clause }),
          ...(note !== undefined && { note }),
        },
      ]),
    );
    return this.run(
      {
        type: 'RecordNormSet',
        data: {
          id,
          scope,
          norms,
          carryOver: carryOver ?? true,
          effectiveFrom,
          basis: basisOf(basis),
        },
      },
      meta,
    );
  }

  @Post('advance-caps')
  @Roles('admin', 'center_officer')
  @ApiOperation({ summary: 'The share of the approved funding advances may reach, from a date' })
  @ApiCommand({ created: true })
  setAdvanceCap(@Body() body: AdvanceCapDto, @CommandMetaParam() meta: CommandMeta) {
    const { percent, effectiveFrom, basis } = body;
    return this.run(
      { type: 'SetAdvanceCap', data: { percent, effectiveFrom, basis: basisOf(basis) } },
      meta,
    );
  }

  private recordEntry(
    catalogue: Catalogue,
    code: string,
    change: 'new' | 'rename',
    body: CatalogueRenameDto,
    meta: CommandMeta,
  ): Promise<CommandResponse> {
    const { name, unit, effectiveFrom, basis } = body;
    return this.run(
      {
        type: 'RecordCatalogueEntry',
        data: {
          catalogue,
          code,
          change,
          name,
          ...(unit !== undefined && { unit }),
          effectiveFrom,
          basis: basisOf(basis),
        },
      },
      meta,
    );
  }

  private endEntry(catalogue: Catalogue, code: string, body: EndEntryDto, meta: CommandMeta) {
    const { effectiveFrom, basis } = body;
    return this.run(
      {
        type: 'EndCatalogueEntry',
        data: { catalogue, code, effectiveFrom, basis: basisOf(basis) },
      },
      meta,
    );
  }

  private run(command: ReferenceCommand, meta: CommandMeta): Promise<CommandResponse> {
    const province = this.referenceData.current().province ?? 'default';
    return this.commands.execute(new RunReferenceCommand(province, command, meta));
  }
}
