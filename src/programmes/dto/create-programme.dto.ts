import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsBusinessDate } from '../../http/validators';
import { IndicatorTargetDto, Text } from '../../projects/dto/shared.dto';
import { ProgrammeBudgetDto } from './programme-budget.dto';

/** A programme code becomes part of a stream id and of URLs. */
export const PROGRAMME_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class CreateProgrammeDto {
  @ApiProperty({ example: 'DN-2021-2025', description: '1–64 letters, digits, - or _' })
  @Matches(PROGRAMME_CODE_PATTERN, { message: 'code must be 1–64 letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021–2025' })
  @Text(500)
  name!: string;

  @ApiProperty({ example: 2021 })
  @IsInt()
  @Min(1900)
  @Max(2999)
  fromYear!: number;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1900)
  @Max(2999)
  toYear!: number;

  @ApiProperty({ type: [ProgrammeBudgetDto], description: 'At most one budget per year' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProgrammeBudgetDto)
  budgets!: ProgrammeBudgetDto[];

  @ApiProperty({ type: [IndicatorTargetDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorTargetDto)
  targets!: IndicatorTargetDto[];

  @ApiPropertyOptional({ example: '558/QĐ-UBND' })
  @IsOptional()
  @Text(100)
  decisionNo?: string;

  @ApiPropertyOptional({ example: '2021-02-08', format: 'date' })
  @IsOptional()
  @IsBusinessDate()
  decisionDate?: string;
}
