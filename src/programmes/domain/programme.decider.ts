import type { Decider } from '../../shared/decider';
import type { ProgrammeCommand } from './programme.commands';
import { decideProgramme, type ProgrammeContext } from './programme.decide';
import type { ProgrammeEvent } from './programme.events';
import { evolveProgramme, initialProgrammeState, type ProgrammeState } from './programme.state';

/** The programme aggregate, stream `programme-<code>`. */
export const programmeDecider: Decider<
  ProgrammeCommand,
  ProgrammeEvent,
  ProgrammeState,
  ProgrammeContext
> = {
  initialState: initialProgrammeState,
  evolve: evolveProgramme,
  decide: decideProgramme,
};

export const PROGRAMME_STREAM_PREFIX = 'programme-';
export const programmeStreamId = (code: string): string => `${PROGRAMME_STREAM_PREFIX}${code}`;
