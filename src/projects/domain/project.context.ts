import type { Actor } from '../../shared/actor';
import type { BusinessDate } from '../../shared/business-date';
import type { ReferenceData } from '../../reference-data/reference-data';

/** What a decision may depend on besides the command and the state. No clock is read in the domain: `today` comes from here. */
export interface ProjectRules {
  /** Advances before acceptance may reach this share of the approved funding (default 70). */
  readonly advanceCapPercent: number;
}

export interface ProjectContext {
  readonly actor: Actor;
  /** Today's business date in Asia/Ho_Chi_Minh. */
  readonly today: BusinessDate;
  readonly reference: ReferenceData;
  readonly rules: ProjectRules;
}

export const DEFAULT_PROJECT_RULES: ProjectRules = { advanceCapPercent: 70 };
