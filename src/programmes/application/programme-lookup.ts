import { Injectable } from '@nestjs/common';
import { AggregateReader } from '../../kernel/aggregate-reader';
import {
  programmeSpanOf,
  type ProgrammeSpan,
  type ProgrammeState,
} from '../domain/programme.state';
import { programmeAggregateType } from '../programme.aggregate';

/**
 * What other aggregates' commands need to know of a programme, read from its stream (not
 * from a read model, so a plan opened right after the programme was created finds it).
 */
@Injectable()
export class ProgrammeLookup {
  constructor(private readonly reader: AggregateReader) {}

  state(code: string): Promise<ProgrammeState> {
    return this.reader.state(programmeAggregateType, code);
  }

  /** The programme's code and years; undefined when there is no such programme. */
  async span(code: string): Promise<ProgrammeSpan | undefined> {
    return programmeSpanOf(await this.state(code));
  }
}
