import {
  isInForce,
  UnitRegistry,
  unitListProblems,
  type AdministrativeUnit,
} from './administrative-units';

const unit = (
  code: string,
  fields: Partial<AdministrativeUnit> & Pick<AdministrativeUnit, 'level' | 'kind'>,
): AdministrativeUnit => ({
  code,
  name: `Đơn vị ${code}`,
  successors: [],
  source: 'test',
  verified: true,
  ...fields,
});

const ENDED = { validTo: '2025-06-30' };
const BEGAN = { validFrom: '2025-07-01' };
/**
 * A made-up province: district A went whole to commune X; district B was split into Y and Z;
 * commune C1 merged into the new commune C1 (which kept its code), then became a ward in 2026.
 */
const UNITS = [
  unit('P', { level: 'province', kind: 'province' }),
  unit('A', {
    level: 'district',
    kind: 'rural_district',
    parent: 'P',
    ...ENDED,
    successors: ['X'],
  }),
  unit('B', { level: 'district', kind: 'town', parent: 'P', ...ENDED, successors: ['Y', 'Z'] }),
  unit('C1', {
    name: 'Xã Cũ',
    level: 'commune',
    kind: 'commune',
    parent: 'A',
    ...ENDED,
    successors: ['C1'],
  }),
  unit('X', { level: 'commune', kind: 'commune', parent: 'P', ...BEGAN }),
  unit('Y', { level: 'commune', kind: 'ward', parent: 'P', ...BEGAN }),
  unit('Z', { level: 'commune', kind: 'commune', parent: 'P', ...BEGAN }),
  unit('C1', {
    name: 'Xã Mới',
    level: 'commune',
    kind: 'commune',
    parent: 'P',
    ...BEGAN,
    validTo: '2026-04-29',
    successors: ['C1'],
  }),
  unit('C1', {
    name: 'Phường Mới',
    level: 'commune',
    kind: 'ward',
    parent: 'P',
    validFrom: '2026-04-30',
  }),
];
const registry = new UnitRegistry(UNITS);
const codes = (units: readonly AdministrativeUnit[]) => units.map((u) => u.code);

describe('administrative units over time', () => {
  it('are in force from their first day to their last, both included', () => {
    const a = registry.on('A', '2025-06-30') as AdministrativeUnit;
    const x = registry.on('X', '2025-07-01') as AdministrativeUnit;
    expect([isInForce(a, '2025-06-30'), isInForce(a, '2025-07-01')]).toEqual([true, false]);
    expect([isInForce(x, '2025-06-30'), isInForce(x, '2025-07-01')]).toEqual([false, true]);
  });

  it('read as of two dates give the two maps', () => {
    expect(codes(registry.asOf('2023-05-19'))).toEqual(['P', 'A', 'B', 'C1']);
    expect(codes(registry.asOf('2026-01-01'))).toEqual(['P', 'X', 'Y', 'Z', 'C1']);
  });

  it('name by one code the unit in force on the day asked about', () => {
    expect(
      ['2025-06-30', '2025-07-01', '2026-04-30'].map((d) => registry.on('C1', d)?.name),
    ).toEqual(['Xã Cũ', 'Xã Mới', 'Phường Mới']);
    expect(registry.on('A', '2026-01-01')).toBeUndefined();
  });

  describe('rolled up to the units of a date', () => {
    it.each([
      ['go to their one successor', 'A', '2024-03-01', { code: 'X', rolledUp: true, split: false }],
      [
        'stay themselves, marked split, when their territory went to several units',
        'B',
        '2024-03-01',
        { code: 'B', rolledUp: false, split: true },
      ],
      [
        'stay themselves on a date they are in force',
        'X',
        '2025-08-01',
        { code: 'X', rolledUp: false, split: false },
      ],
      [
        'follow a code through its later units',
        'C1',
        '2024-03-01',
        { code: 'C1', rolledUp: false, split: false },
      ],
      [
        'leave an unknown code as it is',
        'bien-hoa',
        '2024-03-01',
        { code: 'bien-hoa', rolledUp: false, split: false },
      ],
    ])('%s', (_case, code, recordedOn, expected) => {
      expect(registry.rollUp(code, recordedOn, '2026-05-01')).toEqual(expected);
    });

    it('stay as they were on a date before they ended', () => {
      expect(registry.rollUp('A', '2024-03-01', '2024-12-31')).toEqual({
        code: 'A',
        rolledUp: false,
        split: false,
      });
    });
  });

  describe('a list is refused', () => {
    it.each<[string, AdministrativeUnit[], { code: string; field: string }]>([
      [
        'with two units of one code in force on one day',
        [...UNITS, unit('X', { level: 'commune', kind: 'commune', validFrom: '2026-01-01' })],
        { code: 'X', field: 'code' },
      ],
      [
        'with an unknown parent',
        [...UNITS, unit('Q', { level: 'commune', kind: 'commune', parent: 'N' })],
        { code: 'Q', field: 'parent' },
      ],
      [
        'with an unknown successor',
        [unit('A', { level: 'district', kind: 'town', ...ENDED, successors: ['N'] })],
        { code: 'A', field: 'successors' },
      ],
      [
        'with a unit that ends before it begins',
        [unit('A', { level: 'district', kind: 'town', validFrom: '2025-07-01', ...ENDED })],
        { code: 'A', field: 'validTo' },
      ],
      [
        'with successors of a unit still in force',
        [unit('A', { level: 'district', kind: 'town', successors: ['A'] })],
        { code: 'A', field: 'successors' },
      ],
      [
        'with a successor not in force the day after',
        [
          unit('A', { level: 'district', kind: 'town', ...ENDED, successors: ['X'] }),
          unit('X', { level: 'commune', kind: 'commune', validFrom: '2025-08-01' }),
        ],
        { code: 'A', field: 'successors' },
      ],
      [
        'with a date that is no date',
        [unit('A', { level: 'district', kind: 'town', validFrom: '2025-02-30' })],
        { code: 'A', field: 'validFrom' },
      ],
      [
        'with an unknown level',
        [unit('A', { level: 'hamlet' as never, kind: 'town' })],
        { code: 'A', field: 'level' },
      ],
    ])('%s', (_case, units, problem) => {
      expect(unitListProblems(units)).toEqual([expect.objectContaining(problem)]);
    });

    it('not when it is sound', () => {
      expect(unitListProblems(UNITS)).toEqual([]);
    });
  });
});
