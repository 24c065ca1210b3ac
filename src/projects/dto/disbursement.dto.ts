import { ChoiceField, DateField, TextField, VndField } from '../../http/dto-fields';
import type { DisbursementKind } from '../domain/project.types';

const KINDS: readonly DisbursementKind[] = ['advance', 'payment', 'recovery'];

export class DisbursementDto {
  @VndField({ example: 100000000, description: 'Whole VND, more than 0' })
  amountVnd!: number;

  @ChoiceField(KINDS, {
    description:
      'advance (tạm ứng) before acceptance, payment (thanh toán) after, recovery (thu hồi) of money returned',
  })
  kind!: DisbursementKind;

  @DateField({ example: '2024-05-02' })
  paidOn!: string;

  @TextField(100, { example: 'UNC-2024-0153' })
  voucherNo!: string;
}
