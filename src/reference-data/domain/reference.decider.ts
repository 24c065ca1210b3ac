import type { Decider } from '../../shared/decider';
import type { ReferenceCommand } from './reference.commands';
import { decideReference, type ReferenceContext } from './reference.decide';
import type { ReferenceEvent } from './reference.events';
import { evolveReference, initialReferenceState, type ReferenceState } from './reference.state';

/** The Center's reference data, one stream per province: `reference-data-<province code>`. */
export const referenceDecider: Decider<
  ReferenceCommand,
  ReferenceEvent,
  ReferenceState,
  ReferenceContext
> = {
  initialState: initialReferenceState,
  evolve: evolveReference,
  decide: decideReference,
};

export const REFERENCE_STREAM_PREFIX = 'reference-data-';
