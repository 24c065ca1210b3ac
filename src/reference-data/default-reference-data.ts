import defaults from './reference-data.defaults.json';
import type { ReferenceData } from './reference-data';
import { SHIPPED_UNITS } from './shipped-units';

/**
 * The shipped defaults (DOMAIN.md): the registering units of Đồng Nai (code 75) over time, the
 * activity types with their default support norms, the indicators.
 */
export const DEFAULT_REFERENCE_DATA: ReferenceData = {
  ...defaults,
  units: SHIPPED_UNITS,
  province: '75',
};
