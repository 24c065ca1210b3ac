import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi/api-problems.decorator';
import { HealthResponse } from './health.response';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { HEALTH_PROBES, type HealthProbe } from './health-probe';

type PartState = { status: 'up' | 'down' | 'degraded'; [detail: string]: unknown };

/**
 * GET /health: each part's state; 503 only when the event store, the source of truth, is down.
 * While another process holds its write lock it is degraded (writes: locked), answered 200.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(HEALTH_PROBES) private readonly probes: readonly HealthProbe[],
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'State of the event store, projections (with lag), Redis and the reminder queue', security: [] })
  @ApiResponse({ status: 200, description: 'The event store is up (or degraded: reads work)', type: HealthResponse })
  @ApiResponse({ status: 503, description: 'The event store is down; the other parts as they are', type: HealthResponse })
  @ApiProblems(429)
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const eventStore = await this.eventStoreState();
    const projections = this.projectionsState(eventStore.head as bigint | undefined);
    const extra: Record<string, PartState> = {};
    for (const probe of this.probes) extra[probe.name] = await probe.check();
    // Degraded (writes wait for another process's lock) is still answered 200: reads work.
    const status = eventStore.status;
    if (status === 'down') reply.status(503);
    return {
      status,
      eventStore: { ...eventStore, head: eventStore.head?.toString() },
      projections,
      ...extra,
    };
  }

  private async eventStoreState(): Promise<PartState & { head?: bigint }> {
    try {
      await this.store.ping();
      const head = await this.store.headPosition();
      if (this.store.writesLocked?.())
        return { status: 'degraded', kind: this.store.kind, head, writes: 'locked' };
      return { status: 'up', kind: this.store.kind, head };
    } catch (error) {
      return { status: 'down', kind: this.store.kind, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private projectionsState(head: bigint | undefined): PartState {
    const runner = this.runner.status();
    const position = BigInt(runner.position);
    const lag = head === undefined || head < position ? undefined : (head - position).toString();
    const status = runner.state === 'failing' || runner.state === 'stopped' ? 'degraded' : 'up';
    return { status, ...runner, ...(lag === undefined ? {} : { lag }) };
  }
}
