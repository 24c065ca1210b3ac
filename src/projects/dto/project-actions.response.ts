import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ActionChoice,
  ActionField,
  ActionFieldType,
  AvailableAction,
  ProjectActionName,
} from '../domain/project.actions';
import { ACTION_PATHS } from '../domain/project.actions';

/** The OpenAPI shape of `availableActions` (src/projects/domain/project.actions.ts). */

const FIELD_TYPES: readonly ActionFieldType[] = [
  'vnd',
  'text',
  'date',
  'period',
  'choice',
  'integer',
  'achievements',
  'boolean',
];

export class ActionChoiceDto implements ActionChoice {
  @ApiProperty({ example: 'satisfactory' })
  readonly value!: string;

  @ApiProperty({ example: 'Đạt yêu cầu' })
  readonly label!: string;
}

export class ActionFieldDto implements ActionField {
  @ApiProperty({ example: 'appraisedFundingVnd', description: 'The body field to send' })
  readonly name!: string;

  @ApiProperty({ enum: FIELD_TYPES, example: 'vnd' })
  readonly type!: ActionFieldType;

  @ApiProperty({ example: true })
  readonly required!: boolean;

  @ApiProperty({ example: 'Kinh phí thẩm định (đồng)' })
  readonly label!: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    description:
      'The least allowed: a number (vnd, integer), a date YYYY-MM-DD or a period YYYY-MM',
    example: 1,
  })
  readonly min?: number | string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    description: 'The most allowed, as the server knows it today',
    example: 200000000,
  })
  readonly max?: number | string;

  @ApiPropertyOptional({ example: 5000 })
  readonly maxLength?: number;

  @ApiPropertyOptional({
    type: [ActionChoiceDto],
    description: 'The values of a choice, or the indicators of achievements',
  })
  readonly choices?: readonly ActionChoiceDto[];

  @ApiPropertyOptional({
    example: true,
    description: 'A choice of several values at once, sent as a list',
  })
  readonly multiple?: boolean;
}

/** What every offered action says besides its name (projects and plans alike). */
export abstract class OfferedActionDto {
  @ApiProperty({ example: 'Thông qua thẩm định' })
  readonly label!: string;

  @ApiProperty({ enum: ['POST'], example: 'POST' })
  readonly method!: 'POST';

  @ApiProperty({
    example: '/projects/0b6f3c2e-8d1a-4f5e-9c7b-2a4d6e8f0a1b/appraisal/result',
    description: 'Under /api/v1; post with If-Match and an Idempotency-Key',
  })
  readonly path!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { outcome: 'passed' },
    description: 'Fixed fields the client adds to the body itself',
  })
  readonly body?: Readonly<Record<string, unknown>>;

  @ApiProperty({ type: [ActionFieldDto] })
  readonly fields!: readonly ActionFieldDto[];
}

export class AvailableActionDto extends OfferedActionDto implements AvailableAction {
  @ApiProperty({ enum: Object.keys(ACTION_PATHS), example: 'pass_appraisal' })
  readonly action!: ProjectActionName;
}

export class ProjectActionsResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 3, description: 'The version the actions were computed from (If-Match)' })
  readonly version!: number;

  @ApiProperty({ type: [AvailableActionDto] })
  readonly items!: readonly AvailableActionDto[];
}
