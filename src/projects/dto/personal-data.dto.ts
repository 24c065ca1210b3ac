import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { BeneficiaryDto } from './register-project.dto';
import { Text } from './shared.dto';

/** An erasure at the data subject's request: why it is lawful and which request it answers. */
export class PersonalDataErasureDto {
  @ApiProperty({
    example: 'Điều 14 Luật Bảo vệ dữ liệu cá nhân 2025',
    description: 'The legal basis of the erasure',
  })
  @Text(500)
  legalBasis!: string;

  @ApiProperty({ example: 'Đơn số 12/2026 ngày 02/03/2026', description: "The data subject's request" })
  @Text(200)
  requestRef!: string;
}

/** A corrected beneficiary value, recorded as a new version. */
export class BeneficiaryCorrectionDto {
  @ApiProperty({ type: BeneficiaryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BeneficiaryDto)
  beneficiary!: BeneficiaryDto;

  @ApiProperty({ example: 'Sửa địa chỉ theo đề nghị của chủ cơ sở' })
  @Text(2000)
  reason!: string;
}
