import { ChoiceField, TextField, VndField } from '../../http/dto-fields';
import type { AppraisalOutcome } from '../domain/project.types';

const OUTCOMES: readonly AppraisalOutcome[] = ['passed', 'revision_requested', 'rejected'];

export class AppraisalResultDto {
  @ChoiceField(OUTCOMES)
  outcome!: AppraisalOutcome;

  @TextField(5000, { example: 'Hội đồng thẩm định thống nhất' })
  notes!: string;

  @VndField({
    example: 240000000,
    description: 'Required when passed; whole VND',
    required: false,
  })
  appraisedFundingVnd?: number;
}
