import type { BusinessDate } from '../shared/business-date';
import type { AdvanceCap, ReferenceData } from './reference-data';

/**
 * The advance cap the Center recorded as in force on `date` (the latest `effectiveFrom` on or
 * before it); undefined where it recorded none, and the ADVANCE_CAP_PERCENT setting applies.
 */
export function advanceCapOn(reference: ReferenceData, date: BusinessDate): AdvanceCap | undefined {
  let found: AdvanceCap | undefined;
  for (const cap of reference.advanceCaps ?? [])
    if (cap.effectiveFrom <= date && (!found || cap.effectiveFrom > found.effectiveFrom))
      found = cap;
  return found;
}
