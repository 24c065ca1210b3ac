import { TextField } from '../../http/dto-fields';
import { ProgrammeBudgetDto } from './programme-budget.dto';

/** A year's budget changed by a decision (it replaces the year's amount; history keeps both). */
export class BudgetChangeDto extends ProgrammeBudgetDto {
  @TextField(100, { example: '1234/QĐ-UBND' })
  decisionNo!: string;

  @TextField(2000, { example: 'Điều chỉnh kinh phí do ảnh hưởng của dịch Covid-19' })
  reason!: string;
}
