import { Injectable } from '@nestjs/common';
import type { Aggregate, CommandRun } from '../../kernel/aggregate';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import type { ProgrammeCommand } from '../domain/programme.commands';
import type { ProgrammeContext } from '../domain/programme.decide';
import type { ProgrammeEvent } from '../domain/programme.events';
import type { ProgrammeState } from '../domain/programme.state';
import { programmeAggregateType } from '../programme.aggregate';

/**
 * How programme commands are run (CommandKernel). Roles are checked over HTTP (admin);
 * everything else the programme's own rules decide.
 */
@Injectable()
export class ProgrammeAggregate implements Aggregate<
  ProgrammeCommand,
  ProgrammeEvent,
  ProgrammeState,
  ProgrammeContext
> {
  readonly type = programmeAggregateType;

  constructor(private readonly referenceData: ReferenceDataService) {}

  context(_state: ProgrammeState, { meta, today }: CommandRun<ProgrammeCommand>): ProgrammeContext {
    return { actor: meta.actor, today, reference: this.referenceData.current() };
  }
}
