import { actingActor, principalFromClaims, type Principal } from './principal';

describe('principalFromClaims', () => {
  it('reads subject, name, roles and district', () => {
    expect(
      principalFromClaims({
        sub: 'u1',
        name: 'Nguyễn Thị Lan',
        roles: ['district_officer', 'auditor'],
        district: 'bien-hoa',
      }),
    ).toEqual({
      sub: 'u1',
      name: 'Nguyễn Thị Lan',
      roles: ['district_officer', 'auditor'],
      district: 'bien-hoa',
    });
  });

  it('ignores roles it does not know, and repeated ones', () => {
    expect(
      principalFromClaims({ sub: 'u1', roles: ['superuser', 'approver', 'approver', 42] })?.roles,
    ).toEqual(['approver']);
  });

  it('drops district_officer when the token names no district', () => {
    expect(
      principalFromClaims({ sub: 'u1', roles: ['district_officer', 'auditor'] })?.roles,
    ).toEqual(['auditor']);
  });

  describe('the names since communes register (unit_officer, unit)', () => {
    it('reads unit_officer with its unit as the officer of that unit', () => {
      expect(
        principalFromClaims({ sub: 'u2', roles: ['unit_officer'], unit: '26116' }),
      ).toMatchObject({ roles: ['district_officer'], district: '26116' });
    });

    it('takes a unit and a district that agree, and binds to neither when they differ', () => {
      const both = (district: string) =>
        principalFromClaims({
          sub: 'u2',
          roles: ['unit_officer', 'auditor'],
          unit: '26116',
          district,
        });
      expect(both('26116')).toMatchObject({
        roles: ['district_officer', 'auditor'],
        district: '26116',
      });
      expect(both('tan-phu')).toEqual({ sub: 'u2', name: 'u2', roles: ['auditor'] });
    });

    it('drops unit_officer when the token names no unit', () => {
      expect(principalFromClaims({ sub: 'u2', roles: ['unit_officer'] })?.roles).toEqual([]);
    });
  });

  it('has no roles when the roles claim is not an array', () => {
    expect(principalFromClaims({ sub: 'u1', roles: 'approver' })?.roles).toEqual([]);
  });

  it('falls back to the subject for a missing name', () => {
    expect(principalFromClaims({ sub: 'u1', roles: [] })?.name).toBe('u1');
  });

  it.each([[undefined], [''], [42], ['x'.repeat(201)]])(
    'refuses a token whose subject is %p',
    (sub) => {
      expect(principalFromClaims({ sub, roles: ['approver'] })).toBeUndefined();
    },
  );
});

describe('actingActor', () => {
  const principal: Principal = {
    sub: 'u1',
    name: 'Lan',
    roles: ['auditor', 'approver', 'district_officer'],
    district: 'tan-phu',
  };

  it('acts in the first of its roles that the route allows', () => {
    expect(actingActor(principal, ['approver', 'center_officer'])).toEqual({
      sub: 'u1',
      name: 'Lan',
      role: 'approver',
    });
  });

  it('follows the order of the token, not of the route', () => {
    expect(actingActor(principal, ['district_officer', 'approver'])?.role).toBe('approver');
  });

  it('carries the district only when acting as a district officer', () => {
    expect(actingActor(principal, ['district_officer'])).toEqual({
      sub: 'u1',
      name: 'Lan',
      role: 'district_officer',
      district: 'tan-phu',
    });
  });

  it('acts in its first role on a route that names none', () => {
    expect(actingActor(principal)?.role).toBe('auditor');
  });

  it('has no actor when no role fits', () => {
    expect(actingActor(principal, ['finance_officer'])).toBeUndefined();
    expect(actingActor({ ...principal, roles: [] })).toBeUndefined();
  });
});
