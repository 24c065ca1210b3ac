import { ApiProperty } from '@nestjs/swagger';
import {
  BusinessDate,
  Choice,
  Flag,
  Nested,
  Position,
  Rate,
  Text,
  Whole,
  WholeVnd,
} from '../../http/openapi/response-fields';
import { ContextIndicatorResponse } from '../../programmes/dto/programme.response';
import { PLAN_STATUSES } from '../../plans/dto/plan.response';

/** disbursement-report.ts `DisbursementRow`. */
export class DisbursementRowResponse {
  @Text({ example: '2024', description: 'The group: a year, a unit, an activity type…' })
  key!: string;

  @Text({
    required: false,
    example: '734',
    description: "groupBy=unit or district: the unit's official code",
  })
  unit?: string;

  @Whole({ minimum: 0 })
  projects!: number;

  @WholeVnd()
  approvedVnd!: number;

  @WholeVnd({ description: 'Net disbursed' })
  disbursedVnd!: number;

  @WholeVnd()
  settledVnd!: number;

  @Rate({ nullable: true, description: 'Disbursed / approved; null with nothing approved' })
  rate!: number | null;

  @Flag({
    required: false,
    description: "groupBy=unit&rollUp=true: a former unit's figures under its one successor",
  })
  rolledUp?: boolean;

  @Flag({
    required: false,
    description: 'groupBy=unit&rollUp=true: a former unit split among several, shown as it was',
  })
  split?: boolean;
}

export class DisbursementReportResponse {
  @Nested(() => DisbursementRowResponse, { isArray: true })
  rows!: DisbursementRowResponse[];

  @Nested(() => DisbursementRowResponse, { description: 'Every row summed (key `total`)' })
  total!: DisbursementRowResponse;
}

/** progress-report.ts `ProgressRow`. */
export class ProgressRowResponse {
  @Text({ example: 'trainees', description: 'The group: an indicator, a unit or a year' })
  key!: string;

  @Text({
    required: false,
    example: '734',
    description: "groupBy=unit or district: the unit's official code",
  })
  unit?: string;

  @Text({ example: 'trainees' })
  indicator!: string;

  @Whole({ minimum: 0 })
  target!: number;

  @Whole({ minimum: 0 })
  achieved!: number;

  @Rate({ nullable: true, description: 'Achieved / target; null without a target' })
  rate!: number | null;
}

export class ProgressReportResponse {
  @Nested(() => ProgressRowResponse, { isArray: true })
  rows!: ProgressRowResponse[];
}

/** plan-status-report.ts `PlanStatusRow`, with the unit's official code. */
export class PlanStatusRowResponse {
  @Whole({ example: 2024 })
  year!: number;

  @Text({ example: 'DN-2021-2025' })
  programCode!: string;

  @Choice(PLAN_STATUSES)
  planStatus!: string;

  @BusinessDate()
  registrationDeadline!: string;

  @Text({ example: 'xuan-loc', description: 'The registering unit, by its recorded key' })
  district!: string;

  @Text({ example: '26425', description: "That unit's official code" })
  unit!: string;

  @Choice(['submitted', 'late', 'missing'])
  status!: string;

  @BusinessDate({ nullable: true })
  submittedOn!: string | null;

  @Whole({ minimum: 0 })
  submissions!: number;

  @Whole({ minimum: 0 })
  projects!: number;
}

export class PlanStatusReportResponse {
  @Nested(() => PlanStatusRowResponse, { isArray: true })
  rows!: PlanStatusRowResponse[];
}

/** programme-review.ts `ReviewYear`. */
export class ReviewYearResponse {
  @Whole()
  year!: number;

  @WholeVnd()
  budgetVnd!: number;

  @WholeVnd()
  approvedVnd!: number;

  @WholeVnd()
  disbursedVnd!: number;

  @Rate({ nullable: true, description: 'Disbursed / budget; null without a budget' })
  rate!: number | null;
}

/** programme-review.ts `ReviewIndicator`. */
export class ReviewIndicatorResponse {
  @Text({ example: 'trainees' })
  indicator!: string;

  @Text()
  name!: string;

  @Text({ example: 'học viên' })
  unit!: string;

  @Whole({ nullable: true, description: "The programme's target; null for one achieved without" })
  target!: number | null;

  @Whole({ minimum: 0 })
  achieved!: number;

  @Rate({ nullable: true })
  rate!: number | null;
}

/** programme-review.ts `CancelledLine`. */
export class CancelledLineResponse {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @Whole()
  planYear!: number;

  @Text()
  district!: string;

  @Text()
  activityType!: string;

  @Text()
  activityName!: string;

  @Text()
  title!: string;

  @Text()
  fundingSource!: string;

  @Text()
  reason!: string;

  @BusinessDate({ nullable: true })
  cancelledOn!: string | null;

  @WholeVnd()
  amountToRecoverVnd!: number;
}

/** programme-review.ts `ProgrammeReview`. */
export class ProgrammeReviewResponse {
  @Text({ example: 'DN-2021-2025' })
  code!: string;

  @Text()
  name!: string;

  @Text({ nullable: true })
  decisionNo!: string | null;

  @BusinessDate({ nullable: true })
  decisionDate!: string | null;

  @Whole()
  programmeFromYear!: number;

  @Whole()
  programmeToYear!: number;

  @Whole({ description: 'First year reviewed' })
  from!: number;

  @Whole({ description: 'Last year reviewed' })
  to!: number;

  @WholeVnd({ description: "The programme's budgets for the years reviewed, summed" })
  budgetVnd!: number;

  @WholeVnd({ description: 'Net disbursed of the projects of those plan years' })
  disbursedVnd!: number;

  @Rate({ nullable: true })
  rate!: number | null;

  @Whole({ description: 'Budget − disbursed (negative if more went out than was budgeted)' })
  shortfallVnd!: number;

  @WholeVnd({ description: 'Approved funding of live projects' })
  approvedVnd!: number;

  @WholeVnd()
  settledVnd!: number;

  @Nested(() => ReviewYearResponse, { isArray: true })
  years!: ReviewYearResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { in_execution: 3, settled: 12 },
    description: 'Projects by status',
  })
  projectsByStatus!: Record<string, number>;

  @Nested(() => ReviewIndicatorResponse, { isArray: true })
  indicators!: ReviewIndicatorResponse[];

  @Nested(() => CancelledLineResponse, { isArray: true })
  cancelledLines!: CancelledLineResponse[];

  @Nested(() => ContextIndicatorResponse, { isArray: true })
  contextIndicators!: ContextIndicatorResponse[];

  @Position({ description: 'The log position the review describes the log up to' })
  asOfPosition!: string;
}
