import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { Clock } from '../../platform/clock';
import { ROLES } from '../../shared/actor';
import type { AdministrativeUnit } from '../administrative-units';
import { ReferenceDataService } from '../reference-data.service';
import { AsOfQuery } from './as-of.query';
import { normSetOn } from '../norm-sets';

/** One unit as the API shows it. */
export type UnitItem = Omit<AdministrativeUnit, 'formerKeys' | 'email'> & {
  readonly formerKeys: readonly string[];
};

const itemOf = ({ email: _email, formerKeys, ...unit }: AdministrativeUnit): UnitItem => ({
  ...unit,
  formerKeys: formerKeys ?? [],
});

/** Reference data as of a date, for every signed-in role (the console's choices come from here). */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
  ) {}

  @Get('units')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'The administrative units in force on a date (province, district until 30/06/2025, commune), with their successors',
  })
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
  activityTypes(@Query() query: AsOfQuery) {
    const asOf = this.asOf(query);
    const reference = this.referenceData.current();
    const set = normSetOn(reference, asOf);
    return {
      asOf,
      normSet: set
        ? { id: set.id, effectiveFrom: set.effectiveFrom, legalBasis: set.legalBasis }
        : null,
      items: Object.entries(reference.activityTypes).map(([code, type]) => ({
        code,
        name: type.name,
        norm: set?.norms[code] ?? null,
      })),
    };
  }

  @Get('indicators')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The indicators projects set targets for, with their units of count' })
  indicators(@Query() query: AsOfQuery) {
    const indicators = this.referenceData.current().indicators;
    return {
      asOf: this.asOf(query),
      items: Object.entries(indicators).map(([code, { name, unit }]) => ({ code, name, unit })),
    };
  }

  @Get('funding-sources')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The funding sources a project may be paid from' })
  fundingSources(@Query() query: AsOfQuery) {
    const sources = this.referenceData.current().fundingSources ?? {};
    return {
      asOf: this.asOf(query),
      items: Object.entries(sources).map(([code, { name }]) => ({ code, name })),
    };
  }

  private asOf(query: AsOfQuery): string {
    return query.asOf ?? this.clock.today();
  }
}
