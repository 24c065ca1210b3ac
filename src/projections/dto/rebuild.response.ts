import { ApiProperty } from '@nestjs/swagger';
import { Choice, Instant, Nested, Position, Text, Whole } from '../../http/openapi/response-fields';

/** projection-rebuilds.ts `RebuildJob`. */
export class RebuildJobResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @Choice(['running', 'done', 'failed'])
  state!: string;

  @Text({ description: '`sub` of the admin who asked for it' })
  requestedBy!: string;

  @Instant()
  startedAt!: string;

  @Instant({ required: false })
  finishedAt?: string;

  @Whole({ minimum: 0, description: 'Events applied so far' })
  eventsDone!: number;

  @Whole({ nullable: true, description: "The log's head when the rebuild started" })
  eventsTotal!: number | null;

  @Position({ description: 'Log position the read models have reached' })
  position!: string;

  @Text({ required: false, description: 'Why it failed' })
  error?: string;
}

export class RebuildResponse {
  @Nested(() => RebuildJobResponse)
  job!: RebuildJobResponse;
}
