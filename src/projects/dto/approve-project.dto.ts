import { DateField, TextField, VndField } from '../../http/dto-fields';

export class ApproveProjectDto {
  @TextField(100, { example: '1234/QĐ-UBND' })
  decisionNo!: string;

  @DateField({ example: '2024-04-10' })
  decisionDate!: string;

  @VndField({ example: 240000000 })
  approvedFundingVnd!: number;
}
