import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsBusinessDate } from '../../http/validators';
import type { InspectionOutcome } from '../domain/project.types';
import { Text } from './shared.dto';

const OUTCOMES: readonly InspectionOutcome[] = ['satisfactory', 'issues_found'];

export class InspectionDto {
  @ApiProperty({ example: '2024-07-03', format: 'date' })
  @IsBusinessDate()
  inspectedOn!: string;

  @ApiProperty({ example: 'Máy đã lắp đặt, vận hành ổn định' })
  @Text(5000)
  findings!: string;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: InspectionOutcome;
}
