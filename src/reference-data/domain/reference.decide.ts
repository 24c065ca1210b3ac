import { addDays, isBusinessDate, type BusinessDate } from '../../shared/business-date';
import { assertNever } from '../../shared/decider';
import { invalidState, ruleBroken } from '../../shared/domain-error';
import { isVnd } from '../../shared/vnd';
import {
  UNIT_KINDS,
  UNIT_LEVELS,
  UnitRegistry,
  unitListProblems,
  type AdministrativeUnit,
} from '../administrative-units';
import { CATALOGUES, catalogueOf, type Catalogue } from '../catalogues';
import { normSetOn } from '../norm-sets';
import type { LegalBasis, ReferenceData, SupportNorm } from '../reference-data';
import type {
  EndCatalogueEntry,
  EndUnit,
  EstablishUnit,
  RecordCatalogueEntry,
  RecordNormSet,
  ReferenceCommand,
  SetAdvanceCap,
} from './reference.commands';
import type { ReferenceEvent } from './reference.events';
import { evolveReference, unitOpenOn, type ReferenceState } from './reference.state';

/** What a change of reference data is decided against. Roles are checked over HTTP (admin, Center). */
export interface ReferenceContext {
  /** Today's business date in Asia/Ho_Chi_Minh. */
  readonly today: BusinessDate;
}

const UNIT_CODE = /^[0-9A-Za-z_-]{1,16}$/;
const ENTRY_CODE = /^[a-z][a-z0-9_]{0,63}$/;
const SET_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function decideReference(
  command: ReferenceCommand,
  state: ReferenceState,
  context: ReferenceContext,
): ReferenceEvent[] {
  if (command.type === 'LoadReferenceData') {
    if (state.status !== 'none')
      throw invalidState('reference_data_loaded', 'The first version was loaded already');
    return [{ type: 'ReferenceDataLoaded', data: command.data }];
  }
  if (state.status !== 'in_force')
    throw invalidState('reference_data_not_loaded', 'No reference data is recorded yet');
  const { reference } = state;
  requireDate(command.data.effectiveFrom, 'effectiveFrom');
  requireBasis(command.data.basis, context.today);
  switch (command.type) {
    case 'EstablishUnit':
      return checkedUnits(state, [
        { type: 'UnitEstablished', data: establishing(command, reference) },
      ]);
    case 'EndUnit':
      return checkedUnits(state, [{ type: 'UnitEnded', data: ending(command, reference) }]);
    case 'RecordCatalogueEntry':
      return [recordingEntry(command, reference)];
    case 'EndCatalogueEntry':
      return [{ type: 'CatalogueEntryEnded', data: endingEntry(command, reference) }];
    case 'RecordNormSet':
      return [recordingNormSet(command, reference)];
    case 'SetAdvanceCap':
      return [{ type: 'AdvanceCapSet', data: settingAdvanceCap(command, reference) }];
    default:
      return assertNever(command, 'reference command');
  }
}

function requireDate(value: unknown, field: string): BusinessDate {
  if (!isBusinessDate(value))
    throw ruleBroken('invalid_date', `${field} must be YYYY-MM-DD`, field);
  return value;
}

function requireText(value: unknown, field: string, max = 300): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' || text.length > max)
    throw ruleBroken('invalid_text', `${field} must be a text of 1 to ${max} characters`, field);
  return text;
}

/** Every change cites a decision that exists: signed on a real day, not after today. */
function requireBasis(basis: LegalBasis | undefined, today: BusinessDate): void {
  if (typeof basis !== 'object' || basis === null)
    throw ruleBroken('legal_basis_required', 'a change needs its legal basis', 'basis');
  requireText(basis.document, 'basis.document', 100);
  requireDate(basis.date, 'basis.date');
  if (basis.date > today)
    throw ruleBroken(
      'legal_basis_in_future',
      `the decision of ${basis.date} is not signed yet`,
      'basis.date',
    );
  if (basis.title !== undefined) requireText(basis.title, 'basis.title');
}

/** The units after the change must still be sound (one unit per code a day, successors in force). */
function checkedUnits(state: ReferenceState, events: ReferenceEvent[]): ReferenceEvent[] {
  const after = events.reduce(evolveReference, state);
  const units = after.status === 'in_force' ? (after.reference.units ?? []) : [];
  const [problem] = unitListProblems(units);
  if (problem)
    throw ruleBroken(
      'unsound_units',
      `${problem.code} ${problem.field}: ${problem.problem}`,
      problem.field,
    );
  return events;
}

