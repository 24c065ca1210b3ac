import { DateField, TextField } from '../../http/dto-fields';

export class AcceptanceDto {
  @DateField({ example: '2024-11-28' })
  acceptedOn!: string;

  @TextField(5000, { example: 'Nghiệm thu đạt yêu cầu' })
  notes!: string;
}
