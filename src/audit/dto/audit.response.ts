import { ApiProperty } from '@nestjs/swagger';
import {
  AnyObject,
  BusinessDate,
  Choice,
  Instant,
  Nested,
  Position,
  Rate,
  Strings,
  Text,
  Whole,
  WholeVnd,
} from '../../http/openapi/response-fields';
import { PROJECT_STATUSES } from '../../projects/domain/project.types';
import {
  AppliedNormResponse,
  ShownBeneficiaryResponse,
  TargetProgressResponse,
} from '../../projects/dto/project.response';

/** Who recorded an event, as its metadata keeps it. */
export class RecordedActorResponse {
  @Text({ example: 'center-officer-1' })
  sub!: string;

  @Text({ example: 'Trần Thị Trung Tâm' })
  name!: string;

  @Text({ example: 'center_officer', description: 'The role it acted in' })
  role!: string;
}

/** project-audit.service.ts `HistoryEntry`: one event as recorded, with its hash chain. */
export class HistoryEntryResponse {
  @Whole({ minimum: 1 })
  version!: number;

  @Position()
  position!: string;

  @Text({ example: 'ProjectApproved' })
  type!: string;

  @Whole({ minimum: 1 })
  schemaVersion!: number;

  @AnyObject({ description: "The event's data as recorded (personal data sealed)" })
  data!: Record<string, unknown>;

  @BusinessDate({ description: 'The business date the event happened on' })
  occurredOn!: string;

  @Instant()
  recordedAt!: string;

  @Nested(() => RecordedActorResponse)
  actor!: RecordedActorResponse;

  @ApiProperty({ format: 'uuid' })
  commandId!: string;

  @Text({ required: false, description: 'The request id of the command' })
  correlationId?: string;

  @Text({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the event and prevHash' })
  hash!: string;

  @Text({ pattern: '^[0-9a-f]{64}$' })
  prevHash!: string;

  @Nested(() => ShownBeneficiaryResponse, {
    required: false,
    description: 'The beneficiary the event carries, unsealed (or erased)',
  })
  beneficiary?: ShownBeneficiaryResponse;
}

export class ProjectHistoryResponse {
  @Nested(() => HistoryEntryResponse, { isArray: true })
  events!: HistoryEntryResponse[];
}

/** domain/project.view.ts `ProjectView`: the project as it stood at the replay point. */
export class ProjectViewResponse {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @Choice(PROJECT_STATUSES)
  status!: string;

  @Whole()
  planYear!: number;

  @Text()
  district!: string;

  @Text({
    nullable: true,
    description: 'The commune-level unit where the beneficiary is (its code)',
  })
  beneficiaryUnit!: string | null;

  @Text({ nullable: true, description: "That unit's name in the plan year" })
  beneficiaryUnitName!: string | null;

  @Text()
  title!: string;

  @Text()
  activityType!: string;

  @Text()
  fundingSource!: string;

  @Nested(() => ShownBeneficiaryResponse)
  beneficiary!: ShownBeneficiaryResponse;

  @WholeVnd()
  requestedFundingVnd!: number;

  @WholeVnd()
  counterpartFundingVnd!: number;

  @WholeVnd({ nullable: true })
  appraisedFundingVnd!: number | null;

  @WholeVnd({ nullable: true })
  approvedFundingVnd!: number | null;

  @WholeVnd()
  advancesVnd!: number;

  @WholeVnd()
  paymentsVnd!: number;

  @WholeVnd()
  recoveredVnd!: number;

  @WholeVnd({ description: 'Advances + payments − recoveries' })
  netDisbursedVnd!: number;

  @Rate({ nullable: true })
  disbursementRate!: number | null;

  @WholeVnd()
  settledVnd!: number;

  @WholeVnd()
  amountToRecoverVnd!: number;

  @Nested(() => TargetProgressResponse, { isArray: true })
  targets!: TargetProgressResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { trainees: 25 },
    description: 'Achieved totals for every indicator reported, targeted or not',
  })
  achieved!: Record<string, number>;

  @Strings({ example: ['2024-06'], description: 'Months reported (YYYY-MM)' })
  reportedPeriods!: string[];

  @Whole({ minimum: 0 })
  inspectionCount!: number;

  @BusinessDate()
  plannedStart!: string;

  @BusinessDate()
  plannedEnd!: string;

  @Text()
  registeredBy!: string;

  @Text({ nullable: true })
  appraisedBy!: string | null;

  @BusinessDate({ nullable: true })
  revisionRequestedOn!: string | null;

  @Text({ nullable: true })
  approvalDecisionNo!: string | null;

  @BusinessDate({ nullable: true })
  approvalDecisionDate!: string | null;

  @Nested(() => AppliedNormResponse, { nullable: true })
  supportNorm!: AppliedNormResponse | null;

  @BusinessDate({ nullable: true })
  startedOn!: string | null;

  @BusinessDate({ nullable: true })
  acceptedOn!: string | null;

  @BusinessDate({ nullable: true })
  settledOn!: string | null;

  @BusinessDate({ nullable: true })
  cancelledOn!: string | null;

  @Text({ nullable: true })
  cancellationReason!: string | null;

  @Text({ nullable: true })
  rejectionReason!: string | null;

  @Strings({ description: 'Reminders already delivered about the project' })
  sentReminderIds!: string[];
}

/** project-audit.service.ts `ReplayedProject`. */
export class ProjectStateResponse {
  @Whole({ minimum: 0, description: 'Events replayed (0: none yet at that point)' })
  version!: number;

  @Instant({ nullable: true, description: 'When the last event replayed was recorded' })
  recordedAt!: string | null;

  @Nested(() => ProjectViewResponse, {
    nullable: true,
    description: 'Null before the registration',
  })
  state!: ProjectViewResponse | null;
}

/** event-store/hash-chain.ts `ChainVerification`. */
export class ChainVerificationResponse {
  @ApiProperty({ type: Boolean })
  valid!: boolean;

  @Whole({ minimum: 0 })
  eventsChecked!: number;

  @Whole({
    nullable: true,
    description: 'The version where the chain first breaks; null when it holds',
  })
  firstBrokenVersion!: number | null;
}
