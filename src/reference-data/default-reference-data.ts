import defaults from './reference-data.defaults.json';
import type { NormSet, ReferenceData } from './reference-data';
import { SHIPPED_UNITS } from './shipped-units';
import supportNorms from './support-norms.json';

/**
 * The shipped defaults (DOMAIN.md): the registering units of Đồng Nai (code 75) over time and
 * its Industrial Promotion Center (which registers its own tasks under the province's code), the
 * activity types, the national support norms over time with their legal basis (docs/domain.md
 * says which figures were confirmed and which the Center must load), the indicators.
 */
export const DEFAULT_REFERENCE_DATA: ReferenceData = {
  ...defaults,
  units: SHIPPED_UNITS,
  province: '75',
  center: { name: 'Trung tâm Khuyến công và Tư vấn phát triển Công nghiệp Đồng Nai' },
  normSets: supportNorms.normSets as readonly NormSet[],
};
