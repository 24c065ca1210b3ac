import type { AggregateType } from '../kernel/aggregate';
import { occurredOnFrom } from '../shared/occurred-on';
import type { ProgrammeCommand } from './domain/programme.commands';
import type { ProgrammeContext } from './domain/programme.decide';
import { PROGRAMME_STREAM_PREFIX, programmeDecider } from './domain/programme.decider';
import type { ProgrammeEvent } from './domain/programme.events';
import type { ProgrammeState } from './domain/programme.state';
import { programmeSerde } from './programme.serde';

/**
 * The business date a programme event happened on: the province's decision date for the
 * programme itself; otherwise the day it was recorded. A context indicator's `asOf` is the
 * date the statistic describes, not the day it was learned, so it is not used here.
 */
export const programmeOccurredOn = occurredOnFrom<ProgrammeEvent>({
  ProgrammeCreated: 'decisionDate',
});

/** The programme, one stream per programme (key: its code). */
export const programmeAggregateType: AggregateType<
  ProgrammeCommand,
  ProgrammeEvent,
  ProgrammeState,
  ProgrammeContext
> = {
  name: 'programme',
  decider: programmeDecider,
  serde: programmeSerde,
  occurredOn: programmeOccurredOn,
  streamPrefix: PROGRAMME_STREAM_PREFIX,
};
