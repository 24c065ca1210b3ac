import { Injectable } from '@nestjs/common';
import { DEFAULT_REFERENCE_DATA } from './default-reference-data';
import type { ReferenceData } from './reference-data';

/** The reference data in force. Today the shipped defaults; an admin-edited set replaces them. */
@Injectable()
export class ReferenceDataService {
  private data: ReferenceData = DEFAULT_REFERENCE_DATA;

  current(): ReferenceData {
    return this.data;
  }

  replace(data: ReferenceData): void {
    this.data = data;
  }
}
