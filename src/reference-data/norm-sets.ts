import type { BusinessDate } from '../shared/business-date';
import type { NormSet, ReferenceData, SupportNorm } from './reference-data';

/**
 * The support norms in force on a date: the norm set with the latest `effectiveFrom` on or
 * before it. Appraisal and approval are judged by the norms of the day of the decision they
 * record, and the event records what was applied, so neither a later change of norms nor a
 * replay re-judges an old project.
 */
export function normSetOn(reference: ReferenceData, date: BusinessDate): NormSet | undefined {
  let found: NormSet | undefined;
  for (const set of reference.normSets ?? [])
    if (set.effectiveFrom <= date && (!found || set.effectiveFrom > found.effectiveFrom))
      found = set;
  return found;
}

/** The norm of an activity type on a date, with the set it belongs to. */
export function supportNormOn(
  reference: ReferenceData,
  activityType: string,
  date: BusinessDate,
): { readonly set: NormSet; readonly norm: SupportNorm } | undefined {
  const set = normSetOn(reference, date);
  if (!set || !Object.hasOwn(set.norms, activityType)) return undefined;
  return { set, norm: set.norms[activityType] };
}
