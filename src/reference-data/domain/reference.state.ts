import { addDays } from '../../shared/business-date';
import { unknownEventLeaves } from '../../shared/decider';
import type { AdministrativeUnit } from '../administrative-units';
import { catalogueOf, type Catalogue, type CatalogueEntry } from '../catalogues';
import type { LegalBasis, NormSet, ReferenceData } from '../reference-data';
import type {
  CatalogueEntryEnded,
  CatalogueEntryRecorded,
  ReferenceEvent,
  UnitEnded,
  UnitEstablished,
} from './reference.events';

export type NoReferenceData = Readonly<{ status: 'none' }>;

/** The reference data in force: the first version with every change since applied. */
export type ReferenceDataInForce = Readonly<{
  status: 'in_force';
  reference: ReferenceData;
  /** Changes recorded after the first version. */
  changes: number;
}>;

export type ReferenceState = NoReferenceData | ReferenceDataInForce;

export const initialReferenceState = (): ReferenceState => ({ status: 'none' });

/** How a decision is cited where the data keeps one text (a norm set's `legalBasis`). */
export const citationOf = (basis: LegalBasis): string =>
  basis.title ? `${basis.title} ${basis.document}` : basis.document;

export function evolveReference(state: ReferenceState, event: ReferenceEvent): ReferenceState {
  if (event.type === 'ReferenceDataLoaded')
    return { status: 'in_force', reference: event.data.reference, changes: 0 };
  // Changes only ever follow a first version; anything else is ignored, not invented.
  if (state.status !== 'in_force') return state;
  const changed = (reference: ReferenceData): ReferenceState => ({
    ...state,
    reference,
    changes: state.changes + 1,
  });
  const { reference } = state;
  switch (event.type) {
    case 'UnitEstablished':
      return changed({ ...reference, units: [...(reference.units ?? []), establishedUnit(event)] });
    case 'UnitEnded':
      return changed({ ...reference, units: endedUnits(reference.units ?? [], event) });
    case 'CatalogueEntryRecorded':
    case 'CatalogueEntryEnded':
      return changed(
        withCatalogue(reference, event.data.catalogue, changedEntries(reference, event)),
      );
    case 'NormSetRecorded': {
      const { id, effectiveFrom, basis, scope, norms, unset } = event.data;
      const set: NormSet = {
        id,
        effectiveFrom,
        legalBasis: citationOf(basis),
        basis,
        scope,
        norms,
        ...(Object.keys(unset).length > 0 && { unset }),
      };
      return changed({ ...reference, normSets: [...(reference.normSets ?? []), set] });
    }
    case 'AdvanceCapSet':
      return changed({ ...reference, advanceCaps: [...(reference.advanceCaps ?? []), event.data] });
    default:
      return unknownEventLeaves(event, state);
  }
}

function establishedUnit({ data }: UnitEstablished): AdministrativeUnit {
  return {
    code: data.code,
    name: data.name,
    level: data.level,
    kind: data.kind,
    ...(data.parent !== undefined && { parent: data.parent }),
    ...(data.email !== undefined && { email: data.email }),
    validFrom: data.effectiveFrom,
    successors: [],
    source: citationOf(data.basis),
    verified: true,
  };
}

/** The unit `code` in force the day before `effectiveFrom` ends that day. */
function endedUnits(units: readonly AdministrativeUnit[], { data }: UnitEnded) {
  const lastDay = addDays(data.effectiveFrom, -1);
  return units.map((unit) =>
    unit.code === data.code && unitOpenOn(unit, lastDay)
      ? { ...unit, validTo: lastDay, successors: data.successors }
      : unit,
  );
}

/** In force on `date` and not yet ended. */
export const unitOpenOn = (unit: AdministrativeUnit, date: string): boolean =>
  (unit.validFrom === undefined || unit.validFrom <= date) && unit.validTo === undefined;

function changedEntries(
  reference: ReferenceData,
  event: CatalogueEntryRecorded | CatalogueEntryEnded,
): Record<string, CatalogueEntry> {
  const entries = { ...catalogueOf(reference, event.data.catalogue) };
  const { code, effectiveFrom } = event.data;
  const known = Object.hasOwn(entries, code) ? entries[code] : undefined;
  if (event.type === 'CatalogueEntryEnded') {
    if (known) entries[code] = { ...known, validTo: addDays(effectiveFrom, -1) };
    return entries;
  }
  const { name, unit } = event.data;
  const named = unit === undefined ? { name } : { name, unit };
  if (!known) {
    entries[code] = { ...named, validFrom: effectiveFrom } as CatalogueEntry;
    return entries;
  }
  // Renamed: the name it had is kept, in force until the day before.
  const before = {
    name: known.name,
    ...('unit' in known && { unit: known.unit }),
    until: addDays(effectiveFrom, -1),
  };
  entries[code] = {
    ...known,
    ...named,
    earlier: [...(known.earlier ?? []), before],
  } as CatalogueEntry;
  return entries;
}

function withCatalogue(
  reference: ReferenceData,
  catalogue: Catalogue,
  entries: Record<string, CatalogueEntry>,
): ReferenceData {
  switch (catalogue) {
    case 'activity_types':
      return { ...reference, activityTypes: entries };
    case 'indicators':
      return { ...reference, indicators: entries as ReferenceData['indicators'] };
    case 'funding_sources':
      return { ...reference, fundingSources: entries };
  }
}
