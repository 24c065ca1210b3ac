import { ruleBroken } from '../../shared/domain-error';
import { percentOfFloor, saturatingSumVnd, sumVnd } from '../../shared/vnd';
import type { ReferenceData } from '../../reference-data/reference-data';
import type { Disbursed } from './project.state';
import type { RegistrationDetails, Vnd } from './project.types';

/**
 * Money out minus money back. Recoveries never exceed what went out, so this is never negative.
 * It reads recorded totals (the view shows it), so it saturates like they do; `decide` checks
 * the totals a new amount would make with `sumVnd` before it relies on this.
 */
export function netDisbursedVnd(disbursed: Disbursed): Vnd {
  return saturatingSumVnd([disbursed.advancesVnd, disbursed.paymentsVnd]) - disbursed.recoveredVnd;
}

/**
 * The most the support norm of the activity type allows: its percentage of the total cost
 * (requested support + counterpart funding), rounded down, and never above its absolute cap.
 * Null when the activity type has no norm.
 */
export function supportNormCapVnd(
  details: RegistrationDetails,
  reference: ReferenceData,
): Vnd | null {
  const norm = Object.prototype.hasOwnProperty.call(reference.activityTypes, details.activityType)
    ? reference.activityTypes[details.activityType].norm
    : undefined;
  if (!norm) return null;
  const totalCost = sumVnd([details.requestedFundingVnd, details.counterpartFundingVnd]);
  return Math.min(percentOfFloor(totalCost, norm.percent), norm.maxVnd);
}

export function requireWithinSupportNorm(
  amount: Vnd,
  details: RegistrationDetails,
  reference: ReferenceData,
  field: string,
): void {
  const cap = supportNormCapVnd(details, reference);
  if (cap !== null && amount > cap) {
    throw ruleBroken(
      'exceeds_support_norm',
      `${field} ${amount} is above the support norm of ${details.activityType} for this project: ${cap}`,
      field,
    );
  }
}

/** The most that may be advanced before acceptance: a share of the approved funding, rounded down. */
export function advanceCapVnd(approvedFundingVnd: Vnd, advanceCapPercent: number): Vnd {
  return percentOfFloor(approvedFundingVnd, advanceCapPercent);
}
