import { Inject, Injectable } from '@nestjs/common';
import { ProjectionSetProvider, type ProjectionSet } from '../projections/projection-set';
import { PersonalDataErasureProjection } from './erasure.projection';
import { PersonalDataVault } from './personal-data-vault';

/** The erasure projection: recorded erasures applied to the vault, also after a crash. */
@Injectable()
@ProjectionSetProvider()
export class PersonalDataProjections implements ProjectionSet {
  readonly projections: ProjectionSet['projections'];

  constructor(@Inject(PersonalDataVault) vault: PersonalDataVault) {
    this.projections = [new PersonalDataErasureProjection(vault)];
  }
}
