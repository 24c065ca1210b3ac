import { DateField, PatternField, WholeField } from '../../http/dto-fields';
import { PROGRAMME_CODE_PATTERN } from '../../programmes/dto/create-programme.dto';

export class OpenPlanDto {
  @WholeField(1900, 2999, {
    example: 2022,
    description: 'The plan year; a year of the programme',
  })
  year!: number;

  @PatternField(PROGRAMME_CODE_PATTERN, 'programCode must be a programme code', {
    example: 'DN-2021-2025',
  })
  programCode!: string;

  @DateField({
    example: '2021-05-20',
    description: 'Districts registering after this day are late (the day itself is on time)',
  })
  registrationDeadline!: string;
}
