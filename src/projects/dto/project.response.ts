import { ApiProperty } from '@nestjs/swagger';
import {
  BusinessDate,
  Choice,
  Instant,
  Nested,
  Rate,
  Text,
  Whole,
  WholeVnd,
} from '../../http/openapi/response-fields';
import { PROJECT_STATUSES } from '../domain/project.types';
import { AvailableActionDto } from './project-actions.response';

/** Where a sealed beneficiary value stands in the personal-data vault (shown-beneficiary.ts). */
export class PersonalDataStatusResponse {
  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @Whole({ minimum: 1, description: "Version of the subject's data (a correction adds one)" })
  version!: number;

  @Choice(['present', 'erased', 'unavailable'], {
    description: '`erased`: the subject’s keys were destroyed at its request',
  })
  status!: string;
}

/** The beneficiary as reads show it; the name is a placeholder once erased. */
export class ShownBeneficiaryResponse {
  @Text({ example: 'Cơ sở dệt thổ cẩm Tân Phú' })
  name!: string;

  @Text({ required: false, example: 'Ấp 3, xã Phú Lập' })
  address?: string;

  @Text({ required: false, description: 'Mã số thuế / đăng ký kinh doanh' })
  taxCode?: string;

  @Nested(() => PersonalDataStatusResponse, {
    required: false,
    description: 'Present for a value kept in the vault; absent for one recorded in the log',
  })
  personalData?: PersonalDataStatusResponse;
}

export class TargetProgressResponse {
  @Text({ example: 'trainees' })
  indicator!: string;

  @Whole({ example: 40 })
  target!: number;

  @Whole({ example: 25 })
  achieved!: number;
}

/** project.money-rules.ts `AppliedNorm`: the support norm the funding was judged by. */
export class AppliedNormResponse {
  @Text({ example: 'TT-28-2018' })
  normSet!: string;

  @Text({ example: 'Thông tư 28/2018/TT-BTC ngày 28/03/2018 của Bộ Tài chính, Điều 8' })
  legalBasis!: string;

  @Text({ required: false, example: 'khoản 4' })
  clause?: string;

  @ApiProperty({ type: 'number', example: 50, description: 'Share of the total cost, in percent' })
  percent!: number;

  @WholeVnd({ example: 300000000, description: "The norm's absolute cap, whole VND" })
  maxVnd!: number;

  @WholeVnd({ description: 'The most the norm allows this project, whole VND' })
  capVnd!: number;
}

/** read-models/project-details.ts `ProjectDetails`, with the unit's official code. */
export class ProjectResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @Whole({ minimum: 1, description: 'Send as If-Match with the next command' })
  version!: number;

  @Choice(PROJECT_STATUSES)
  status!: string;

  @Whole({ example: 2024 })
  planYear!: number;

  @Text({ example: 'tan-phu', description: 'The registering unit, by the key it registered under' })
  district!: string;

  @Text({ example: '734', description: "That unit's official code" })
  unit!: string;

  @Text({ example: 'Hỗ trợ máy dệt cho cơ sở thổ cẩm' })
  title!: string;

  @Text({ example: 'machinery' })
  activityType!: string;

  @Text({ example: 'local' })
  fundingSource!: string;

  @Nested(() => ShownBeneficiaryResponse)
  beneficiary!: ShownBeneficiaryResponse;

  @Text({
    nullable: true,
    example: '26116',
    description: 'The commune-level unit where the beneficiary is (its code)',
  })
  beneficiaryUnit!: string | null;

  @Text({ nullable: true, example: 'Xã Tân Phú', description: "That unit's name in the plan year" })
  beneficiaryUnitName!: string | null;

  @WholeVnd()
  requestedFundingVnd!: number;

  @WholeVnd()
  counterpartFundingVnd!: number;

  @WholeVnd({ nullable: true })
  appraisedFundingVnd!: number | null;

  @WholeVnd({ nullable: true, description: 'As adjusted' })
  approvedFundingVnd!: number | null;

  @WholeVnd()
  advancesVnd!: number;

  @WholeVnd()
  paymentsVnd!: number;

  @WholeVnd()
  recoveredVnd!: number;

  @WholeVnd({
    required: false,
    nullable: true,
    description:
      "The most advances may total: the advance cap in force today (GET /reference/advance-cap) of the approved funding, rounded down; null before approval. One project's read only, not the list",
  })
  advanceCapVnd?: number | null;

  @WholeVnd({
    required: false,
    nullable: true,
    description:
      "The cap minus the advances so far, never below zero; null before approval. One project's read only, not the list",
  })
  advanceCapLeftVnd?: number | null;

  @WholeVnd({ description: 'Net disbursed: advances + payments − recoveries' })
  disbursedVnd!: number;

  @WholeVnd()
  settledVnd!: number;

  @WholeVnd({ description: 'For a cancelled project, what is still to be recovered' })
  amountToRecoverVnd!: number;

  @Rate({ nullable: true, description: 'Disbursed / approved; null before approval' })
  disbursementRate!: number | null;

  @Nested(() => TargetProgressResponse, { isArray: true })
  targets!: TargetProgressResponse[];

  @Rate({ nullable: true, description: 'Mean of achieved / target, each capped at 1' })
  progressRate!: number | null;

  @BusinessDate()
  plannedStart!: string;

  @BusinessDate()
  plannedEnd!: string;

  @Text({ nullable: true, example: '1234/QĐ-UBND' })
  approvalDecisionNo!: string | null;

  @Nested(() => AppliedNormResponse, { nullable: true })
  supportNorm!: AppliedNormResponse | null;

  @BusinessDate({ nullable: true })
  startedOn!: string | null;

  @BusinessDate({ nullable: true })
  acceptedOn!: string | null;

  @BusinessDate({ nullable: true })
  settledOn!: string | null;

  @Text({ nullable: true })
  cancellationReason!: string | null;

  @Text({ nullable: true })
  rejectionReason!: string | null;

  @Instant({ description: 'When the read model last changed the project' })
  updatedAt!: string;

  @ApiProperty({
    required: false,
    type: [AvailableActionDto],
    description:
      "The actions the caller may take now, with their fields and limits (one subject's read only, not the list)",
  })
  availableActions!: readonly AvailableActionDto[];
}

export class ProjectListResponse {
  @Nested(() => ProjectResponse, { isArray: true })
  items!: ProjectResponse[];

  @Whole({ minimum: 0, description: 'Projects matching, over all pages' })
  total!: number;
}
