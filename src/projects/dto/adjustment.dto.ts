import { DateField, ListField, TextField, VndField } from '../../http/dto-fields';
import { IndicatorTargetDto } from './shared.dto';

export class AdjustmentDto {
  @TextField(100, { example: '88/QĐ-SCT' })
  decisionNo!: string;

  @TextField(2000, { example: 'Điều chỉnh tiến độ do chậm giao máy' })
  reason!: string;

  @VndField({ example: 260000000, required: false })
  approvedFundingVnd?: number;

  @DateField({ example: '2024-12-20', required: false })
  plannedEnd?: string;

  @ListField(IndicatorTargetDto, 50, { required: false })
  targets?: IndicatorTargetDto[];
}
