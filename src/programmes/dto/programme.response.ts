import {
  BusinessDate,
  Flag,
  Instant,
  Nested,
  Text,
  Whole,
  WholeVnd,
} from '../../http/openapi/response-fields';

export class ProgrammeBudgetResponse {
  @Whole({ example: 2022 })
  year!: number;

  @WholeVnd({ example: 6000000000 })
  amountVnd!: number;
}

export class ProgrammeTargetResponse {
  @Text({ example: 'trainees' })
  indicator!: string;

  @Whole({ example: 500 })
  target!: number;
}

/** programme.types.ts `ContextIndicator`: a statistic of the sector for one year. */
export class ContextIndicatorResponse {
  @Whole({ example: 2022 })
  year!: number;

  @Text({ example: 'rural_industrial_production_value_vnd' })
  code!: string;

  @Whole({ example: 73396000000000, description: 'A whole number in `unit`' })
  value!: number;

  @Whole({ required: false })
  target?: number;

  @Text({ example: 'VND' })
  unit!: string;

  @BusinessDate({ required: false, description: 'The date the value describes' })
  asOf?: string;

  @Flag({ description: 'An estimate (ước tính), not a final figure' })
  estimated!: boolean;

  @Text({ required: false })
  note?: string;
}

/** read-models/programme-queries.ts `ProgrammeDetails`. */
export class ProgrammeResponse {
  @Text({ example: 'DN-2021-2025' })
  code!: string;

  @Text({ example: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021-2025' })
  name!: string;

  @Whole({ example: 2021 })
  fromYear!: number;

  @Whole({ example: 2025 })
  toYear!: number;

  @Text({ required: false, example: '558/QĐ-UBND' })
  decisionNo?: string;

  @BusinessDate({ required: false })
  decisionDate?: string;

  @Nested(() => ProgrammeBudgetResponse, {
    isArray: true,
    description: 'One per year with a budget, as changed by decisions',
  })
  budgets!: ProgrammeBudgetResponse[];

  @WholeVnd({ description: 'The sum of the budgets' })
  totalBudgetVnd!: number;

  @Nested(() => ProgrammeTargetResponse, { isArray: true })
  targets!: ProgrammeTargetResponse[];

  @Nested(() => ContextIndicatorResponse, {
    isArray: true,
    description: 'The latest value per year and code',
  })
  contextIndicators!: ContextIndicatorResponse[];

  @Whole({ minimum: 1 })
  version!: number;

  @Instant()
  updatedAt!: string;
}

export class ProgrammeListResponse {
  @Nested(() => ProgrammeResponse, { isArray: true })
  items!: ProgrammeResponse[];

  @Whole({ minimum: 0 })
  total!: number;
}
