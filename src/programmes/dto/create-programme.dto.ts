import { DateField, ListField, PatternField, TextField, WholeField } from '../../http/dto-fields';
import { IndicatorTargetDto } from '../../projects/dto/shared.dto';
import { ProgrammeBudgetDto } from './programme-budget.dto';

/** A programme code becomes part of a stream id and of URLs. */
export const PROGRAMME_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class CreateProgrammeDto {
  @PatternField(PROGRAMME_CODE_PATTERN, 'code must be 1–64 letters, digits, - or _', {
    example: 'DN-2021-2025',
    description: '1–64 letters, digits, - or _',
  })
  code!: string;

  @TextField(500, { example: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021–2025' })
  name!: string;

  @WholeField(1900, 2999, { example: 2021 })
  fromYear!: number;

  @WholeField(1900, 2999, { example: 2025 })
  toYear!: number;

  @ListField(ProgrammeBudgetDto, 100, { description: 'At most one budget per year' })
  budgets!: ProgrammeBudgetDto[];

  @ListField(IndicatorTargetDto, 50)
  targets!: IndicatorTargetDto[];

  @TextField(100, { example: '558/QĐ-UBND', required: false })
  decisionNo?: string;

  @DateField({ example: '2021-02-08', required: false })
  decisionDate?: string;
}
