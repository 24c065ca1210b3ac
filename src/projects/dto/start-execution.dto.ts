import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../http/validators';

export class StartExecutionDto {
  @ApiProperty({ example: '2024-04-15', format: 'date' })
  @IsBusinessDate()
  startedOn!: string;
}
