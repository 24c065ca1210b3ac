import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../http/validators';

export class ScanRemindersDto {
  @ApiProperty({
    example: '2024-06-26',
    format: 'date',
    description: 'Run the rules as of this business date (Asia/Ho_Chi_Minh).',
  })
  @IsBusinessDate()
  asOf!: string;
}
