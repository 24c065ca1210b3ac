import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../http/validators';
import { Text } from '../../projects/dto/shared.dto';

export class ApprovePlanDto {
  @ApiProperty({ example: '1402/QĐ-UBND' })
  @Text(100)
  decisionNo!: string;

  @ApiProperty({
    example: '2021-06-15',
    format: 'date',
    description: 'Not before the plan was compiled',
  })
  @IsBusinessDate()
  decisionDate!: string;
}
