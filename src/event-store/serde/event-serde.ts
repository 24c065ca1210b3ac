import type { EventMetadata, RecordedEvent } from '../event-store.port';

/**
 * Between stored payloads and domain events. Every stored event carries the schema version
 * of its `data`; when an event type changes shape, its version goes up and an upcaster
 * lifts older payloads one version at a time, so the domain only ever sees the current shape.
 * An upcaster also receives the stored metadata: a fact recorded there (who acted) can be
 * lifted into `data` when a new version carries it, without rewriting the hash-chained log.
 */
export type Upcaster = (data: unknown, metadata: EventMetadata) => unknown;

/** For each event type, the current schema version and the upcasters from each older version. */
export interface EventSchemas {
  readonly [type: string]: {
    readonly current: number;
    readonly upcasters?: { readonly [fromVersion: number]: Upcaster };
  };
}

export interface DomainEventShape {
  readonly type: string;
  readonly data: unknown;
}

export interface EventSerde<E extends DomainEventShape> {
  /** Schema version written with a new event of this type. */
  schemaVersionOf(type: E['type']): number;
  /** The domain event a stored event stands for, upcast to the current schema. */
  deserialize(event: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>): E;
}

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`Unknown event type ${eventType}`);
    this.name = 'UnknownEventTypeError';
  }
}

export function createSerde<E extends DomainEventShape>(schemas: EventSchemas): EventSerde<E> {
  return {
    schemaVersionOf(type) {
      const schema = schemas[type];
      if (!schema) throw new UnknownEventTypeError(type);
      return schema.current;
    },
    deserialize(stored) {
      const schema = schemas[stored.type];
      if (!schema) throw new UnknownEventTypeError(stored.type);
      let data = stored.data;
      for (let version = stored.metadata.schemaVersion; version < schema.current; version++) {
        const upcast = schema.upcasters?.[version];
        if (!upcast)
          throw new Error(`No upcaster for ${stored.type} from schema version ${version}`);
        data = upcast(data, stored.metadata);
      }
      return { type: stored.type, data } as E;
    },
  };
}
