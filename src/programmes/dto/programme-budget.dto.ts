import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsVnd } from '../../http/validators';

/** One year's budget of a programme. */
export class ProgrammeBudgetDto {
  @ApiProperty({ example: 2021 })
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  @ApiProperty({ example: 6500000000, description: 'Whole VND' })
  @IsVnd()
  amountVnd!: number;
}
