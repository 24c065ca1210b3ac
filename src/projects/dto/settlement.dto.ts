import { DateField, TextField, VndField } from '../../http/dto-fields';

export class SettlementDto {
  @VndField({ example: 240000000, description: 'Must equal the net disbursed amount' })
  settledAmountVnd!: number;

  @DateField({ example: '2024-12-15' })
  settledOn!: string;

  @TextField(100, { example: '15/QĐ-TTKC' })
  decisionNo!: string;
}
