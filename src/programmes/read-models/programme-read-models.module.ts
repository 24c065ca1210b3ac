import { Module } from '@nestjs/common';
import type { Projection } from '../../projections/projection';
import { featureProjections } from '../../projections/projection-set';
import { ProgrammeProjection } from './programme.projection';

export function programmeProjections(): Projection[] {
  return [new ProgrammeProjection()];
}

/** Registers the programmes' read model with the runner (the app, and maintenance commands). */
@Module({ providers: [featureProjections('programmes', programmeProjections)] })
export class ProgrammeReadModelsModule {}
