import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { IndicatorTargetDto, Text } from '../../projects/dto/shared.dto';

/** The programme's whole set of indicator targets, replaced by a decision. */
export class ProgrammeTargetsDto {
  @ApiProperty({ type: [IndicatorTargetDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorTargetDto)
  targets!: IndicatorTargetDto[];

  @ApiProperty({ example: '2345/QĐ-UBND' })
  @Text(100)
  decisionNo!: string;

  @ApiProperty({ example: 'Sửa đổi, bổ sung Quyết định 558/QĐ-UBND' })
  @Text(2000)
  reason!: string;
}
