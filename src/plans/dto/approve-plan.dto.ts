import { DateField, TextField } from '../../http/dto-fields';

export class ApprovePlanDto {
  @TextField(100, { example: '1402/QĐ-UBND' })
  decisionNo!: string;

  @DateField({ example: '2021-06-15', description: 'Not before the plan was compiled' })
  decisionDate!: string;
}
