import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsVnd } from '../../http/validators';
import type { AppraisalOutcome } from '../domain/project.types';
import { Text } from './shared.dto';

const OUTCOMES: readonly AppraisalOutcome[] = ['passed', 'revision_requested', 'rejected'];

export class AppraisalResultDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: AppraisalOutcome;

  @ApiProperty({ example: 'Hội đồng thẩm định thống nhất' })
  @Text(5000)
  notes!: string;

  @ApiPropertyOptional({ example: 240000000, description: 'Required when passed; whole VND' })
  @IsOptional()
  @IsVnd()
  appraisedFundingVnd?: number;
}
