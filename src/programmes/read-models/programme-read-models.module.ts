import { Injectable, Module } from '@nestjs/common';
import type { Projection } from '../../projections/projection';
import { ProjectionSetProvider, type ProjectionSet } from '../../projections/projection-set';
import { ProgrammeProjection } from './programme.projection';

export function programmeProjections(): Projection[] {
  return [new ProgrammeProjection()];
}

@Injectable()
@ProjectionSetProvider()
export class ProgrammeProjections implements ProjectionSet {
  readonly projections = programmeProjections();
}

/** Registers the programmes' read model with the runner (the app, and maintenance commands). */
@Module({ providers: [ProgrammeProjections] })
export class ProgrammeReadModelsModule {}
