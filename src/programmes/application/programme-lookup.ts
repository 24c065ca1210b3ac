import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { replay } from '../../shared/decider';
import { programmeDecider, programmeStreamId } from '../domain/programme.decider';
import {
  programmeSpanOf,
  type ProgrammeSpan,
  type ProgrammeState,
} from '../domain/programme.state';
import { programmeSerde } from '../programme.serde';

/**
 * What other aggregates' commands need to know of a programme, read from its stream (not
 * from a read model, so a plan opened right after the programme was created finds it).
 */
@Injectable()
export class ProgrammeLookup {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async state(code: string): Promise<ProgrammeState> {
    const recorded = await this.store.readStream(programmeStreamId(code));
    return replay(
      programmeDecider,
      recorded.map((e) => programmeSerde.deserialize(e)),
    );
  }

  /** The programme's code and years; undefined when there is no such programme. */
  async span(code: string): Promise<ProgrammeSpan | undefined> {
    return programmeSpanOf(await this.state(code));
  }
}
