import { VndField, WholeField } from '../../http/dto-fields';

/** One year's budget of a programme. */
export class ProgrammeBudgetDto {
  @WholeField(1900, 2999, { example: 2021 })
  year!: number;

  @VndField({ example: 6500000000, description: 'Whole VND' })
  amountVnd!: number;
}
