import { featureProjections } from '../projections/projection-set';
import { PersonalDataErasureProjection } from './erasure.projection';
import { PersonalDataVault } from './personal-data-vault';

/** The erasure projection: recorded erasures applied to the vault, also after a crash. */
export const personalDataProjections = featureProjections(
  'personal data',
  (vault: PersonalDataVault) => [new PersonalDataErasureProjection(vault)],
  [PersonalDataVault],
);
