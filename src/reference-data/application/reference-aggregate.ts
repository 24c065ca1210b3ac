import { Injectable } from '@nestjs/common';
import type { Aggregate, CommandRun, PreparedCommand } from '../../kernel/aggregate';
import type { ReferenceCommand } from '../domain/reference.commands';
import type { ReferenceContext } from '../domain/reference.decide';
import type { ReferenceEvent } from '../domain/reference.events';
import type { ReferenceState } from '../domain/reference.state';
import { referenceAggregateType } from '../reference.aggregate';
import { ReferenceDataService } from '../reference-data.service';

/**
 * How changes of reference data are run (CommandKernel). Roles are checked over HTTP (admin,
 * Center); once a change is recorded, the reference data in force is the stream's new state,
 * so the next command of any aggregate is decided by it.
 */
@Injectable()
export class ReferenceAggregate implements Aggregate<
  ReferenceCommand,
  ReferenceEvent,
  ReferenceState,
  ReferenceContext
> {
  readonly type = referenceAggregateType;

  constructor(private readonly referenceData: ReferenceDataService) {}

  prepare({
    command,
  }: CommandRun<ReferenceCommand>): PreparedCommand<ReferenceCommand, ReferenceState> {
    return {
      command,
      recorded: (state) => {
        if (state.status === 'in_force') this.referenceData.replace(state.reference);
      },
    };
  }

  context(_state: ReferenceState, { today }: CommandRun<ReferenceCommand>): ReferenceContext {
    return { today };
  }
}
