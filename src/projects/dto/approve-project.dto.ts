import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate, IsVnd } from '../../http/validators';
import { Text } from './shared.dto';

export class ApproveProjectDto {
  @ApiProperty({ example: '1234/QĐ-UBND' })
  @Text(100)
  decisionNo!: string;

  @ApiProperty({ example: '2024-04-10', format: 'date' })
  @IsBusinessDate()
  decisionDate!: string;

  @ApiProperty({ example: 240000000 })
  @IsVnd()
  approvedFundingVnd!: number;
}
