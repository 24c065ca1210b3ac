import type { Vnd } from '../shared/vnd';

/**
 * Reference data the domain checks against. It is data, not code: the shipped defaults
 * (reference-data.defaults.json) can be replaced by an admin, and history keeps the codes
 * it was recorded with.
 */
export interface SupportNorm {
  /** Share of the project's total cost (requested + counterpart) that may be supported. */
  readonly percent: number;
  /** Absolute cap per project (per establishment). */
  readonly maxVnd: Vnd;
}

export interface RegisteringUnit {
  readonly name: string;
  /** Where reminders are mailed; optional until an admin records it. */
  readonly email?: string;
}

export interface ActivityType {
  readonly name: string;
  /** No norm means no cap beyond the requested amount. */
  readonly norm?: SupportNorm;
}

export interface Indicator {
  readonly name: string;
  readonly unit: string;
}

export interface ReferenceData {
  readonly districts: Readonly<Record<string, RegisteringUnit>>;
  readonly activityTypes: Readonly<Record<string, ActivityType>>;
  readonly indicators: Readonly<Record<string, Indicator>>;
}
