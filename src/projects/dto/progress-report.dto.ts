import { ApiProperty } from '@nestjs/swagger';
import { DateField, ListField } from '../../http/dto-fields';
import { IsPeriod } from '../../http/validators';
import { IndicatorValueDto } from './shared.dto';

export class ProgressReportDto {
  @ApiProperty({ example: '2024-05', description: 'The month reported on, YYYY-MM' })
  @IsPeriod()
  period!: string;

  @DateField({ example: '2024-05-24' })
  reportedOn!: string;

  @ListField(IndicatorValueDto, 50)
  achievements!: IndicatorValueDto[];
}
