import type { AggregateType } from '../kernel/aggregate';
import { occurredOnFrom } from '../shared/occurred-on';
import type { ReferenceCommand } from './domain/reference.commands';
import type { ReferenceContext } from './domain/reference.decide';
import { REFERENCE_STREAM_PREFIX, referenceDecider } from './domain/reference.decider';
import type { ReferenceEvent } from './domain/reference.events';
import type { ReferenceState } from './domain/reference.state';
import { referenceSerde } from './reference.serde';

/**
 * The reference data, one stream per province (key: its code). A change happens on the day it
 * is recorded; the day it takes effect is its own `effectiveFrom`, which the reads go by.
 */
export const referenceAggregateType: AggregateType<
  ReferenceCommand,
  ReferenceEvent,
  ReferenceState,
  ReferenceContext
> = {
  name: 'reference data',
  decider: referenceDecider,
  serde: referenceSerde,
  occurredOn: occurredOnFrom<ReferenceEvent>({}),
  streamPrefix: REFERENCE_STREAM_PREFIX,
};
