import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { DateField, PatternField, TextField, WholeField } from '../../http/dto-fields';

const KNOWN =
  'rural_industrial_production_value_vnd (VND), export_value_usd (USD), rural_industrial_establishments';

/** A statistic about the sector the programme works in, for one year (never derived from projects). */
export class ContextIndicatorDto {
  @WholeField(1900, 2999, {
    example: 2022,
    description: 'A year of the programme, or the year before it (baseline)',
  })
  year!: number;

  @PatternField(/^[a-z][a-z0-9_]{0,63}$/, 'code must be lower-case letters, digits and _', {
    example: 'rural_industrial_production_value_vnd',
    description: `Known codes: ${KNOWN}; any other lower-case code with its unit`,
  })
  code!: string;

  @WholeField(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, {
    example: 73396000000000,
    description: 'A whole number in the unit (VND, USD, a count)',
  })
  value!: number;

  @WholeField(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, {
    example: 900000000,
    required: false,
  })
  target?: number;

  @TextField(50, {
    example: 'VND',
    description: 'Required for a code that is not a known one',
    required: false,
  })
  unit?: string;

  @DateField({
    example: '2023-06-30',
    description: 'The date the value describes',
    required: false,
  })
  asOf?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'An estimate (ước tính), not a final figure',
  })
  @IsOptional()
  @IsBoolean()
  estimated?: boolean;

  @TextField(1000, { example: 'Cục Thống kê tỉnh Đồng Nai', required: false })
  note?: string;
}
