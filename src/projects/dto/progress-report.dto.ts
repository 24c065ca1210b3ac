import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { IsBusinessDate, IsPeriod } from '../../http/validators';
import { IndicatorValueDto } from './shared.dto';

export class ProgressReportDto {
  @ApiProperty({ example: '2024-05', description: 'The month reported on, YYYY-MM' })
  @IsPeriod()
  period!: string;

  @ApiProperty({ example: '2024-05-24', format: 'date' })
  @IsBusinessDate()
  reportedOn!: string;

  @ApiProperty({ type: [IndicatorValueDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  achievements!: IndicatorValueDto[];
}
