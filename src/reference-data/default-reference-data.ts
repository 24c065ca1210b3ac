import defaults from './reference-data.defaults.json';
import type { NormSet, ReferenceData } from './reference-data';
import { SHIPPED_UNITS } from './shipped-units';
import supportNorms from './support-norms.json';

/**
 * The shipped defaults (DOMAIN.md): the registering units of Đồng Nai (code 75) over time, the
 * activity types, the national support norms over time with their legal basis (docs/domain.md
 * says which figures were confirmed and which the Center must load), the indicators.
 */
export const DEFAULT_REFERENCE_DATA: ReferenceData = {
  ...defaults,
  units: SHIPPED_UNITS,
  province: '75',
  normSets: supportNorms.normSets as readonly NormSet[],
};
