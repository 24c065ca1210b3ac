import { replay } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { advanceCapOn } from '../advance-caps';
import { catalogueOn } from '../catalogues';
import { DEFAULT_REFERENCE_DATA } from '../default-reference-data';
import { normSetOn, supportNormOn } from '../norm-sets';
import { unitRegistryOf } from '../registering-units';
import type { ReferenceCommand } from './reference.commands';
import { referenceDecider } from './reference.decider';
import type { ReferenceEvent } from './reference.events';
import type { ReferenceState } from './reference.state';

const today = '2026-12-04';
const basis = { document: '22/2023/QĐ-UBND', date: '2023-05-19', title: 'Quyết định' };
const loaded: ReferenceEvent = {
  type: 'ReferenceDataLoaded',
  data: { reference: DEFAULT_REFERENCE_DATA, source: 'shipped' },
};

/** The events of `commands` decided one after the other from the first version. */
function history(...commands: ReferenceCommand[]): ReferenceEvent[] {
  const events: ReferenceEvent[] = [loaded];
  for (const command of commands)
    events.push(...referenceDecider.decide(command, replay(referenceDecider, events), { today }));
  return events;
}

const stateOf = (events: ReferenceEvent[]) => replay(referenceDecider, events);
const referenceOf = (state: ReferenceState) => {
  if (state.status !== 'in_force') throw new Error('no reference data');
  return state.reference;
};

