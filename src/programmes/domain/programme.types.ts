import type { BusinessDate } from '../../shared/business-date';
import type { Vnd } from '../../shared/vnd';

/** Values shared by the programme's commands, events and state. */

/** The budget the province allotted to one year of the programme. */
export interface ProgrammeBudget {
  readonly year: number;
  readonly amountVnd: Vnd;
}

/** A programme target on one of the reference indicators (the ones projects report on). */
export interface ProgrammeTarget {
  readonly indicator: string;
  readonly target: number;
}

/**
 * The context indicators the seed's programme review quotes. They describe the sector the
 * programme works in, are recorded per year from the statistics office, and are never
 * derived from projects. Any other code may be recorded too, with its unit.
 */
export const KNOWN_CONTEXT_INDICATOR_UNITS = {
  /** Rural industrial production value, whole VND (73,396 billion in 2022). */
  rural_industrial_production_value_vnd: 'VND',
  /** Export value, whole US dollars (902,389,000 against a 900,000,000 target). */
  export_value_usd: 'USD',
  /** Rural industrial establishments counted (9,413 on 2023-06-30). */
  rural_industrial_establishments: 'establishments',
} as const;

export type KnownContextIndicatorCode = keyof typeof KNOWN_CONTEXT_INDICATOR_UNITS;

// `string & {}` keeps the known codes visible to editors while accepting free-form codes.
export type ContextIndicatorCode = KnownContextIndicatorCode | (string & {});

export function isKnownContextIndicator(code: string): code is KnownContextIndicatorCode {
  return Object.prototype.hasOwnProperty.call(KNOWN_CONTEXT_INDICATOR_UNITS, code);
}

/** One recorded value of a context indicator for one year; the latest recording for a year and code wins. */
export interface ContextIndicator {
  readonly year: number;
  readonly code: ContextIndicatorCode;
  /** A whole number in `unit`: money in whole VND, US dollars in whole dollars, counts as counts. */
  readonly value: number;
  /** The programme's target for this year and code, when the review compares against one. */
  readonly target?: number;
  readonly unit: string;
  /** The date the value refers to (establishments counted on 2023-06-30). */
  readonly asOf?: BusinessDate;
  /** An estimate (ước tính) rather than a final figure, as the seed's 2023 production value. */
  readonly estimated: boolean;
  readonly note?: string;
}

export type { BusinessDate, Vnd };
