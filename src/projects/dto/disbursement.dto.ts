import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsBusinessDate, IsVnd } from '../../http/validators';
import type { DisbursementKind } from '../domain/project.types';
import { Text } from './shared.dto';

const KINDS: readonly DisbursementKind[] = ['advance', 'payment', 'recovery'];

export class DisbursementDto {
  @ApiProperty({ example: 100000000, description: 'Whole VND, more than 0' })
  @IsVnd()
  amountVnd!: number;

  @ApiProperty({ enum: KINDS, description: 'advance (tạm ứng) before acceptance, payment (thanh toán) after, recovery (thu hồi) of money returned' })
  @IsIn(KINDS)
  kind!: DisbursementKind;

  @ApiProperty({ example: '2024-05-02', format: 'date' })
  @IsBusinessDate()
  paidOn!: string;

  @ApiProperty({ example: 'UNC-2024-0153' })
  @Text(100)
  voucherNo!: string;
}
