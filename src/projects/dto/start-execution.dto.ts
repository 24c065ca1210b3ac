import { DateField } from '../../http/dto-fields';

export class StartExecutionDto {
  @DateField({ example: '2024-04-15' })
  startedOn!: string;
}
