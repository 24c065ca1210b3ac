import { TextField } from '../../http/dto-fields';

/** Rejection and cancellation: a reason is all they take. */
export class ReasonDto {
  @TextField(2000, { example: 'Chưa có cơ sở pháp lý và đối tượng đủ điều kiện' })
  reason!: string;
}