function refusal(events: ReferenceEvent[], command: ReferenceCommand): DomainError {
  try {
    referenceDecider.decide(command, stateOf(events), { today });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the command was not refused');
}

const advanceCap = (percent: number, effectiveFrom: string): ReferenceCommand => ({
  type: 'SetAdvanceCap',
  data: { percent, effectiveFrom, basis },
});

describe('the first version', () => {
  it('is loaded into an empty stream, once', () => {
    const events = referenceDecider.decide(
      { type: 'LoadReferenceData', data: loaded.data },
      stateOf([]),
      { today },
    );
    expect(events).toEqual([loaded]);
    expect(refusal([loaded], { type: 'LoadReferenceData', data: loaded.data })).toMatchObject({
      code: 'reference_data_loaded',
      kind: 'invalid_state',
    });
  });

  it('comes before any change', () => {
    expect(refusal([], advanceCap(60, '2027-01-01'))).toMatchObject({
      code: 'reference_data_not_loaded',
    });
  });
});

describe('every change rests on a decision', () => {
  it('refuses a change without a basis, or with one signed after today', () => {
    const noBasis = { type: 'SetAdvanceCap', data: { percent: 60, effectiveFrom: '2027-01-01' } };
    expect(refusal([loaded], noBasis as unknown as ReferenceCommand)).toMatchObject({
      code: 'legal_basis_required',
      field: 'basis',
    });
    const future = {
      type: 'SetAdvanceCap' as const,
      data: {
        percent: 60,
        effectiveFrom: '2027-01-01',
        basis: { document: '1/QĐ', date: '2026-12-05' },
      },
    };
    expect(refusal([loaded], future)).toMatchObject({
      code: 'legal_basis_in_future',
      field: 'basis.date',
    });
  });
});

describe('units over time', () => {
  const establish = (code: string, effectiveFrom: string, parent = '75'): ReferenceCommand => ({
    type: 'EstablishUnit',
    data: {
      code,
      name: `Xã ${code}`,
      level: 'commune',
      kind: 'commune',
      parent,
      effectiveFrom,
      basis,
    },
  });

  it('a unit established from a date is in force from that date only', () => {
    const registry = unitRegistryOf(
      referenceOf(stateOf(history(establish('99001', '2027-01-01')))),
    );
    expect(registry.on('99001', '2026-12-31')).toBeUndefined();
    expect(registry.on('99001', '2027-01-01')).toMatchObject({
      name: 'Xã 99001',
      validFrom: '2027-01-01',
      source: 'Quyết định 22/2023/QĐ-UBND',
      verified: true,
    });
  });

  it('a unit ended is in force until the day before, with its successors', () => {
    const events = history(establish('99001', '2027-01-01'), {
      type: 'EndUnit',
      data: { code: '99001', successors: ['26068'], effectiveFrom: '2028-01-01', basis },
    });
    const registry = unitRegistryOf(referenceOf(stateOf(events)));
    expect(registry.on('99001', '2027-12-31')).toMatchObject({
      validTo: '2027-12-31',
      successors: ['26068'],
    });
    expect(registry.on('99001', '2028-01-01')).toBeUndefined();
    expect(registry.rollUp('99001', '2027-06-01', '2028-06-01')).toEqual({
      code: '26068',
      rolledUp: true,
      split: false,
    });
  });

  it('refuses a code in use, an unknown parent, a unit not in force, a successor that is not', () => {
    expect(refusal([loaded], establish('26068', '2026-01-01'))).toMatchObject({
      code: 'unit_code_in_use',
      field: 'code',
    });
    expect(refusal([loaded], establish('99001', '2026-01-01', '731'))).toMatchObject({
      code: 'unknown_parent',
    });
    const end = (code: string, successors: string[]): ReferenceCommand => ({
      type: 'EndUnit',
      data: { code, successors, effectiveFrom: '2027-01-01', basis },
    });
    expect(refusal([loaded], end('731', []))).toMatchObject({ code: 'unit_not_in_force' });
    expect(refusal([loaded], end('26068', ['731']))).toMatchObject({
      code: 'unknown_successor',
      field: 'successors',
    });
    // A province cannot end while its communes still stand under it.
    expect(refusal([loaded], end('75', []))).toMatchObject({ code: 'unit_has_units' });
  });
});

describe('catalogues over time', () => {
  const rename: ReferenceCommand = {
    type: 'RecordCatalogueEntry',
    data: {
      catalogue: 'activity_types',
      code: 'training',
      change: 'rename',
      name: 'Đào tạo nghề, truyền nghề',
      effectiveFrom: '2027-01-01',
      basis,
    },
  };

  it('a rename keeps the earlier name before its date', () => {
    const reference = referenceOf(stateOf(history(rename)));
    const nameOn = (date: string) =>
      catalogueOn(reference, 'activity_types', date).find((e) => e.code === 'training')?.name;
    expect(nameOn('2026-12-31')).toBe('Đào tạo nghề, khởi sự doanh nghiệp, quản lý');
    expect(nameOn('2027-01-01')).toBe('Đào tạo nghề, truyền nghề');
  });

  it('a second change must come after the present name took effect', () => {
    expect(refusal(history(rename), rename)).toMatchObject({
      code: 'change_before_latest',
      field: 'effectiveFrom',
    });
  });

  it('an ended entry is gone from its date, and cannot be renamed', () => {
    const events = history({
      type: 'EndCatalogueEntry',
      data: { catalogue: 'funding_sources', code: 'national', effectiveFrom: '2027-01-01', basis },
    });
    const reference = referenceOf(stateOf(events));
    expect(catalogueOn(reference, 'funding_sources', '2026-12-31').map((e) => e.code)).toEqual([
      'local',
      'national',
    ]);
    expect(catalogueOn(reference, 'funding_sources', '2027-01-01').map((e) => e.code)).toEqual([
      'local',
    ]);
    const renamed: ReferenceCommand = {
      type: 'RecordCatalogueEntry',
      data: {
        catalogue: 'funding_sources',
        code: 'national',
        change: 'rename',
        name: 'Khác',
        effectiveFrom: '2028-01-01',
        basis,
      },
    };
    expect(refusal(events, renamed)).toMatchObject({ code: 'entry_ended' });
  });

  it('an indicator needs its unit of count; a new entry needs a new code', () => {
    const indicator = (code: string, unit?: string): ReferenceCommand => ({
      type: 'RecordCatalogueEntry',
      data: {
        catalogue: 'indicators',
        code,
        change: 'new',
        name: 'Cơ sở chuyển đổi số',
        ...(unit !== undefined && { unit }),
        effectiveFrom: '2027-01-01',
        basis,
      },
    });
    expect(refusal([loaded], indicator('digital_firms'))).toMatchObject({ field: 'unit' });
    expect(refusal([loaded], indicator('trainees', 'học viên'))).toMatchObject({
      code: 'entry_exists',
    });
  });
});

describe('norm sets and the advance cap over time', () => {
  const provincial: ReferenceCommand = {
    type: 'RecordNormSet',
    data: {
      id: 'DN-22-2023',
      scope: 'provincial',
      norms: { machinery: { percent: 50, maxVnd: 100_000_000, per: 'cơ sở' } },
      carryOver: true,
      effectiveFrom: '2023-05-29',
      basis,
    },
  };

  it('a provincial set judges from its date, carrying over the norms it does not name', () => {
    const events = history(provincial);
    expect(events.at(-1)).toMatchObject({
      type: 'NormSetRecorded',
      data: { carriedFrom: 'TT-28-2018', carried: expect.arrayContaining(['demonstration_model']) },
    });
    const reference = referenceOf(stateOf(events));
    expect(supportNormOn(reference, 'machinery', '2023-05-28')?.set.id).toBe('TT-28-2018');
    expect(supportNormOn(reference, 'machinery', '2023-05-29')).toMatchObject({
      set: { id: 'DN-22-2023', legalBasis: 'Quyết định 22/2023/QĐ-UBND', scope: 'provincial' },
      norm: { maxVnd: 100_000_000 },
    });
    expect(supportNormOn(reference, 'demonstration_model', '2023-06-01')?.norm).toEqual(
      supportNormOn(reference, 'demonstration_model', '2023-05-01')?.norm,
    );
  });

  it('carries what the Center still has to set, less what it now sets', () => {
    const events = history({
      ...provincial,
      data: {
        ...provincial.data,
        norms: { consulting: { percent: 50, maxVnd: 50_000_000 } },
      },
    });
    const unset = normSetOn(referenceOf(stateOf(events)), '2024-01-01')?.unset ?? {};
    expect(Object.keys(unset).sort()).toEqual([
      'brand_registration',
      'cluster_planning',
      'environmental_treatment',
    ]);
  });

  it('without carry-over, only the norms it names are in force', () => {
    const events = history({ ...provincial, data: { ...provincial.data, carryOver: false } });
    expect(normSetOn(referenceOf(stateOf(events)), '2024-01-01')?.norms).toEqual({
      machinery: { percent: 50, maxVnd: 100_000_000, per: 'cơ sở' },
    });
  });

  it('refuses a second set on one day, an unknown activity type, a percent above 100', () => {
    expect(
      refusal(history(provincial), { ...provincial, data: { ...provincial.data, id: 'OTHER' } }),
    ).toMatchObject({ code: 'norm_set_date_taken' });
    const norms = (n: object) => ({ ...provincial, data: { ...provincial.data, norms: n } });
    expect(
      refusal([loaded], norms({ nothing: { percent: 1, maxVnd: 1 } }) as ReferenceCommand),
    ).toMatchObject({
      code: 'unknown_activity_type',
      field: 'norms.nothing',
    });
    expect(
      refusal([loaded], norms({ machinery: { percent: 101, maxVnd: 1 } }) as ReferenceCommand),
    ).toMatchObject({ field: 'norms.machinery.percent' });
  });

  it('the advance cap in force is the latest on or before the day', () => {
    const reference = referenceOf(
      stateOf(history(advanceCap(50, '2024-05-01'), advanceCap(60, '2026-01-01'))),
    );
    expect(advanceCapOn(reference, '2024-04-30')).toBeUndefined();
    expect(advanceCapOn(reference, '2025-12-31')?.percent).toBe(50);
    expect(advanceCapOn(reference, '2026-01-01')?.percent).toBe(60);
  });
});
