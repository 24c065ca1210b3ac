import { ApiProperty } from '@nestjs/swagger';
import type { CommandResponse } from '../../kernel/command-meta';
import { Position } from './response-fields';

/** kernel/command-meta.ts `CommandResponse`: what every command answers. */
export class CommandResponseBody implements CommandResponse {
  @ApiProperty({
    example: '1d05c64c-f8a7-586f-97b0-03fa6217cfab',
    description:
      'The subject: a project id, a programme code, a plan year, a province (reference data)',
  })
  id!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 3,
    description: "The subject's version after the command: send it as If-Match next",
  })
  version!: number;

  @ApiProperty({ example: 'under_appraisal', description: "The subject's status after it" })
  status!: string;

  @Position({ description: 'Log position of the last event appended: pass it as minPosition' })
  position!: string;
}
