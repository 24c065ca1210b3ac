import type { RegistrationDetails } from './project.types';

/**
 * Every field of RegistrationDetails, listed once. The Record type makes the compiler
 * complain here when a field is added to RegistrationDetails and not to this list.
 */
const DETAIL_FIELDS: Readonly<Record<keyof RegistrationDetails, true>> = {
  title: true,
  activityType: true,
  beneficiary: true,
  requestedFundingVnd: true,
  counterpartFundingVnd: true,
  fundingSource: true,
  targets: true,
  plannedStart: true,
  plannedEnd: true,
  description: true,
  beneficiaryUnit: true,
};

/**
 * The registration fields a resubmission actually changes: only known fields, and only those
 * given. A caller passing extra keys (or `undefined` for "unchanged") cannot slip them into
 * the project's details.
 */
export function changedDetails(
  changes: Partial<RegistrationDetails>,
): Partial<RegistrationDetails> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(DETAIL_FIELDS) as (keyof RegistrationDetails)[]) {
    if (Object.prototype.hasOwnProperty.call(changes, key) && changes[key] !== undefined)
      picked[key] = changes[key];
  }
  return picked as Partial<RegistrationDetails>;
}

/** The registration details carried by a registration command or event, without its other fields. */
export function detailsOf(data: RegistrationDetails): RegistrationDetails {
  return changedDetails(data) as RegistrationDetails;
}
