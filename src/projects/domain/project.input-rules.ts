import { isBusinessDate, isPeriod } from '../../shared/business-date';
import { ruleBroken } from '../../shared/domain-error';
import { isVnd } from '../../shared/vnd';
import { catalogueCheck } from '../../reference-data/catalogues';
import type { ReferenceData } from '../../reference-data/reference-data';
import { isSealedBeneficiary } from './project.types';
import type {
  BeneficiaryRecord,
  BusinessDate,
  IndicatorTarget,
  IndicatorValue,
  Period,
  RegistrationDetails,
  Vnd,
} from './project.types';

/**
 * Checks on the values a command carries. DTOs already reject malformed requests, but the
 * decider is also driven by the CLI and by tests, so it never trusts its input. Each check
 * names the field as the API body names it.
 */

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw ruleBroken('required', `${field} is required`, field);
  return value;
}

export function requireVnd(value: unknown, field: string): Vnd {
  if (!isVnd(value))
    throw ruleBroken('invalid_amount', `${field} must be a whole, non-negative VND amount`, field);
  return value;
}

export function requirePositiveVnd(value: unknown, field: string): Vnd {
  const amount = requireVnd(value, field);
  if (amount === 0) throw ruleBroken('amount_not_positive', `${field} must be more than 0`, field);
  return amount;
}

export function requireDate(value: unknown, field: string): BusinessDate {
  if (!isBusinessDate(value))
    throw ruleBroken('invalid_date', `${field} must be a date YYYY-MM-DD`, field);
  return value;
}

/** A date that has already come: business steps are recorded after they happen, never ahead. */
export function requirePastDate(value: unknown, today: BusinessDate, field: string): BusinessDate {
  const date = requireDate(value, field);
  if (date > today)
    throw ruleBroken('date_in_future', `${field} ${date} is after today ${today}`, field, { date, today });
  return date;
}

/** `date` must not be earlier than `bound`, the date of the step it depends on. */
export function requireNotBefore(
  date: BusinessDate,
  bound: BusinessDate,
  code: string,
  what: string,
  field: string,
): void {
  if (date < bound) throw ruleBroken(code, `${field} ${date} is before ${what} ${bound}`, field, { date, bound });
}

export function requirePeriod(value: unknown, field: string): Period {
  if (!isPeriod(value))
    throw ruleBroken('invalid_period', `${field} must be a month YYYY-MM`, field);
  return value;
}

export function requireIndicator(
  indicator: unknown,
  reference: ReferenceData,
  field: string,
  /** Targets set for a plan year name indicators in force in it; achievements any known one. */
  planYear?: number,
): string {
  if (
    typeof indicator !== 'string' ||
    !Object.prototype.hasOwnProperty.call(reference.indicators, indicator)
  ) {
    throw ruleBroken(
      'unknown_indicator',
      `${field}: ${String(indicator)} is not a known indicator`,
      field,
    );
  }
  if (
    planYear !== undefined &&
    catalogueCheck(reference, 'indicators', indicator, planYear) !== 'ok'
  )
    throw ruleBroken(
      'indicator_not_in_force',
      `${field}: ${indicator} is not in force in ${planYear}`,
      field,
    );
  return indicator;
}

function requireUnique(seen: Set<string>, indicator: string, field: string): void {
  if (seen.has(indicator)) {
    throw ruleBroken('duplicate_indicator', `${field}: ${indicator} appears more than once`, field);
  }
  seen.add(indicator);
}

/** Targets name known indicators, each once, each with a positive whole target. */
export function validateTargets(
  targets: unknown,
  reference: ReferenceData,
  planYear: number,
  field = 'targets',
): void {
  if (!Array.isArray(targets)) throw ruleBroken('required', `${field} must be a list`, field);
  const seen = new Set<string>();
  (targets as readonly Partial<IndicatorTarget>[]).forEach((t, i) => {
    const indicator = requireIndicator(
      t?.indicator,
      reference,
      `${field}[${i}].indicator`,
      planYear,
    );
    requireUnique(seen, indicator, `${field}[${i}].indicator`);
    const target = t.target;
    if (typeof target !== 'number' || !Number.isSafeInteger(target) || target <= 0) {
      throw ruleBroken(
        'invalid_target',
        `${field}[${i}].target must be a whole number above 0`,
        `${field}[${i}].target`,
      );
    }
  });
}

