import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../http/validators';
import { Text } from './shared.dto';

export class AcceptanceDto {
  @ApiProperty({ example: '2024-11-28', format: 'date' })
  @IsBusinessDate()
  acceptedOn!: string;

  @ApiProperty({ example: 'Nghiệm thu đạt yêu cầu' })
  @Text(5000)
  notes!: string;
}
