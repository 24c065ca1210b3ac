import { ObjectField, TextField } from '../../http/dto-fields';
import { BeneficiaryDto } from './register-project.dto';

/** An erasure at the data subject's request: why it is lawful and which request it answers. */
export class PersonalDataErasureDto {
  @TextField(500, {
    example: 'Điều 14 Luật Bảo vệ dữ liệu cá nhân 2025',
    description: 'The legal basis of the erasure',
  })
  legalBasis!: string;

  @TextField(200, {
    example: 'Đơn số 12/2026 ngày 02/03/2026',
    description: "The data subject's request",
  })
  requestRef!: string;
}

/** A corrected beneficiary value, recorded as a new version. */
export class BeneficiaryCorrectionDto {
  @ObjectField(BeneficiaryDto)
  beneficiary!: BeneficiaryDto;

  @TextField(2000, { example: 'Sửa địa chỉ theo đề nghị của chủ cơ sở' })
  reason!: string;
}
