import { Injectable } from '@nestjs/common';
import { DEFAULT_REFERENCE_DATA } from './default-reference-data';
import type { ReferenceData } from './reference-data';
import { UnitRegistry } from './administrative-units';
import { SHIPPED_UNITS } from './shipped-units';

/** The reference data in force. Today the shipped defaults; an admin-edited set replaces them. */
@Injectable()
export class ReferenceDataService {
  private data: ReferenceData = DEFAULT_REFERENCE_DATA;
  private readonly unitRegistry = new UnitRegistry(SHIPPED_UNITS);

  /** The administrative units over time (administrative-units.ts). */
  units(): UnitRegistry {
    return this.unitRegistry;
  }

  current(): ReferenceData {
    return this.data;
  }

  replace(data: ReferenceData): void {
    this.data = data;
  }
}
