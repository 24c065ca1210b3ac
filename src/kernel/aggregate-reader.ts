import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import type { DomainEventShape } from '../event-store/serde/event-serde';
import { replay } from '../shared/decider';
import { streamIdOf, type AggregateState, type AggregateType } from './aggregate';

/**
 * An aggregate's current state, folded from its stream through the serde: what the commands
 * of other aggregates look up (a plan's years, a project's district). Never a read model,
 * which may lag behind the write the caller was told about.
 */
@Injectable()
export class AggregateReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async state<E extends DomainEventShape, S extends AggregateState>(
    type: AggregateType<never, E, S, never>,
    key: string,
  ): Promise<S> {
    const recorded = await this.store.readStream(streamIdOf(type, key));
    return replay(
      type.decider,
      recorded.map((event) => type.serde.deserialize(event)),
    );
  }
}
