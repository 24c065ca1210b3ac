import { Injectable } from '@nestjs/common';
import type { UnitRegistry } from './administrative-units';
import { DEFAULT_REFERENCE_DATA } from './default-reference-data';
import type { ReferenceData } from './reference-data';
import { unitRegistryOf } from './registering-units';

/** The reference data in force. Today the shipped defaults; an admin-edited set replaces them. */
@Injectable()
export class ReferenceDataService {
  private data: ReferenceData = DEFAULT_REFERENCE_DATA;

  /** The administrative units over time of the reference data in force (administrative-units.ts). */
  units(): UnitRegistry {
    return unitRegistryOf(this.data);
  }

  current(): ReferenceData {
    return this.data;
  }

  replace(data: ReferenceData): void {
    this.data = data;
  }
}
