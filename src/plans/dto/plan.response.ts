import { ApiProperty } from '@nestjs/swagger';
import { OfferedActionDto } from '../../projects/dto/project-actions.response';
import { PLAN_ACTION_PATHS, type PlanActionName } from '../domain/plan.actions';
import {
  BusinessDate,
  Choice,
  Instant,
  Nested,
  Strings,
  Text,
  Whole,
} from '../../http/openapi/response-fields';

export const PLAN_STATUSES = ['open', 'compiled', 'approved'] as const;

/** plan.state.ts `PlanDistrictView`: one unit's registration for the year. */
export class PlanRegistrationResponse {
  @Text({ example: 'xuan-loc', description: 'The registering unit, by the key it registers under' })
  district!: string;

  @Text({ example: '26425', description: "That unit's official code" })
  unit!: string;

  @Choice(['submitted', 'late', 'missing'])
  status!: string;

  @BusinessDate({ required: false, description: 'The last submission; absent while missing' })
  submittedOn?: string;

  @Whole({ minimum: 0 })
  submissions!: number;

  @Strings({ format: 'uuid' })
  projectIds!: string[];
}

/** read-models/plan-queries.ts `PlanDetails`: a year's plan with every unit's registration. */
export class PlanActionDto extends OfferedActionDto {
  @ApiProperty({ enum: Object.keys(PLAN_ACTION_PATHS), example: 'submit_registration' })
  readonly action!: PlanActionName;
}

export class PlanResponse {
  @Whole({ example: 2024 })
  year!: number;

  @Text({ example: 'DN-2021-2025' })
  programCode!: string;

  @Choice(PLAN_STATUSES)
  status!: string;

  @BusinessDate({ description: 'Registrations after this day are late' })
  registrationDeadline!: string;

  @BusinessDate({ required: false, description: 'Once compiled' })
  compiledOn?: string;

  @Text({ required: false, example: '1402/QĐ-UBND', description: 'Once approved' })
  decisionNo?: string;

  @BusinessDate({ required: false, description: 'Once approved' })
  decisionDate?: string;

  @Nested(() => PlanRegistrationResponse, {
    isArray: true,
    description: 'The units expected to register, then any other that did',
  })
  districts!: PlanRegistrationResponse[];

  @Strings({ format: 'uuid', description: 'Every project registered with the plan' })
  projectIds!: string[];

  @Strings({ description: 'Reminders already delivered about the plan' })
  sentReminderIds!: string[];

  @Whole({ minimum: 1, description: 'Send as If-Match with the next command' })
  version!: number;

  @Instant()
  updatedAt!: string;

  @ApiProperty({
    required: false,
    type: [PlanActionDto],
    description:
      "The actions the caller may take on the plan now, with their fields (one subject's read only, not the list)",
  })
  availableActions!: readonly PlanActionDto[];
}

export class PlanListResponse {
  @Nested(() => PlanResponse, { isArray: true })
  items!: PlanResponse[];

  @Whole({ minimum: 0 })
  total!: number;
}
