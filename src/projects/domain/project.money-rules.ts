import { ruleBroken } from '../../shared/domain-error';
import { percentOfFloor, saturatingSumVnd, sumVnd } from '../../shared/vnd';
import type { ReferenceData } from '../../reference-data/reference-data';
import type { Disbursed } from './project.state';
import type { BusinessDate, RegistrationDetails, Vnd } from './project.types';
import { supportNormOn } from '../../reference-data/norm-sets';
import { advanceCapOn } from '../../reference-data/advance-caps';
import type { ProjectRules } from './project.context';

/**
 * Money out minus money back. Recoveries never exceed what went out, so this is never negative.
 * It reads recorded totals (the view shows it), so it saturates like they do; `decide` checks
 * the totals a new amount would make with `sumVnd` before it relies on this.
 */
export function netDisbursedVnd(disbursed: Disbursed): Vnd {
  return saturatingSumVnd([disbursed.advancesVnd, disbursed.paymentsVnd]) - disbursed.recoveredVnd;
}

/**
 * The norm a decision was judged by, as its event records it: the set and its legal basis, the
 * figures, and the cap they gave this project.
 */
export interface AppliedNorm {
  readonly normSet: string;
  readonly legalBasis: string;
  readonly clause?: string;
  readonly percent: number;
  readonly maxVnd: Vnd;
  readonly capVnd: Vnd;
}

/**
 * The norm of the project's activity type in force on `date`, and the most it allows: its
 * percentage of the total cost (requested support + counterpart funding), rounded down, and
 * never above its absolute cap. Undefined when no norm of the type is in force.
 */
export function supportNormOf(
  details: RegistrationDetails,
  reference: ReferenceData,
  date: BusinessDate,
): AppliedNorm | undefined {
  const found = supportNormOn(reference, details.activityType, date);
  if (!found) return undefined;
  const { set, norm } = found;
  const totalCost = sumVnd([details.requestedFundingVnd, details.counterpartFundingVnd]);
  return {
    normSet: set.id,
    legalBasis: set.legalBasis,
    ...(norm.clause && { clause: norm.clause }),
    percent: norm.percent,
    maxVnd: norm.maxVnd,
    capVnd: Math.min(percentOfFloor(totalCost, norm.percent), norm.maxVnd),
  };
}

/** Checks `amount` against the norm in force on `date`; returns the norm applied, if any. */
export function requireWithinSupportNorm(
  amount: Vnd,
  details: RegistrationDetails,
  reference: ReferenceData,
  date: BusinessDate,
  field: string,
): AppliedNorm | undefined {
  const applied = supportNormOf(details, reference, date);
  if (applied && amount > applied.capVnd) {
    throw ruleBroken(
      'exceeds_support_norm',
      `${field} ${amount} is above the support norm of ${details.activityType} for this project: ${applied.capVnd} (${applied.legalBasis})`,
      field,
      { amountVnd: amount, capVnd: applied.capVnd, legalBasis: applied.legalBasis },
    );
  }
  return applied;
}

/** The most that may be advanced before acceptance: a share of the approved funding, rounded down. */
export function advanceCapVnd(approvedFundingVnd: Vnd, advanceCapPercent: number): Vnd {
  return percentOfFloor(approvedFundingVnd, advanceCapPercent);
}

/** The advance cap in force on `date`: the one the Center recorded, else the deployment's setting. */
export function advanceCapPercentOn(
  reference: ReferenceData,
  rules: ProjectRules,
  date: BusinessDate,
): number {
  return advanceCapOn(reference, date)?.percent ?? rules.advanceCapPercent;
}

/**
 * What advances may total under the cap in force on `date`, and what is left of it after the
 * advances so far (never below zero: a cap lowered later leaves nothing, it takes nothing
 * back). Both null before approval, when there is no approved funding to take a share of.
 */
export function advanceRoomOn(
  money: { readonly approvedFundingVnd: Vnd | null; readonly advancesVnd: Vnd },
  reference: ReferenceData,
  rules: ProjectRules,
  date: BusinessDate,
): { readonly advanceCapVnd: Vnd | null; readonly advanceCapLeftVnd: Vnd | null } {
  if (money.approvedFundingVnd === null) return { advanceCapVnd: null, advanceCapLeftVnd: null };
  const cap = advanceCapVnd(money.approvedFundingVnd, advanceCapPercentOn(reference, rules, date));
  return { advanceCapVnd: cap, advanceCapLeftVnd: Math.max(0, cap - money.advancesVnd) };
}
