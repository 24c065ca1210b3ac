import type { BusinessDate } from '../shared/business-date';
import type { Vnd } from '../shared/vnd';
import type { AdministrativeUnit } from './administrative-units';

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
  /** First day it may register (absent: always could); from the administrative units. */
  readonly validFrom?: BusinessDate;
  /** Last day it existed (absent: still does); from the administrative units. */
  readonly validTo?: BusinessDate;
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
  /**
   * Registering units by the key projects and plans record (a former district's `bien-hoa`,
   * a commune's code), with their e-mail addresses; registering-units.ts adds the dated
   * administrative units of `province` to them.
   */
  readonly districts: Readonly<Record<string, RegisteringUnit>>;
  /** The administrative units over time (administrative-units.ts). */
  readonly units?: readonly AdministrativeUnit[];
  /** The code of the Center's province: its districts, then its communes, register. */
  readonly province?: string;
  readonly activityTypes: Readonly<Record<string, ActivityType>>;
  readonly indicators: Readonly<Record<string, Indicator>>;
}
