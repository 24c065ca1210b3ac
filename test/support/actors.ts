import type { Actor } from '../../src/shared/actor';

/** A district officer of `district`, `u-<district>` named after it unless told otherwise. */
export const districtOfficer = (
  district: string,
  sub = `u-${district}`,
  name = district,
): Actor => ({ sub, name, role: 'district_officer', district });
