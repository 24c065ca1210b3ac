import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AnyObject,
  BusinessDate,
  Choice,
  Flag,
  Instant,
  Nested,
  Position,
  Strings,
  Text,
  Whole,
  WholeVnd,
} from '../../http/openapi/response-fields';
import { RecordedActorResponse } from '../../audit/dto/audit.response';
import { UNIT_KINDS, UNIT_LEVELS } from '../administrative-units';
import type { ReferenceEvent } from '../domain/reference.events';

/** reference-data.ts `LegalBasis`: the decision a change rests on. */
export class LegalBasisResponse {
  @Text({ example: '22/2023/QĐ-UBND' })
  document!: string;

  @BusinessDate()
  date!: string;

  @Text({ required: false, example: 'Quyết định của UBND tỉnh Đồng Nai' })
  title?: string;
}

/** An administrative unit in force on the date asked (reference.controller.ts `UnitItem`). */
export class UnitResponse {
  @Text({ example: '26425', description: 'The official code (General Statistics Office)' })
  code!: string;

  @Text({ example: 'Xã Xuân Lộc' })
  name!: string;

  @Choice(UNIT_LEVELS)
  level!: string;

  @Choice(UNIT_KINDS)
  kind!: string;

  @Text({ required: false, description: 'The code of the unit it stands under' })
  parent?: string;

  @BusinessDate({ required: false, description: 'First day in force' })
  validFrom?: string;

  @BusinessDate({ required: false, description: 'Last day in force' })
  validTo?: string;

  @Strings({ description: 'The units its territory went to' })
  successors!: string[];

  @Strings({ description: 'Keys it was recorded under before units had codes (`bien-hoa`)' })
  formerKeys!: string[];

  @Text({ description: 'The published list the unit comes from' })
  source!: string;

  @Flag({ description: 'False where no published source confirmed it' })
  verified!: boolean;
}

export class UnitListResponse {
  @BusinessDate({ description: 'The date asked (today by default)' })
  asOf!: string;

  @Nested(() => UnitResponse, { isArray: true })
  items!: UnitResponse[];
}

/** reference-data.ts `SupportNorm`. */
export class SupportNormResponse {
  @ApiProperty({ type: 'number', example: 50, description: 'Share of the total cost, percent' })
  percent!: number;

  @WholeVnd({ example: 300000000, description: 'Absolute cap, whole VND' })
  maxVnd!: number;

  @Text({ required: false, example: 'cơ sở', description: 'What the cap is counted per' })
  per?: string;

  @Text({ required: false, example: 'khoản 4' })
  clause?: string;

  @Text({ required: false })
  note?: string;
}

/** A norm set without its norms: what the activity types were judged by. */
export class NormSetHeaderResponse {
  @Text({ example: 'TT-28-2018' })
  id!: string;

  @BusinessDate()
  effectiveFrom!: string;

  @Text({ example: 'Thông tư 28/2018/TT-BTC ngày 28/03/2018 của Bộ Tài chính, Điều 8' })
  legalBasis!: string;

  @Nested(() => LegalBasisResponse, {
    required: false,
    description: 'For a set the Center recorded',
  })
  basis?: LegalBasisResponse;

  @Choice(['national', 'provincial'], { required: false })
  scope?: string;
}

/** reference-data.ts `NormSet`. */
export class NormSetResponse extends NormSetHeaderResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/SupportNormResponse' },
    description: 'The norm of each activity type the set names, by its code',
  })
  norms!: Record<string, SupportNormResponse>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Activity types whose figure the Center must set itself, with what to do',
  })
  unset?: Record<string, string>;
}

/** catalogues.ts `EntryOnDate`: an activity type, indicator or funding source on a date. */
export class CatalogueEntryResponse {
  @Text({ example: 'trainees' })
  code!: string;

  @Text({ description: 'The name it had on the date asked' })
  name!: string;

  @BusinessDate({ required: false })
  validFrom?: string;

  @BusinessDate({ required: false })
  validTo?: string;
}

export class IndicatorResponse extends CatalogueEntryResponse {
  @Text({ example: 'học viên', description: 'The unit of count it had on the date asked' })
  unit!: string;
}

export class ActivityTypeResponse extends CatalogueEntryResponse {
  @Nested(() => SupportNormResponse, {
    nullable: true,
    description: 'Its norm in the set in force; null where the set has none',
  })
  norm!: SupportNormResponse | null;

  @Text({ required: false, description: 'Where the set ships no figure: what the Center must set' })
  normToSet?: string;
}

export class ActivityTypeListResponse {
  @BusinessDate()
  asOf!: string;

  @Nested(() => NormSetHeaderResponse, { nullable: true, description: 'The norm set in force' })
  normSet!: NormSetHeaderResponse | null;

  @Nested(() => ActivityTypeResponse, { isArray: true })
  items!: ActivityTypeResponse[];
}

export class IndicatorListResponse {
  @BusinessDate()
  asOf!: string;

  @Nested(() => IndicatorResponse, { isArray: true })
  items!: IndicatorResponse[];
}

export class FundingSourceListResponse {
  @BusinessDate()
  asOf!: string;

  @Nested(() => CatalogueEntryResponse, { isArray: true })
  items!: CatalogueEntryResponse[];
}

export class NormSetListResponse {
  @BusinessDate()
  asOf!: string;

  @Text({ nullable: true, example: 'TT-28-2018', description: 'The id of the set in force' })
  inForce!: string | null;

  @Nested(() => NormSetResponse, { isArray: true, description: 'Every set, by effective date' })
  items!: NormSetResponse[];
}

export class AdvanceCapResponse {
  @BusinessDate()
  asOf!: string;

  @Whole({ minimum: 0, maximum: 100, example: 70, description: 'Percent of the approved funding' })
  percent!: number;

  @BusinessDate({
    nullable: true,
    description: 'Null: nothing recorded for the day, the ADVANCE_CAP_PERCENT setting applies',
  })
  effectiveFrom!: string | null;

  @Nested(() => LegalBasisResponse, { nullable: true })
  basis!: LegalBasisResponse | null;
}

const CHANGE_TYPES: Readonly<Record<ReferenceEvent['type'], true>> = {
  ReferenceDataLoaded: true,
  UnitEstablished: true,
  UnitEnded: true,
  CatalogueEntryRecorded: true,
  CatalogueEntryEnded: true,
  NormSetRecorded: true,
  AdvanceCapSet: true,
};

/** application/reference-history.ts `ReferenceChange`. */
export class ReferenceChangeResponse {
  @Whole({ minimum: 1 })
  version!: number;

  @Position()
  position!: string;

  @Choice(Object.keys(CHANGE_TYPES))
  type!: string;

  @Instant()
  recordedAt!: string;

  @Nested(() => RecordedActorResponse)
  actor!: RecordedActorResponse;

  @AnyObject({ description: 'The change as recorded' })
  data!: Record<string, unknown>;
}

export class ReferenceChangeListResponse {
  @Nested(() => ReferenceChangeResponse, { isArray: true })
  items!: ReferenceChangeResponse[];
}
