import { DateField } from '../../http/dto-fields';

/** Reference data as it stood on a date (default: today in Asia/Ho_Chi_Minh). */
export class AsOfQuery {
  @DateField({ required: false, example: '2026-01-01', description: 'Default: today' })
  asOf?: string;
}
