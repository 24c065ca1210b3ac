import { CodeField, WholeField } from '../../http/dto-fields';

export class IndicatorTargetDto {
  @CodeField('an indicator', {
    example: 'trainees',
    description: 'Indicator code (reference data)',
  })
  indicator!: string;

  @WholeField(1, Number.MAX_SAFE_INTEGER, { example: 30, description: 'Whole number to achieve' })
  target!: number;
}

export class IndicatorValueDto {
  @CodeField('an indicator', { example: 'trainees' })
  indicator!: string;

  @WholeField(0, Number.MAX_SAFE_INTEGER, {
    example: 12,
    description: 'Whole number achieved in the period',
  })
  value!: number;
}