function establishing({ data }: EstablishUnit, reference: ReferenceData): EstablishUnit['data'] {
  if (typeof data.code !== 'string' || !UNIT_CODE.test(data.code))
    throw ruleBroken('invalid_code', 'a unit code is 1 to 16 letters, digits, - or _', 'code');
  const name = requireText(data.name, 'name');
  if (!UNIT_LEVELS.includes(data.level)) throw ruleBroken('invalid_level', 'not a level', 'level');
  if (!UNIT_KINDS.includes(data.kind)) throw ruleBroken('invalid_kind', 'not a kind', 'kind');
  const registry = new UnitRegistry(reference.units ?? []);
  const taken = registry
    .everyWith(data.code)
    .find((unit) => unit.validTo === undefined || unit.validTo >= data.effectiveFrom);
  if (taken)
    throw ruleBroken(
      'unit_code_in_use',
      `${data.code} is ${taken.name} on ${data.effectiveFrom} or later; end it first`,
      'code',
    );
  if (data.level === 'province' ? data.parent !== undefined : data.parent === undefined)
    throw ruleBroken('invalid_parent', 'every unit but a province stands under a parent', 'parent');
  if (data.parent !== undefined) {
    const parent = registry.on(data.parent, data.effectiveFrom);
    if (!parent)
      throw ruleBroken(
        'unknown_parent',
        `no unit ${data.parent} on ${data.effectiveFrom}`,
        'parent',
      );
    if (UNIT_LEVELS.indexOf(parent.level) >= UNIT_LEVELS.indexOf(data.level))
      throw ruleBroken(
        'invalid_parent',
        `${parent.name} does not stand above a ${data.level}`,
        'parent',
      );
  }
  if (data.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(data.email))
    throw ruleBroken('invalid_email', 'not an e-mail address', 'email');
  return { ...data, name };
}

function ending({ data }: EndUnit, reference: ReferenceData): EndUnit['data'] {
  const lastDay = addDays(data.effectiveFrom, -1);
  const units = reference.units ?? [];
  const unit = units.find((u) => u.code === data.code && unitOpenOn(u, lastDay));
  if (!unit)
    throw ruleBroken(
      'unit_not_in_force',
      `no unit ${String(data.code)} in force on ${lastDay}`,
      'code',
    );
  if (!Array.isArray(data.successors) || new Set(data.successors).size !== data.successors.length)
    throw ruleBroken(
      'invalid_successors',
      'successors is a list of distinct unit codes',
      'successors',
    );
  const registry = new UnitRegistry(units);
  for (const code of data.successors)
    if (!registry.on(code, data.effectiveFrom))
      throw ruleBroken(
        'unknown_successor',
        `no unit ${code} on ${data.effectiveFrom}`,
        'successors',
      );
  const under = units.find(
    (u: AdministrativeUnit) => u.parent === unit.code && unitOpenOn(u, data.effectiveFrom),
  );
  if (under)
    throw ruleBroken(
      'unit_has_units',
      `${under.name} still stands under ${unit.name}: end it first`,
      'code',
    );
  return data;
}

function requireCatalogue(catalogue: unknown): Catalogue {
  if (!CATALOGUES.includes(catalogue as Catalogue))
    throw ruleBroken('invalid_catalogue', `one of ${CATALOGUES.join(', ')}`, 'catalogue');
  return catalogue as Catalogue;
}

/** The first day of the entry's latest name: a change must come after it. */
function latestStart(entry: { validFrom?: string; earlier?: readonly { until: string }[] }) {
  const lastRename = entry.earlier?.at(-1)?.until;
  return lastRename ? addDays(lastRename, 1) : entry.validFrom;
}

function recordingEntry({ data }: RecordCatalogueEntry, reference: ReferenceData): ReferenceEvent {
  const catalogue = requireCatalogue(data.catalogue);
  if (typeof data.code !== 'string' || !ENTRY_CODE.test(data.code))
    throw ruleBroken('invalid_code', 'a code is lower-case letters, digits and _', 'code');
  const name = requireText(data.name, 'name');
  const unit = catalogue === 'indicators' ? requireText(data.unit, 'unit', 50) : undefined;
  if (catalogue !== 'indicators' && data.unit !== undefined)
    throw ruleBroken('unexpected_field', 'only an indicator has a unit of count', 'unit');
  const entries = catalogueOf(reference, catalogue);
  const known = Object.hasOwn(entries, data.code) ? entries[data.code] : undefined;
  if (data.change === 'new' && known)
    throw ruleBroken('entry_exists', `${data.code} is in ${catalogue} already: rename it`, 'code');
  if (data.change !== 'new' && !known)
    throw ruleBroken('unknown_entry', `no ${data.code} in ${catalogue}`, 'code');
  if (known?.validTo !== undefined)
    throw ruleBroken('entry_ended', `${data.code} ended on ${known.validTo}`, 'code');
  const start = known && latestStart(known);
  if (start !== undefined && data.effectiveFrom <= start)
    throw ruleBroken(
      'change_before_latest',
      `${data.code} has its present name from ${start}; a change takes effect after it`,
      'effectiveFrom',
    );
  return {
    type: 'CatalogueEntryRecorded',
    data: { ...data, name, ...(unit !== undefined && { unit }) },
  };
}

