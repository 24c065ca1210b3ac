import type { BusinessDate } from '../shared/business-date';
import type {
  ActivityType,
  Dated,
  FundingSource,
  Indicator,
  ReferenceData,
} from './reference-data';

/** The three catalogues the Center keeps besides units and norms, by their API names. */
export const CATALOGUES = ['activity_types', 'indicators', 'funding_sources'] as const;
export type Catalogue = (typeof CATALOGUES)[number];

export type CatalogueEntry = ActivityType | Indicator | FundingSource;

/** One entry as it stood on a date: its code and the name (and unit of count) it had then. */
export interface EntryOnDate {
  readonly code: string;
  readonly name: string;
  readonly unit?: string;
  readonly validFrom?: BusinessDate;
  readonly validTo?: BusinessDate;
}

export function catalogueOf(
  reference: ReferenceData,
  catalogue: Catalogue,
): Readonly<Record<string, CatalogueEntry>> {
  switch (catalogue) {
    case 'activity_types':
      return reference.activityTypes;
    case 'indicators':
      return reference.indicators;
    case 'funding_sources':
      return reference.fundingSources ?? {};
  }
}

export function isInForceOn(entry: Dated, date: BusinessDate): boolean {
  return (
    (entry.validFrom === undefined || entry.validFrom <= date) &&
    (entry.validTo === undefined || entry.validTo >= date)
  );
}

/** Whether the entry was in force on some day of `year` (a plan year's proposals may use it). */
export function isInForceIn(entry: Dated, year: number): boolean {
  return (
    (entry.validFrom === undefined || entry.validFrom <= `${year}-12-31`) &&
    (entry.validTo === undefined || entry.validTo >= `${year}-01-01`)
  );
}

/**
 * The code of an entry a proposal for the plan of `year` may name: known to the catalogue and
 * in force on some day of that year. Pure; the caller turns the answer into its own error.
 */
export function catalogueCheck(
  reference: ReferenceData,
  catalogue: Catalogue,
  code: unknown,
  year: number,
): 'ok' | 'unknown' | 'not_in_force' {
  const entries = catalogueOf(reference, catalogue);
  if (typeof code !== 'string' || !Object.hasOwn(entries, code)) return 'unknown';
  return isInForceIn(entries[code], year) ? 'ok' : 'not_in_force';
}

/** The entry `code` as it stood on `date`: undefined before it began or after it ended. */
export function entryOn(
  code: string,
  entry: CatalogueEntry,
  date: BusinessDate,
): EntryOnDate | undefined {
  if (!isInForceOn(entry, date)) return undefined;
  const earlier = (entry.earlier ?? []).find((version) => version.until >= date);
  const named: { readonly name: string; readonly unit?: string } = earlier ?? entry;
  return {
    code,
    name: named.name,
    ...(named.unit !== undefined && { unit: named.unit }),
    ...(entry.validFrom && { validFrom: entry.validFrom }),
    ...(entry.validTo && { validTo: entry.validTo }),
  };
}

/** The entries of a catalogue in force on `date`, in the catalogue's order. */
export function catalogueOn(
  reference: ReferenceData,
  catalogue: Catalogue,
  date: BusinessDate,
): EntryOnDate[] {
  return Object.entries(catalogueOf(reference, catalogue)).flatMap(([code, entry]) => {
    const found = entryOn(code, entry, date);
    return found ? [found] : [];
  });
}
