import { ApiPropertyOptional } from '@nestjs/swagger';
import { Choice, Instant, Nested, Position, Text } from '../http/openapi/response-fields';

const PART_STATES = ['up', 'down', 'degraded'] as const;

export class EventStoreHealthResponse {
  @Choice(PART_STATES, { description: '`degraded`: another process holds the write lock' })
  status!: string;

  @Text({ example: 'sqlite' })
  kind!: string;

  @Position({ required: false, description: "The log's head (absent while down)" })
  head?: string;

  @Choice(['locked'], { required: false })
  writes?: string;

  @Text({ required: false, description: 'Why it is down' })
  error?: string;
}

export class ProjectionsHealthResponse {
  @Choice(PART_STATES)
  status!: string;

  @Choice(['stopped', 'catching_up', 'live', 'failing'])
  state!: string;

  @Position({ description: 'Position the read models have applied' })
  position!: string;

  @Text({ required: false, pattern: '^[0-9]+$', description: 'Events behind the head' })
  lag?: string;

  @Text({ required: false })
  lastError?: string;
}

/** The Redis connection (reminders.health.ts). */
export class RedisHealthResponse {
  @Choice(['up', 'down'])
  status!: string;
}

export class ReminderSchedulerResponse {
  @Text({ example: '0 7 * * *', description: 'When the daily scan runs (REMINDER_CRON)' })
  pattern!: string;

  @Text({ required: false, example: 'Asia/Ho_Chi_Minh' })
  tz?: string;

  @Instant({ nullable: true })
  next!: string | null;
}

/** The reminder queue (reminder-queue.ts `status`). */
export class RemindersHealthResponse {
  @Choice(PART_STATES, { description: '`degraded`: failed jobs wait for an operator' })
  status!: string;

  @Text({ description: "The queue's name" })
  queue!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { waiting: 0, active: 0, delayed: 1, failed: 0, completed: 3 },
    description: 'Jobs by state (while up)',
  })
  jobs?: Record<string, number>;

  @Nested(() => ReminderSchedulerResponse, { required: false, nullable: true })
  scheduler?: ReminderSchedulerResponse | null;

  @Choice(['running', 'stopped'], { required: false })
  worker?: string;

  @Text({ required: false, description: "The Redis connection's state (while down)" })
  connection?: string;

  @Text({ required: false, description: 'Why it is down' })
  error?: string;
}

/** GET /health (health.controller.ts). */
export class HealthResponse {
  @Choice(PART_STATES, { description: "The event store's: the source of truth" })
  status!: string;

  @Nested(() => EventStoreHealthResponse)
  eventStore!: EventStoreHealthResponse;

  @Nested(() => ProjectionsHealthResponse)
  projections!: ProjectionsHealthResponse;

  @Nested(() => RedisHealthResponse, { required: false })
  redis?: RedisHealthResponse;

  @Nested(() => RemindersHealthResponse, { required: false })
  reminders?: RemindersHealthResponse;
}