function endingEntry(
  { data }: EndCatalogueEntry,
  reference: ReferenceData,
): EndCatalogueEntry['data'] {
  const entries = catalogueOf(reference, requireCatalogue(data.catalogue));
  const known = Object.hasOwn(entries, data.code) ? entries[data.code] : undefined;
  if (!known)
    throw ruleBroken('unknown_entry', `no ${String(data.code)} in ${data.catalogue}`, 'code');
  if (known.validTo !== undefined)
    throw ruleBroken('entry_ended', `${data.code} ended on ${known.validTo}`, 'code');
  const start = latestStart(known);
  if (start !== undefined && data.effectiveFrom <= start)
    throw ruleBroken(
      'change_before_latest',
      `${data.code} is in force from ${start}`,
      'effectiveFrom',
    );
  return data;
}

function requireNorm(norm: SupportNorm, field: string): SupportNorm {
  if (typeof norm !== 'object' || norm === null)
    throw ruleBroken('invalid_norm', 'a norm is { percent, maxVnd }', field);
  if (!Number.isInteger(norm.percent) || norm.percent < 0 || norm.percent > 100)
    throw ruleBroken('invalid_percent', 'a whole percent from 0 to 100', `${field}.percent`);
  if (!isVnd(norm.maxVnd))
    throw ruleBroken('invalid_amount', 'a whole, non-negative number of đồng', `${field}.maxVnd`);
  for (const text of ['per', 'clause', 'note'] as const)
    if (norm[text] !== undefined) requireText(norm[text], `${field}.${text}`, 500);
  return norm;
}

function recordingNormSet({ data }: RecordNormSet, reference: ReferenceData): ReferenceEvent {
  if (typeof data.id !== 'string' || !SET_ID.test(data.id))
    throw ruleBroken('invalid_code', 'a set id is 1 to 64 letters, digits, ., - or _', 'id');
  const sets = reference.normSets ?? [];
  if (sets.some((set) => set.id === data.id))
    throw ruleBroken('norm_set_exists', `a norm set ${data.id} is recorded already`, 'id');
  const sameDay = sets.find((set) => set.effectiveFrom === data.effectiveFrom);
  if (sameDay)
    throw ruleBroken(
      'norm_set_date_taken',
      `${sameDay.id} takes effect on ${data.effectiveFrom} already: one set a day`,
      'effectiveFrom',
    );
  if (data.scope !== 'national' && data.scope !== 'provincial')
    throw ruleBroken('invalid_scope', 'national or provincial', 'scope');
  if (typeof data.norms !== 'object' || data.norms === null || Array.isArray(data.norms))
    throw ruleBroken('invalid_norm', 'norms is an object by activity type', 'norms');
  for (const [type, norm] of Object.entries(data.norms)) {
    if (!Object.hasOwn(reference.activityTypes, type))
      throw ruleBroken(
        'unknown_activity_type',
        `${type} is not a known activity type`,
        `norms.${type}`,
      );
    requireNorm(norm, `norms.${type}`);
  }
  const before = data.carryOver ? normSetOn(reference, data.effectiveFrom) : undefined;
  const carried = Object.keys(before?.norms ?? {}).filter(
    (type) => !Object.hasOwn(data.norms, type),
  );
  const norms = {
    ...Object.fromEntries(carried.map((type) => [type, before!.norms[type]])),
    ...data.norms,
  };
  const unset = Object.fromEntries(
    Object.entries(before?.unset ?? {}).filter(([type]) => !Object.hasOwn(data.norms, type)),
  );
  return {
    type: 'NormSetRecorded',
    data: {
      ...data,
      norms,
      carried,
      carriedFrom: before && carried.length > 0 ? before.id : null,
      unset,
    },
  };
}

function settingAdvanceCap(
  { data }: SetAdvanceCap,
  reference: ReferenceData,
): SetAdvanceCap['data'] {
  if (!Number.isInteger(data.percent) || data.percent < 1 || data.percent > 100)
    throw ruleBroken('invalid_percent', 'a whole percent from 1 to 100', 'percent');
  if ((reference.advanceCaps ?? []).some((cap) => cap.effectiveFrom === data.effectiveFrom))
    throw ruleBroken(
      'advance_cap_date_taken',
      `an advance cap takes effect on ${data.effectiveFrom} already`,
      'effectiveFrom',
    );
  return data;
}
