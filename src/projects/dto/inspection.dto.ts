import { ChoiceField, DateField, TextField } from '../../http/dto-fields';
import type { InspectionOutcome } from '../domain/project.types';

const OUTCOMES: readonly InspectionOutcome[] = ['satisfactory', 'issues_found'];

export class InspectionDto {
  @DateField({ example: '2024-07-03' })
  inspectedOn!: string;

  @TextField(5000, { example: 'Máy đã lắp đặt, vận hành ổn định' })
  findings!: string;

  @ChoiceField(OUTCOMES)
  outcome!: InspectionOutcome;
}
