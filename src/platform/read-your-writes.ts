import { Injectable } from '@nestjs/common';
import { ServiceUnavailableProblem } from '../http/problem-details';
import { ProjectionRunner } from '../projections/projection-runner';
import { parseMinPosition } from './command-headers';

/** How long a query waits for the read models to reach a position it was given. */
const MAX_WAIT_MS = 5000;

/**
 * Read-your-writes: a query given `minPosition` (from a command response) waits, bounded,
 * until the read models have applied that position. If they do not get there in time the
 * caller is told to retry rather than shown data older than its own write.
 */
@Injectable()
export class ReadYourWrites {
  constructor(private readonly runner: ProjectionRunner) {}

  async reach(minPosition: unknown): Promise<void> {
    const position = parseMinPosition(minPosition);
    if (position === undefined) return;
    if (await this.runner.waitFor(position, MAX_WAIT_MS)) return;
    throw new ServiceUnavailableProblem(
      `The read models have not reached position ${position} yet`,
      1,
      'read_model_behind',
    );
  }
}
