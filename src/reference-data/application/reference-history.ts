import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { streamIdOf } from '../../kernel/aggregate';
import type { ReferenceEvent } from '../domain/reference.events';
import { referenceAggregateType } from '../reference.aggregate';

/** One recorded change of the reference data, as an auditor reads it: what, when, who, on what basis. */
export interface ReferenceChange {
  readonly version: number;
  readonly position: string;
  readonly type: ReferenceEvent['type'];
  readonly recordedAt: string;
  readonly actor: { readonly sub: string; readonly name: string; readonly role: string };
  /** The change's own fields; the first version is summarised (it is the whole shipped data). */
  readonly data: unknown;
}

/** The changes of a province's reference data, from its stream (never a read model). */
@Injectable()
export class ReferenceHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async changes(province: string): Promise<ReferenceChange[]> {
    const recorded = await this.store.readStream(streamIdOf(referenceAggregateType, province));
    return recorded.map((stored) => {
      const event = referenceAggregateType.serde.deserialize(stored);
      const { sub, name, role } = stored.metadata.actor;
      return {
        version: stored.version,
        position: stored.position.toString(),
        type: event.type,
        recordedAt: stored.metadata.recordedAt,
        actor: { sub, name, role },
        data: event.type === 'ReferenceDataLoaded' ? summaryOf(event) : event.data,
      };
    });
  }
}

function summaryOf(event: Extract<ReferenceEvent, { type: 'ReferenceDataLoaded' }>) {
  const { reference, source } = event.data;
  return {
    source,
    province: reference.province ?? null,
    units: reference.units?.length ?? 0,
    activityTypes: Object.keys(reference.activityTypes).length,
    indicators: Object.keys(reference.indicators).length,
    fundingSources: Object.keys(reference.fundingSources ?? {}).length,
    normSets: (reference.normSets ?? []).map((set) => set.id),
  };
}
