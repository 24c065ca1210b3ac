import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { IsBusinessDate, IsVnd } from '../../http/validators';
import { IndicatorTargetDto, Text } from './shared.dto';

export class AdjustmentDto {
  @ApiProperty({ example: '88/QĐ-SCT' })
  @Text(100)
  decisionNo!: string;

  @ApiProperty({ example: 'Điều chỉnh tiến độ do chậm giao máy' })
  @Text(2000)
  reason!: string;

  @ApiPropertyOptional({ example: 260000000 })
  @IsOptional()
  @IsVnd()
  approvedFundingVnd?: number;

  @ApiPropertyOptional({ example: '2024-12-20', format: 'date' })
  @IsOptional()
  @IsBusinessDate()
  plannedEnd?: string;

  @ApiPropertyOptional({ type: [IndicatorTargetDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorTargetDto)
  targets?: IndicatorTargetDto[];
}
