import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import type { DomainEventShape } from '../event-store/serde/event-serde';
import { Clock } from '../platform/clock';
import { streamIdOf, type Aggregate, type AggregateState, type CommandRun } from './aggregate';
import { handleCommand } from './command-loop';
import type { CommandMeta, CommandResponse } from './command-meta';
import { KeyedSerializer } from './keyed-serializer';

/**
 * Runs any command of any aggregate the same way: prepare, then the command loop (read,
 * authorize, decide, append; re-decided on a concurrent change), then the response.
 */
@Injectable()
export class CommandKernel {
  /**
   * One command at a time per stream in this process: concurrent requests for one subject
   * queue here instead of colliding in the log (API.md: concurrent changes are re-decided).
   */
  private readonly perStream = new KeyedSerializer();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  run<C, E extends DomainEventShape, S extends AggregateState, Ctx>(
    aggregate: Aggregate<C, E, S, Ctx>,
    key: string,
    command: C,
    meta: CommandMeta,
  ): Promise<CommandResponse> {
    const streamId = streamIdOf(aggregate.type, key);
    return this.perStream.run(streamId, async () => {
      const today = this.clock.today();
      const asked: CommandRun<C> = { key, command, meta, today };
      const prepared = aggregate.prepare ? await aggregate.prepare(asked) : { command };
      const run: CommandRun<C> = { ...asked, command: prepared.command };
      try {
        const outcome = await handleCommand(
          this.store,
          aggregate.type,
          { streamId, command: run.command, today, ...meta },
          {
            authorize: (state) => aggregate.authorize?.(state, run),
            context: (state) => aggregate.context(state, run),
          },
        );
        prepared.recorded?.(outcome.state);
        return {
          id: key,
          version: outcome.version,
          status: outcome.state.status,
          position: outcome.position.toString(),
        };
      } catch (error) {
        prepared.refused?.();
        throw error;
      }
    });
  }
}
