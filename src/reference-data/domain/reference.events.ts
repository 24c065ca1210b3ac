import type {
  EndCatalogueEntry,
  EndUnit,
  EstablishUnit,
  LoadReferenceData,
  RecordCatalogueEntry,
  RecordNormSet,
  SetAdvanceCap,
} from './reference.commands';
import type { SupportNorm } from '../reference-data';

/**
 * Events of the reference data, past tense; each records its command's data, so the two
 * cannot drift apart, plus what the decision worked out (norms carried over).
 */

export type ReferenceDataLoaded = Readonly<{
  type: 'ReferenceDataLoaded';
  data: LoadReferenceData['data'];
}>;

export type UnitEstablished = Readonly<{ type: 'UnitEstablished'; data: EstablishUnit['data'] }>;

export type UnitEnded = Readonly<{ type: 'UnitEnded'; data: EndUnit['data'] }>;

export type CatalogueEntryRecorded = Readonly<{
  type: 'CatalogueEntryRecorded';
  data: RecordCatalogueEntry['data'];
}>;

export type CatalogueEntryEnded = Readonly<{
  type: 'CatalogueEntryEnded';
  data: EndCatalogueEntry['data'];
}>;

export type NormSetRecorded = Readonly<{
  type: 'NormSetRecorded';
  data: Omit<RecordNormSet['data'], 'norms'> & {
    /** Every norm of the set, as it will be judged by: named ones and those carried over. */
    readonly norms: Readonly<Record<string, SupportNorm>>;
    /** The activity types whose norms came from the set in force before (`carriedFrom`). */
    readonly carried: readonly string[];
    readonly carriedFrom: string | null;
    /** The types still without a shipped figure, carried from that set and not named here. */
    readonly unset: Readonly<Record<string, string>>;
  };
}>;

export type AdvanceCapSet = Readonly<{ type: 'AdvanceCapSet'; data: SetAdvanceCap['data'] }>;

export type ReferenceEvent =
  | ReferenceDataLoaded
  | UnitEstablished
  | UnitEnded
  | CatalogueEntryRecorded
  | CatalogueEntryEnded
  | NormSetRecorded
  | AdvanceCapSet;

export type ReferenceEventType = ReferenceEvent['type'];
