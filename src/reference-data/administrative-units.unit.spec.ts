import {
  isInForce,
  rollUp,
  unitListProblems,
  unitsAsOf,
  type AdministrativeUnit,
} from './administrative-units';

/** A made-up province: district A went whole to commune X; district B was split into Y and Z. */
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

const UNITS = [
  unit('P', { level: 'province', kind: 'province' }),
  unit('A', {
    level: 'district',
    kind: 'rural_district',
    parent: 'P',
    validTo: '2025-06-30',
    successors: ['X'],
  }),
  unit('B', {
    level: 'district',
    kind: 'rural_district',
    parent: 'P',
    validTo: '2025-06-30',
    successors: ['Y', 'Z'],
  }),
  unit('X', { level: 'commune', kind: 'commune', parent: 'P', validFrom: '2025-07-01' }),
  unit('Y', { level: 'commune', kind: 'ward', parent: 'P', validFrom: '2025-07-01' }),
  unit('Z', { level: 'commune', kind: 'commune', parent: 'P', validFrom: '2025-07-01' }),
];
const BY_CODE = new Map(UNITS.map((u) => [u.code, u]));
const codes = (units: readonly AdministrativeUnit[]) => units.map((u) => u.code);

describe('administrative units over time', () => {
  it('are in force from their first day to their last, both included', () => {
    const a = BY_CODE.get('A') as AdministrativeUnit;
    const x = BY_CODE.get('X') as AdministrativeUnit;
    expect([isInForce(a, '2025-06-30'), isInForce(a, '2025-07-01')]).toEqual([true, false]);
    expect([isInForce(x, '2025-06-30'), isInForce(x, '2025-07-01')]).toEqual([false, true]);
  });

  it('read as of two dates give the two maps', () => {
    expect(codes(unitsAsOf(UNITS, '2023-05-19'))).toEqual(['P', 'A', 'B']);
    expect(codes(unitsAsOf(UNITS, '2026-01-01'))).toEqual(['P', 'X', 'Y', 'Z']);
  });

  describe('rolled up to the units of a date', () => {
    it('go to their one successor', () => {
      expect(rollUp(BY_CODE, 'A', '2026-01-01')).toEqual({
        code: 'X',
        rolledUp: true,
        split: false,
      });
    });

    it('stay themselves, marked split, when their territory went to several units', () => {
      expect(rollUp(BY_CODE, 'B', '2026-01-01')).toEqual({
        code: 'B',
        rolledUp: false,
        split: true,
      });
    });

    it('stay themselves on a date they were in force', () => {
      expect(rollUp(BY_CODE, 'A', '2024-12-31')).toEqual({
        code: 'A',
        rolledUp: false,
        split: false,
      });
      expect(rollUp(BY_CODE, 'X', '2026-01-01')).toEqual({
        code: 'X',
        rolledUp: false,
        split: false,
      });
    });

    it('leave an unknown code as it is', () => {
      expect(rollUp(BY_CODE, 'bien-hoa', '2026-01-01')).toEqual({
        code: 'bien-hoa',
        rolledUp: false,
        split: false,
      });
    });
  });

  describe('a list is refused', () => {
    it.each<[string, AdministrativeUnit[], { code: string; field: string }]>([
      [
        'with a code used twice',
        [...UNITS, unit('X', { level: 'commune', kind: 'commune' })],
        { code: 'X', field: 'code' },
      ],
      [
        'with an unknown parent',
        [...UNITS, unit('Q', { level: 'commune', kind: 'commune', parent: 'N' })],
        { code: 'Q', field: 'parent' },
      ],
      [
        'with an unknown successor',
        [unit('A', { level: 'district', kind: 'town', validTo: '2025-06-30', successors: ['N'] })],
        { code: 'A', field: 'successors' },
      ],
      [
        'with a unit that ends before it begins',
        [
          unit('A', {
            level: 'district',
            kind: 'town',
            validFrom: '2025-07-01',
            validTo: '2025-06-30',
          }),
        ],
        { code: 'A', field: 'validTo' },
      ],
      [
        'with successors of a unit still in force',
        [unit('A', { level: 'district', kind: 'town', successors: ['A'] })],
        { code: 'A', field: 'successors' },
      ],
      [
        'with a successor that begins after a gap',
        [
          unit('A', { level: 'district', kind: 'town', validTo: '2025-06-30', successors: ['X'] }),
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
