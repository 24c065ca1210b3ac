import { ApiProperty } from '@nestjs/swagger';
import {
  BusinessDate,
  Choice,
  Instant,
  Nested,
  Text,
  Whole,
} from '../../http/openapi/response-fields';
import { REMINDER_RULES } from '../rules/reminder';

/** rules/reminder.ts `Reminder` without its message: one reminder a scan queued. */
export class QueuedReminderResponse {
  @Text({ example: 'registration-deadline.2024.xuan-loc.escalation' })
  reminderId!: string;

  @Choice(REMINDER_RULES)
  rule!: string;

  @Text({ description: 'The registering unit it is about' })
  district!: string;

  @Text({ example: '734', description: "That unit's official code" })
  unit!: string;

  @Text({ example: 'Huyện Tân Phú', description: "That unit's name" })
  unitName!: string;

  @ApiProperty({ format: 'uuid', required: false })
  projectId?: string;

  @Whole({ required: false })
  planYear?: number;

  @BusinessDate({ description: 'The first day it was due' })
  dueDate!: string;

  @Choice(['district', 'center', 'both'])
  recipients!: string;
}

/** reminder-scan.ts `ScanResult`. */
export class ScanResultResponse {
  @BusinessDate()
  asOf!: string;

  @Whole({ minimum: 0 })
  queued!: number;

  @Nested(() => QueuedReminderResponse, { isArray: true })
  reminders!: QueuedReminderResponse[];
}

/** reminder-subject.ts `ReminderSubject`: a project, or a year's plan. */
export class ReminderSubjectResponse {
  @Choice(['project', 'plan'])
  kind!: string;

  @ApiProperty({ format: 'uuid', required: false, description: 'For a project' })
  projectId?: string;

  @Whole({ required: false, description: 'For a plan' })
  year?: number;
}

/** reminder-queue.ts `FailedReminderJob`. */
export class FailedReminderJobResponse {
  @Text()
  reminderId!: string;

  @Text()
  jobId!: string;

  @Text()
  name!: string;

  @Nested(() => ReminderSubjectResponse, { required: false })
  subject?: ReminderSubjectResponse;

  @BusinessDate({ required: false })
  asOf?: string;

  @Whole({ minimum: 0 })
  attempts!: number;

  @Text()
  lastError!: string;

  @Instant({ nullable: true })
  failedAt!: string | null;
}

export class FailedReminderJobListResponse {
  @Nested(() => FailedReminderJobResponse, { isArray: true })
  items!: FailedReminderJobResponse[];
}
