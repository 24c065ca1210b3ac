import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsBusinessDate } from '../../http/validators';
import { Text } from '../../projects/dto/shared.dto';

const KNOWN =
  'rural_industrial_production_value_vnd (VND), export_value_usd (USD), rural_industrial_establishments';

/** A statistic about the sector the programme works in, for one year (never derived from projects). */
export class ContextIndicatorDto {
  @ApiProperty({
    example: 2022,
    description: 'A year of the programme, or the year before it (baseline)',
  })
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  @ApiProperty({
    example: 'rural_industrial_production_value_vnd',
    description: `Known codes: ${KNOWN}; any other lower-case code with its unit`,
  })
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'code must be lower-case letters, digits and _' })
  code!: string;

  @ApiProperty({
    example: 73396000000000,
    description: 'A whole number in the unit (VND, USD, a count)',
  })
  @IsInt()
  @Min(Number.MIN_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;

  @ApiPropertyOptional({ example: 900000000 })
  @IsOptional()
  @IsInt()
  @Min(Number.MIN_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  target?: number;

  @ApiPropertyOptional({
    example: 'VND',
    description: 'Required for a code that is not a known one',
  })
  @IsOptional()
  @Text(50)
  unit?: string;

  @ApiPropertyOptional({
    example: '2023-06-30',
    format: 'date',
    description: 'The date the value describes',
  })
  @IsOptional()
  @IsBusinessDate()
  asOf?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'An estimate (ước tính), not a final figure',
  })
  @IsOptional()
  @IsBoolean()
  estimated?: boolean;

  @ApiPropertyOptional({ example: 'Cục Thống kê tỉnh Đồng Nai' })
  @IsOptional()
  @Text(1000)
  note?: string;
}
