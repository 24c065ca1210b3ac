import { districtOfficer } from '../../test/support/actors';
import { ForbiddenProblem, NotFoundProblem } from '../http/problem-details';
import type { Actor } from '../shared/actor';
import { assertDistrictVisible, assertOwnDistrict, canSeeDistrict } from './district-scope';
import type { Principal } from './principal';

const officer = districtOfficer('bien-hoa', 'd1', 'Officer');
const approver: Actor = { sub: 'a1', name: 'Approver', role: 'approver' };

describe('district scope', () => {
  describe('for a district officer', () => {
    it('sees its own district', () => {
      expect(canSeeDistrict(officer, 'bien-hoa')).toBe(true);
    });

    it('does not see another district', () => {
      expect(canSeeDistrict(officer, 'long-khanh')).toBe(false);
    });

    it("answers another district's project with the same 404 as a missing one", () => {
      expect(() => assertDistrictVisible(officer, 'long-khanh')).toThrow(NotFoundProblem);
      const missing = new Error('No project p-9');
      expect(() => assertDistrictVisible(officer, 'long-khanh', () => missing)).toThrow(missing);
      expect(() => assertDistrictVisible(officer, 'bien-hoa')).not.toThrow();
    });

    it('is refused with 403 when registering in another district', () => {
      expect(() => assertOwnDistrict(officer, 'long-khanh')).toThrow(ForbiddenProblem);
      expect(() => assertOwnDistrict(officer, 'bien-hoa')).not.toThrow();
    });
  });

  it('lets every other role see every district', () => {
    expect(canSeeDistrict(approver, 'long-khanh')).toBe(true);
    expect(() => assertOwnDistrict(approver, 'long-khanh')).not.toThrow();
  });

  describe('for a principal', () => {
    const onlyOfficer: Principal = {
      sub: 'd1',
      name: 'Officer',
      roles: ['district_officer'],
      district: 'bien-hoa',
    };

    it('binds a principal that is only a district officer', () => {
      expect(canSeeDistrict(onlyOfficer, 'bien-hoa')).toBe(true);
      expect(canSeeDistrict(onlyOfficer, 'xuan-loc')).toBe(false);
    });

    it('frees a principal that also holds a role without a district', () => {
      expect(
        canSeeDistrict({ ...onlyOfficer, roles: ['district_officer', 'auditor'] }, 'xuan-loc'),
      ).toBe(true);
    });

    it('shows nothing to a principal without roles', () => {
      expect(canSeeDistrict({ sub: 'x', name: 'x', roles: [] }, 'xuan-loc')).toBe(false);
    });
  });
});
