import type { BusinessDate } from '../shared/business-date';
import type { Vnd } from '../shared/vnd';
import type { AdministrativeUnit } from './administrative-units';

/**
 * Reference data the domain checks against. It is data, not code: the shipped defaults are its
 * first version, the Center's changes are events with effective dates (domain/), and history
 * keeps the codes it was recorded with.
 */
export interface SupportNorm {
  /** Share of the project's total cost (requested + counterpart) that may be supported. */
  readonly percent: number;
  /** Absolute cap for the project (per establishment, model, brand or cluster: `per`). */
  readonly maxVnd: Vnd;
  /** What the cap is counted per, in the text's words (`cơ sở`, `mô hình`, `cụm công nghiệp`). */
  readonly per?: string;
  /** The clause of the legal basis the figures are in. */
  readonly clause?: string;
  /** What the instrument also says that the check does not (a multiplier, what the cost is). */
  readonly note?: string;
}

/**
 * The support norms in force from a date, with their legal basis (norm-sets.ts). An activity
 * type the set does not list has no norm under it: the check caps nothing beyond the request.
 */
export interface NormSet {
  readonly id: string;
  readonly effectiveFrom: BusinessDate;
  /** The instrument, as an auditor would cite it. */
  readonly legalBasis: string;
  /** The decision's number and date, for a set the Center recorded (the shipped ones cite text). */
  readonly basis?: LegalBasis;
  /** Whose set it is: the Ministry's national norms, or levels the province set itself. */
  readonly scope?: 'national' | 'provincial';
  readonly norms: Readonly<Record<string, SupportNorm>>;
  /**
   * Activity types the set's instrument has a norm for that this product does not ship (its
   * figure was not confirmed from the text), each with what the Center must do: load its own.
   */
  readonly unset?: Readonly<Record<string, string>>;
}

/** The decision a change of reference data rests on: its number and the date it was signed. */
export interface LegalBasis {
  /** The number and symbol, as cited (`22/2023/QĐ-UBND`). */
  readonly document: string;
  readonly date: BusinessDate;
  /** What it is and who issued it (`Quyết định của UBND tỉnh Đồng Nai`). */
  readonly title?: string;
}

/**
 * An entry of a catalogue (activity type, indicator, funding source) over time: in force from
 * `validFrom` to `validTo`, under the names it had before it was renamed (`earlier`).
 */
export interface Dated {
  readonly validFrom?: BusinessDate;
  readonly validTo?: BusinessDate;
}

/** The share of the approved funding that advances may reach, from a date. */
export interface AdvanceCap {
  readonly percent: number;
  readonly effectiveFrom: BusinessDate;
  readonly basis: LegalBasis;
}

export interface RegisteringUnit {
  readonly name: string;
  /** Where reminders are mailed; optional until an admin records it. */
  readonly email?: string;
  /** First day it may register (absent: always could); from the administrative units. */
  readonly validFrom?: BusinessDate;
  /** Last day it existed (absent: still does); from the administrative units. */
  readonly validTo?: BusinessDate;
  /** The unit's official code, where the administrative units give one (a district's `734`). */
  readonly code?: string;
  /**
   * The Center itself (keyed by its province's code): it registers its own tasks (nhiệm vụ) in
   * every plan year, and is never among the units expected to submit a plan registration.
   */
  readonly center?: boolean;
}

/** The provincial Industrial Promotion Center, a registering unit of its own. */
export interface CenterUnit {
  readonly name: string;
  /** Where reminders about its own tasks are mailed; optional until recorded. */
  readonly email?: string;
}

export interface ActivityType extends Dated {
  readonly name: string;
  /** The names it had before, each until the day before the next took over. */
  readonly earlier?: readonly { readonly name: string; readonly until: BusinessDate }[];
}

export interface Indicator extends Dated {
  readonly name: string;
  readonly unit: string;
  readonly earlier?: readonly {
    readonly name: string;
    readonly unit: string;
    readonly until: BusinessDate;
  }[];
}

export interface FundingSource extends Dated {
  readonly name: string;
  readonly earlier?: readonly { readonly name: string; readonly until: BusinessDate }[];
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
  /** The Center, registering its own tasks under the province's code (registering-units.ts). */
  readonly center?: CenterUnit;
  /** The support norms over time (norm-sets.ts); none: no norm caps any activity. */
  readonly normSets?: readonly NormSet[];
  readonly activityTypes: Readonly<Record<string, ActivityType>>;
  readonly indicators: Readonly<Record<string, Indicator>>;
  /** The display names of the funding sources (`local`, `national`). */
  readonly fundingSources?: Readonly<Record<string, FundingSource>>;
  /** The advance caps the Center recorded; none: the ADVANCE_CAP_PERCENT setting applies. */
  readonly advanceCaps?: readonly AdvanceCap[];
}
