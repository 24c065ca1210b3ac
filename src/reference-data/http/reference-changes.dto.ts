import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, Matches } from 'class-validator';
import {
  ChoiceField,
  CodeField,
  DateField,
  ListField,
  ObjectField,
  PatternField,
  TextField,
  VndField,
  WholeField,
} from '../../http/dto-fields';
import { UNIT_KINDS, UNIT_LEVELS } from '../administrative-units';

/** An official unit code (General Statistics Office list): digits, as published. */
const UNIT_CODE = /^[0-9A-Za-z_-]{1,16}$/;
const UNIT_CODE_MESSAGE = 'must be a unit code (1 to 16 letters, digits, - or _)';

/** The decision a change rests on. */
export class LegalBasisDto {
  @TextField(100, { example: '22/2023/QĐ-UBND', description: 'Number and symbol, as cited' })
  document!: string;

  @DateField({ example: '2023-05-19', description: 'The day it was signed (not after today)' })
  date!: string;

  @TextField(300, {
    example: 'Quyết định của UBND tỉnh Đồng Nai',
    required: false,
    description: 'What it is and who issued it',
  })
  title?: string;
}

/** What every change carries: the day it takes effect and its legal basis. */
class ChangeDto {
  @DateField({ example: '2026-07-01', description: 'The first day the change is in force' })
  effectiveFrom!: string;

  @ObjectField(LegalBasisDto)
  basis!: LegalBasisDto;
}

export class EstablishUnitDto extends ChangeDto {
  @PatternField(UNIT_CODE, `code ${UNIT_CODE_MESSAGE}`, { example: '26999' })
  code!: string;

  @TextField(200, { example: 'Xã Ví Dụ' })
  name!: string;

  @ChoiceField(UNIT_LEVELS, { example: 'commune' })
  level!: (typeof UNIT_LEVELS)[number];

  @ChoiceField(UNIT_KINDS, { example: 'commune' })
  kind!: (typeof UNIT_KINDS)[number];

  @PatternField(UNIT_CODE, `parent ${UNIT_CODE_MESSAGE}`, {
    example: '75',
    required: false,
    description: 'The unit it stands under; absent for a province',
  })
  parent?: string;

  @TextField(200, { example: 'ubnd@xa-vi-du.gov.vn', required: false })
  email?: string;
}

export class EndUnitDto extends ChangeDto {
  @ApiProperty({
    type: [String],
    example: ['26068'],
    description: 'The codes of the units its territory went to, in force on effectiveFrom',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(UNIT_CODE, { each: true, message: `successors ${UNIT_CODE_MESSAGE}` })
  successors!: string[];
}

export class CatalogueEntryDto extends ChangeDto {
  @CodeField('a catalogue', { example: 'digital_transformation' })
  code!: string;

  @TextField(300, { example: 'Hỗ trợ chuyển đổi số' })
  name!: string;

  @TextField(50, {
    example: 'cơ sở',
    required: false,
    description: 'The unit of count (indicators only)',
  })
  unit?: string;
}

/** A catalogue entry renamed (the code is in the path). */
export class CatalogueRenameDto extends ChangeDto {
  @TextField(300, { example: 'Đào tạo nghề, khởi sự doanh nghiệp, quản lý' })
  name!: string;

  @TextField(50, { example: 'cơ sở', required: false })
  unit?: string;
}

/** The change that ends an entry or a unit needs nothing but its date and basis. */
export class EndEntryDto extends ChangeDto {}

export class NormDto {
  @CodeField('an activity type', { example: 'machinery' })
  activityType!: string;

  @WholeField(0, 100, { example: 50, description: 'Share of the total cost, whole percent' })
  percent!: number;

  @VndField({ example: 300000000, description: 'Cap, whole VND' })
  maxVnd!: number;

  @TextField(100, { example: 'cơ sở', required: false })
  per?: string;

  @TextField(200, { example: 'Điều 4 khoản 3', required: false })
  clause?: string;

  @TextField(500, { required: false })
  note?: string;
}

export class NormSetDto extends ChangeDto {
  @PatternField(/^[A-Za-z0-9._-]{1,64}$/, 'id must be 1 to 64 letters, digits, ., - or _', {
    example: 'QD-22-2023-DN',
  })
  id!: string;

  @ChoiceField(['national', 'provincial'], { example: 'provincial' })
  scope!: 'national' | 'provincial';

  @ListField(NormDto, 100)
  norms!: NormDto[];

  @ApiProperty({
    required: false,
    default: true,
    description: 'Carry over the norms of the set in force that day that this one does not name',
  })
  @IsOptional()
  @IsBoolean()
  carryOver?: boolean;
}

export class AdvanceCapDto extends ChangeDto {
  @WholeField(1, 100, { example: 70, description: 'Share of the approved funding, whole percent' })
  percent!: number;
}
