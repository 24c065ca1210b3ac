import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { handleCommand, StaleVersionError } from '../../event-store/handle-command';
import { PreconditionFailedError } from '../../http/problem-details';
import { Clock } from '../../platform/clock';
import type { CommandMeta, CommandResponse } from '../../projects/application/command-meta';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import type { ProgrammeCommand } from '../domain/programme.commands';
import { programmeStreamId } from '../domain/programme.decider';
import { programmeAggregate } from './programme-aggregate';

/**
 * Runs programme commands through the command loop. Roles are checked over HTTP (admin);
 * everything else the programme's own rules decide.
 */
@Injectable()
export class ProgrammeCommandService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
  ) {}

  async execute(
    code: string,
    command: ProgrammeCommand,
    meta: CommandMeta,
  ): Promise<CommandResponse> {
    const today = this.clock.today();
    const outcome = await handleCommand(
      this.store,
      programmeAggregate,
      { streamId: programmeStreamId(code), command, today, ...meta },
      { context: () => ({ actor: meta.actor, today, reference: this.referenceData.current() }) },
    ).catch((error: unknown) => {
      if (error instanceof StaleVersionError)
        throw PreconditionFailedError.versions(error.expected, error.actual);
      throw error;
    });
    return {
      id: code,
      version: outcome.version,
      status: outcome.state.status,
      position: outcome.position.toString(),
    };
  }
}
