import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_TYPE_BASE } from '../problem-details';

/** problem-details.ts `FieldError`, as the document shows it. */
export class FieldErrorResponse {
  @ApiProperty({
    example: 'beneficiary.name',
    description:
      'The input at fault as a client writes it (`targets[0].indicator`; a header by its name)',
  })
  field!: string;

  @ApiProperty({ example: 'beneficiary.name must not be blank' })
  message!: string;
}

/** problem-details.ts `ProblemDetails` (RFC 9457), the body of every error. */
export class ProblemDetailsResponse {
  @ApiProperty({
    format: 'uri',
    example: `${PROBLEM_TYPE_BASE}rule-broken`,
    description: `${PROBLEM_TYPE_BASE} and a slug naming the kind of problem; identifies, need not resolve`,
  })
  type!: string;

  @ApiProperty({ example: 'Business rule broken' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 422 })
  status!: number;

  @ApiProperty({ example: 'approvedFundingVnd 999000000 is above the appraised 180000000' })
  detail!: string;

  @ApiPropertyOptional({
    example: '/api/v1/projects/1d05c64c-f8a7-586f-97b0-03fa6217cfab/approval',
    description: 'The request path (without its query)',
  })
  instance?: string;

  @ApiPropertyOptional({
    pattern: '^[a-z][a-z0-9_]*$',
    example: 'approval_above_appraisal',
    description: 'Stable snake_case code narrowing `type`: switch on it',
  })
  code?: string;

  @ApiPropertyOptional({
    type: () => FieldErrorResponse,
    isArray: true,
    description: 'The inputs at fault, when input is',
  })
  errors?: FieldErrorResponse[];
}
