import { ApiProperty } from '@nestjs/swagger';
import { Text } from './shared.dto';

/** Rejection and cancellation: a reason is all they take. */
export class ReasonDto {
  @ApiProperty({ example: 'Chưa có cơ sở pháp lý và đối tượng đủ điều kiện' })
  @Text(2000)
  reason!: string;
}
