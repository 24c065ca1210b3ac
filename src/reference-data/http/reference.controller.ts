import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { Clock } from '../../platform/clock';
import { ROLES } from '../../shared/actor';
import type { AdministrativeUnit } from '../administrative-units';
import { ReferenceDataService } from '../reference-data.service';
import { AsOfQuery } from './as-of.query';

/** One unit as the API shows it. */
export type UnitItem = Omit<AdministrativeUnit, 'formerKeys' | 'email'> & {
  readonly formerKeys: readonly string[];
};

const itemOf = ({ email: _email, formerKeys, ...unit }: AdministrativeUnit): UnitItem => ({
  ...unit,
  formerKeys: formerKeys ?? [],
});

/** Reference data as of a date, for every signed-in role. */
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
    const asOf = query.asOf ?? this.clock.today();
    return { asOf, items: this.referenceData.units().asOf(asOf).map(itemOf) };
  }
}
