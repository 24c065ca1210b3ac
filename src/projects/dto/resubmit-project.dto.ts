import { PartialType } from '@nestjs/swagger';
import { RegistrationFieldsDto } from './register-project.dto';

/** Any registration fields that change; the rest stay as registered. */
export class ResubmitProjectDto extends PartialType(RegistrationFieldsDto) {}