/** Achievements name known indicators, each once per report, each a whole value of 0 or more. */
export function validateAchievements(
  achievements: unknown,
  reference: ReferenceData,
  field = 'achievements',
): void {
  if (!Array.isArray(achievements)) throw ruleBroken('required', `${field} must be a list`, field);
  const seen = new Set<string>();
  (achievements as readonly Partial<IndicatorValue>[]).forEach((a, i) => {
    const indicator = requireIndicator(a?.indicator, reference, `${field}[${i}].indicator`);
    requireUnique(seen, indicator, `${field}[${i}].indicator`);
    const value = a.value;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw ruleBroken(
        'invalid_value',
        `${field}[${i}].value must be a whole number of 0 or more`,
        `${field}[${i}].value`,
      );
    }
  });
}

export function requirePlannedEndNotBeforeStart(
  plannedStart: BusinessDate,
  plannedEnd: BusinessDate,
): void {
  if (plannedEnd < plannedStart) {
    throw ruleBroken(
      'planned_end_before_start',
      `plannedEnd ${plannedEnd} is before plannedStart ${plannedStart}`,
      'plannedEnd',
      { plannedEnd, plannedStart },
    );
  }
}

/**
 * Everything registration requires of the details, whether first registered or resubmitted:
 * the activity type, funding source and indicators named must be in force in the plan year.
 */
export function validateDetails(
  details: RegistrationDetails,
  reference: ReferenceData,
  planYear: number,
): void {
  requireText(details.title, 'title');
  const activityType = catalogueCheck(reference, 'activity_types', details.activityType, planYear);
  if (activityType === 'unknown') {
    throw ruleBroken(
      'unknown_activity_type',
      `${String(details.activityType)} is not a known activity type`,
      'activityType',
    );
  }
  if (activityType === 'not_in_force')
    throw ruleBroken(
      'activity_type_not_in_force',
      `${details.activityType} is not in force in ${planYear}`,
      'activityType',
    );
  requireBeneficiary(details.beneficiary);
  requirePositiveVnd(details.requestedFundingVnd, 'requestedFundingVnd');
  requireVnd(details.counterpartFundingVnd, 'counterpartFundingVnd');
  // The support norm is a share of the total cost, so the total must be exact too.
  if (!Number.isSafeInteger(details.requestedFundingVnd + details.counterpartFundingVnd)) {
    throw ruleBroken(
      'invalid_amount',
      'requested plus counterpart funding is too large',
      'counterpartFundingVnd',
    );
  }
  requireFundingSource(details.fundingSource, reference, planYear);
  validateTargets(details.targets, reference, planYear);
  const plannedStart = requireDate(details.plannedStart, 'plannedStart');
  const plannedEnd = requireDate(details.plannedEnd, 'plannedEnd');
  requirePlannedEndNotBeforeStart(plannedStart, plannedEnd);
}

const SUBJECT_ID = /^[A-Za-z0-9-]{1,64}$/;
const HMAC_HEX = /^[0-9a-f]{64}$/;

/** A plain beneficiary needs its name; a sealed one a well-formed reference into the vault. */
export function requireBeneficiary(beneficiary: BeneficiaryRecord | undefined): void {
  if (beneficiary === undefined || beneficiary === null || typeof beneficiary !== 'object')
    throw ruleBroken('required', 'beneficiary is required', 'beneficiary');
  if (!isSealedBeneficiary(beneficiary)) {
    requireText(beneficiary.name, 'beneficiary.name');
    return;
  }
  const { subjectId, version, hash } = beneficiary.personalData;
  if (
    typeof subjectId !== 'string' ||
    !SUBJECT_ID.test(subjectId) ||
    !Number.isSafeInteger(version) ||
    version < 1 ||
    typeof hash !== 'string' ||
    !HMAC_HEX.test(hash)
  ) {
    throw ruleBroken(
      'invalid_personal_data_reference',
      'beneficiary must reference a sealed value of the personal-data vault',
      'beneficiary',
    );
  }
}

export function requirePlanYear(planYear: unknown): number {
  if (
    typeof planYear !== 'number' ||
    !Number.isInteger(planYear) ||
    planYear < 1900 ||
    planYear > 2999
  ) {
    throw ruleBroken('invalid_plan_year', 'planYear must be a year', 'planYear');
  }
  return planYear;
}

/** Local or national, or another source the Center recorded, in force in the plan year. */
function requireFundingSource(source: unknown, reference: ReferenceData, planYear: number): void {
  if (reference.fundingSources === undefined) {
    if (source === 'local' || source === 'national') return;
    throw ruleBroken(
      'invalid_funding_source',
      'fundingSource must be local or national',
      'fundingSource',
    );
  }
  const found = catalogueCheck(reference, 'funding_sources', source, planYear);
  if (found === 'unknown')
    throw ruleBroken(
      'invalid_funding_source',
      `${String(source)} is not a known funding source`,
      'fundingSource',
    );
  if (found === 'not_in_force')
    throw ruleBroken(
      'funding_source_not_in_force',
      `${String(source)} is not in force in ${planYear}`,
      'fundingSource',
    );
}
