import type { Projection } from '../../../src/projections/projection';
import { planProjections } from '../../../src/plans/read-models/plan-read-models.module';
import { programmeProjections } from '../../../src/programmes/read-models/programme-read-models.module';
import { projectProjections } from '../../../src/projects/read-models/project-read-models.module';

/** Every feature's read models, as the app registers them (the vault's erasure aside). */
export function allProjections(): Projection[] {
  return [...projectProjections(), ...programmeProjections(), ...planProjections()];
}
