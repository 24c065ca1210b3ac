import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate, IsVnd } from '../../http/validators';
import { Text } from './shared.dto';

export class SettlementDto {
  @ApiProperty({ example: 240000000, description: 'Must equal the net disbursed amount' })
  @IsVnd()
  settledAmountVnd!: number;

  @ApiProperty({ example: '2024-12-15', format: 'date' })
  @IsBusinessDate()
  settledOn!: string;

  @ApiProperty({ example: '15/QĐ-TTKC' })
  @Text(100)
  decisionNo!: string;
}
