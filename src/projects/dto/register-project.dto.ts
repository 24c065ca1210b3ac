import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsBusinessDate, IsVnd } from '../../http/validators';
import type { FundingSource } from '../domain/project.types';
import { CODE_PATTERN, IndicatorTargetDto, Text } from './shared.dto';

export class BeneficiaryDto {
  @ApiProperty({ example: 'Cơ sở cơ khí Tân Phú' })
  @Text(300)
  name!: string;

  @ApiPropertyOptional({ example: 'Ấp 1, xã Phú Lâm, huyện Tân Phú' })
  @IsOptional()
  @Text(500)
  address?: string;

  @ApiPropertyOptional({ example: '3600123456' })
  @IsOptional()
  @Text(32)
  taxCode?: string;
}

export const FUNDING_SOURCES: readonly FundingSource[] = ['local', 'national'];

/** The registration fields, shared by registration and resubmission. */
export class RegistrationFieldsDto {
  @ApiProperty({ example: 'Hỗ trợ ứng dụng máy cắt CNC' })
  @Text(500)
  title!: string;

  @ApiProperty({ example: 'machinery', description: 'Activity type code (reference data)' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'activityType must be an activity type code' })
  activityType!: string;

  @ApiProperty({ type: BeneficiaryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BeneficiaryDto)
  beneficiary!: BeneficiaryDto;

  @ApiProperty({ example: 250000000, description: 'Support requested, whole VND' })
  @IsVnd()
  requestedFundingVnd!: number;

  @ApiPropertyOptional({ example: 250000000, description: 'Funding the beneficiary commits (vốn đối ứng), whole VND; default 0' })
  @IsOptional()
  @IsVnd()
  counterpartFundingVnd?: number;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES, default: 'local' })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;

  @ApiProperty({ type: [IndicatorTargetDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorTargetDto)
  targets!: IndicatorTargetDto[];

  @ApiProperty({ example: '2024-03-01', format: 'date' })
  @IsBusinessDate()
  plannedStart!: string;

  @ApiProperty({ example: '2024-11-30', format: 'date' })
  @IsBusinessDate()
  plannedEnd!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(5000)
  description?: string;
}

export class RegisterProjectDto extends RegistrationFieldsDto {
  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  planYear!: number;

  @ApiProperty({ example: 'tan-phu', description: 'Registering unit code (reference data)' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'district must be a district code' })
  district!: string;
}
