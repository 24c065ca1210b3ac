import { planAggregateType } from '../plans/plan.aggregate';
import { programmeAggregateType } from '../programmes/programme.aggregate';
import { projectAggregateType } from '../projects/project.aggregate';
import { referenceAggregateType } from '../reference-data/reference.aggregate';

/** Every aggregate this application keeps in the log. */
export const OUR_AGGREGATE_TYPES = [
  projectAggregateType,
  planAggregateType,
  programmeAggregateType,
  referenceAggregateType,
] as const;

/**
 * The stream prefixes the event store is given: it accepts appends under them only and reads
 * back only them (on EventStoreDB, the subscription's server-side filter), so it never has to
 * know which aggregates there are.
 */
export const OUR_STREAM_PREFIXES: readonly string[] = OUR_AGGREGATE_TYPES.map(
  (type) => type.streamPrefix,
);
