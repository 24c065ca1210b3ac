import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, MaxLength, Max, Min } from 'class-validator';

/** Codes of reference data (districts, activity types, indicators): lower-case slugs. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class IndicatorTargetDto {
  @ApiProperty({ example: 'trainees', description: 'Indicator code (reference data)' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'indicator must be an indicator code' })
  indicator!: string;

  @ApiProperty({ example: 30, description: 'Whole number to achieve' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  target!: number;
}

export class IndicatorValueDto {
  @ApiProperty({ example: 'trainees' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'indicator must be an indicator code' })
  indicator!: string;

  @ApiProperty({ example: 12, description: 'Whole number achieved in the period' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;
}

/** Free text a person types: a decision number, notes, a reason. Never blank. */
export function Text(maxLength: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    IsNotEmpty()(target, key);
    Matches(/\S/, { message: `${String(key)} must not be blank` })(target, key);
    MaxLength(maxLength)(target, key);
  };
}
