import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { ApiAnswer, ApiProblems } from '../../http/openapi/api-problems.decorator';
import { Clock } from '../../platform/clock';
import { ROLES } from '../../shared/actor';
import type { AdministrativeUnit } from '../administrative-units';
import type { NormSet } from '../reference-data';
import { ReferenceDataService } from '../reference-data.service';
import { AsOfQuery } from './as-of.query';
import {
  ActivityTypeListResponse,
  AdvanceCapResponse,
  FundingSourceListResponse,
  IndicatorListResponse,
  NormSetListResponse,
  ReferenceChangeListResponse,
  UnitListResponse,
} from './reference.response';
import { normSetOn } from '../norm-sets';
import { advanceCapOn } from '../advance-caps';
import { catalogueOn } from '../catalogues';
import { ReferenceHistory } from '../application/reference-history';
import { SETTINGS, type Settings } from '../../config/settings';
import { Inject } from '@nestjs/common';

/** One unit as the API shows it. */
export type UnitItem = Omit<AdministrativeUnit, 'formerKeys' | 'email'> & {
  readonly formerKeys: readonly string[];
};

const itemOf = ({ email: _email, formerKeys, ...unit }: AdministrativeUnit): UnitItem => ({
  ...unit,
  formerKeys: formerKeys ?? [],
});

const normSetHeader = ({ norms: _norms, unset: _unset, ...header }: NormSet) => header;

/** Reference data as of a date, for every signed-in role (the console's choices come from here). */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(
    private readonly referenceData: ReferenceDataService,
    private readonly history: ReferenceHistory,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get('units')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'The administrative units in force on a date (province, district until 30/06/2025, commune), with their successors',
  })
  @ApiAnswer(UnitListResponse, 'The units in force on the date')
  @ApiProblems(400, 401, 403, 429)
  units(@Query() query: AsOfQuery): { asOf: string; items: UnitItem[] } {
    const asOf = this.asOf(query);
    return { asOf, items: this.referenceData.units().asOf(asOf).map(itemOf) };
  }

  @Get('activity-types')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'The activity types with the support norm of each in force on a date, and the legal basis of those norms',
  })
  @ApiAnswer(
    ActivityTypeListResponse,
    'The activity types in force on the date, each with its norm',
  )
  @ApiProblems(400, 401, 403, 429)
  activityTypes(@Query() query: AsOfQuery) {
    const asOf = this.asOf(query);
    const reference = this.referenceData.current();
    const set = normSetOn(reference, asOf);
    return {
      asOf,
      normSet: set ? normSetHeader(set) : null,
      items: catalogueOn(reference, 'activity_types', asOf).map((entry) => ({
        ...entry,
        norm: set?.norms[entry.code] ?? null,
        // What the Center must set itself where the set in force ships no figure.
        ...(set?.unset?.[entry.code] !== undefined && { normToSet: set.unset[entry.code] }),
      })),
    };
  }

  @Get('indicators')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The indicators in force on a date, with their units of count' })
  @ApiAnswer(IndicatorListResponse, 'The indicators in force on the date')
  @ApiProblems(400, 401, 403, 429)
  indicators(@Query() query: AsOfQuery) {
    const asOf = this.asOf(query);
    return { asOf, items: catalogueOn(this.referenceData.current(), 'indicators', asOf) };
  }

  @Get('funding-sources')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The funding sources in force on a date' })
  @ApiAnswer(FundingSourceListResponse, 'The funding sources in force on the date')
  @ApiProblems(400, 401, 403, 429)
  fundingSources(@Query() query: AsOfQuery) {
    const asOf = this.asOf(query);
    return { asOf, items: catalogueOn(this.referenceData.current(), 'funding_sources', asOf) };
  }

  @Get('norm-sets')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'Every set of support norms with its legal basis and effective date, and the one in force on a date',
  })
  @ApiAnswer(NormSetListResponse, 'Every norm set, and the one in force on the date')
  @ApiProblems(400, 401, 403, 429)
  normSets(@Query() query: AsOfQuery) {
    const asOf = this.asOf(query);
    const reference = this.referenceData.current();
    const sets = [...(reference.normSets ?? [])].sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : 1,
    );
    return { asOf, inForce: normSetOn(reference, asOf)?.id ?? null, items: sets };
  }

  @Get('advance-cap')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The advance cap in force on a date, and where it comes from' })
  @ApiAnswer(AdvanceCapResponse, 'The advance cap in force on the date')
  @ApiProblems(400, 401, 403, 429)
  advanceCap(@Query() query: AsOfQuery) {
    const asOf = this.asOf(query);
    const recorded = advanceCapOn(this.referenceData.current(), asOf);
    return recorded
      ? {
          asOf,
          percent: recorded.percent,
          effectiveFrom: recorded.effectiveFrom,
          basis: recorded.basis,
        }
      : // Nothing recorded for that day: the deployment's setting (ADVANCE_CAP_PERCENT) applies.
        { asOf, percent: this.settings.advanceCapPercent, effectiveFrom: null, basis: null };
  }

  @Get('changes')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Every recorded change of the reference data: what, from when, on what basis, by whom',
  })
  @ApiAnswer(ReferenceChangeListResponse, 'Every change, oldest first')
  @ApiProblems(401, 403, 429, 503)
  async changes() {
    const province = this.referenceData.current().province ?? 'default';
    return { items: await this.history.changes(province) };
  }

  private asOf(query: AsOfQuery): string {
    return query.asOf ?? this.clock.today();
  }
}
