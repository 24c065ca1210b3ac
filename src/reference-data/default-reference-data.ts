import defaults from './reference-data.defaults.json';
import type { ReferenceData } from './reference-data';

/** The shipped defaults (DOMAIN.md): the 11 district-level units of Đồng Nai, the activity types with their default support norms, the indicators. */
export const DEFAULT_REFERENCE_DATA: ReferenceData = defaults;
