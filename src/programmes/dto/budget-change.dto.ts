import { ApiProperty } from '@nestjs/swagger';
import { Text } from '../../projects/dto/shared.dto';
import { ProgrammeBudgetDto } from './programme-budget.dto';

/** A year's budget changed by a decision (it replaces the year's amount; history keeps both). */
export class BudgetChangeDto extends ProgrammeBudgetDto {
  @ApiProperty({ example: '1234/QĐ-UBND' })
  @Text(100)
  decisionNo!: string;

  @ApiProperty({ example: 'Điều chỉnh kinh phí do ảnh hưởng của dịch Covid-19' })
  @Text(2000)
  reason!: string;
}
