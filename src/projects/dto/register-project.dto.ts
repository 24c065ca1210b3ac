import { ValidateIf } from 'class-validator';
import {
  CodeField,
  DateField,
  ListField,
  ObjectField,
  TextField,
  VndField,
  WholeField,
} from '../../http/dto-fields';
import type { FundingSource } from '../domain/project.types';
import { IndicatorTargetDto } from './shared.dto';

export class BeneficiaryDto {
  @TextField(300, { example: 'Cơ sở cơ khí Tân Phú' })
  name!: string;

  @TextField(500, { example: 'Ấp 1, xã Phú Lâm, huyện Tân Phú', required: false })
  address?: string;

  @TextField(32, { example: '3600123456', required: false })
  taxCode?: string;
}

/** The registration fields, shared by registration and resubmission. */
export class RegistrationFieldsDto {
  @TextField(500, { example: 'Hỗ trợ ứng dụng máy cắt CNC' })
  title!: string;

  @CodeField('an activity type', {
    example: 'machinery',
    description: 'Activity type code (reference data)',
  })
  activityType!: string;

  @ObjectField(BeneficiaryDto)
  beneficiary!: BeneficiaryDto;

  @VndField({ example: 250000000, description: 'Support requested, whole VND' })
  requestedFundingVnd!: number;

  @VndField({
    example: 250000000,
    description: 'Funding the beneficiary commits (vốn đối ứng), whole VND; default 0',
    required: false,
  })
  counterpartFundingVnd?: number;

  @CodeField('a funding source', {
    default: 'local',
    required: false,
    description:
      'Funding source code (reference data, in force in the plan year): local, national, or one the Center recorded',
  })
  fundingSource?: FundingSource;

  @ListField(IndicatorTargetDto, 50)
  targets!: IndicatorTargetDto[];

  @DateField({ example: '2024-03-01' })
  plannedStart!: string;

  @DateField({ example: '2024-11-30' })
  plannedEnd!: string;

  @TextField(5000, { required: false })
  description?: string;

  @CodeField('a unit', {
    example: '26116',
    required: false,
    description:
      "Where the establishment is: the code of a commune, ward or special zone (GET /reference/units) that existed in the plan year, within the registering unit's territory (a district's commune, the commune itself, any of the province's for the Center). Not part of `beneficiary`, which is personal data",
  })
  beneficiaryUnit?: string;
}

export class RegisterProjectDto extends RegistrationFieldsDto {
  @WholeField(2000, 2100, { example: 2024 })
  planYear!: number;

  /** Required unless `unit` names the unit. */
  @ValidateIf((body: RegisterProjectDto) => body.unit === undefined)
  @CodeField('a district', {
    example: 'tan-phu',
    description:
      'The registering unit (deprecated name of `unit`): a former district key or a unit code',
  })
  district?: string;

  @CodeField('a unit', {
    example: '26116',
    required: false,
    description:
      'The registering unit: its code (GET /reference/units), or a former district key; `district` is its older name',
  })
  unit?: string;
}
