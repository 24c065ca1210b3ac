import { ListField, TextField } from '../../http/dto-fields';
import { IndicatorTargetDto } from '../../projects/dto/shared.dto';

/** The programme's whole set of indicator targets, replaced by a decision. */
export class ProgrammeTargetsDto {
  @ListField(IndicatorTargetDto, 50)
  targets!: IndicatorTargetDto[];

  @TextField(100, { example: '2345/QĐ-UBND' })
  decisionNo!: string;

  @TextField(2000, { example: 'Sửa đổi, bổ sung Quyết định 558/QĐ-UBND' })
  reason!: string;
}
