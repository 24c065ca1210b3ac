import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { IsBusinessDate } from '../../http/validators';
import { PROGRAMME_CODE_PATTERN } from '../../programmes/dto/create-programme.dto';

export class OpenPlanDto {
  @ApiProperty({ example: 2022, description: 'The plan year; a year of the programme' })
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;

  @ApiProperty({ example: 'DN-2021-2025' })
  @Matches(PROGRAMME_CODE_PATTERN, { message: 'programCode must be a programme code' })
  programCode!: string;

  @ApiProperty({
    example: '2021-05-20',
    format: 'date',
    description: 'Districts registering after this day are late (the day itself is on time)',
  })
  @IsBusinessDate()
  registrationDeadline!: string;
}
