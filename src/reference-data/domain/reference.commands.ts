import type { BusinessDate } from '../../shared/business-date';
import type { UnitKind, UnitLevel } from '../administrative-units';
import type { Catalogue } from '../catalogues';
import type { LegalBasis, ReferenceData, SupportNorm } from '../reference-data';

/**
 * Changes to the reference data, one stream for the Center (`reference-data-<province>`). Every
 * change but the first load takes effect on `effectiveFrom` and rests on a decision (`basis`):
 * what was in force before that day stays readable as it was.
 */

/** The first version: the shipped reference data, recorded once when the stream is empty. */
export type LoadReferenceData = Readonly<{
  type: 'LoadReferenceData';
  data: { readonly reference: ReferenceData; readonly source: string };
}>;

/** A unit comes into being on `effectiveFrom` (a new commune, a renamed ward under a new code). */
export type EstablishUnit = Readonly<{
  type: 'EstablishUnit';
  data: {
    readonly code: string;
    readonly name: string;
    readonly level: UnitLevel;
    readonly kind: UnitKind;
    readonly parent?: string;
    readonly email?: string;
    readonly effectiveFrom: BusinessDate;
    readonly basis: LegalBasis;
  };
}>;

/**
 * A unit ends: `effectiveFrom` is the first day it no longer exists, and its territory went
 * to `successors` (units in force that day).
 */
export type EndUnit = Readonly<{
  type: 'EndUnit';
  data: {
    readonly code: string;
    readonly successors: readonly string[];
    readonly effectiveFrom: BusinessDate;
    readonly basis: LegalBasis;
  };
}>;

/** An activity type, indicator or funding source begins, or is renamed, on `effectiveFrom`. */
export type RecordCatalogueEntry = Readonly<{
  type: 'RecordCatalogueEntry';
  data: {
    readonly catalogue: Catalogue;
    readonly code: string;
    /** A new entry, or a new name (and unit of count) for a known one. */
    readonly change: 'new' | 'rename';
    readonly name: string;
    /** The unit of count, for an indicator. */
    readonly unit?: string;
    readonly effectiveFrom: BusinessDate;
    readonly basis: LegalBasis;
  };
}>;

/** An entry of a catalogue is no longer in force from `effectiveFrom`. */
export type EndCatalogueEntry = Readonly<{
  type: 'EndCatalogueEntry';
  data: {
    readonly catalogue: Catalogue;
    readonly code: string;
    readonly effectiveFrom: BusinessDate;
    readonly basis: LegalBasis;
  };
}>;

/**
 * A set of support norms in force from `effectiveFrom`: the Ministry's, or the province's own
 * levels. With `carryOver`, the norms of the set in force that day that it does not name are
 * carried into it, and the event lists which.
 */
export type RecordNormSet = Readonly<{
  type: 'RecordNormSet';
  data: {
    readonly id: string;
    readonly scope: 'national' | 'provincial';
    readonly norms: Readonly<Record<string, SupportNorm>>;
    readonly carryOver: boolean;
    readonly effectiveFrom: BusinessDate;
    readonly basis: LegalBasis;
  };
}>;

/** The share of the approved funding advances may reach, from `effectiveFrom`. */
export type SetAdvanceCap = Readonly<{
  type: 'SetAdvanceCap';
  data: {
    readonly percent: number;
    readonly effectiveFrom: BusinessDate;
    readonly basis: LegalBasis;
  };
}>;

export type ReferenceCommand =
  | LoadReferenceData
  | EstablishUnit
  | EndUnit
  | RecordCatalogueEntry
  | EndCatalogueEntry
  | RecordNormSet
  | SetAdvanceCap;
