import { daysBetween, addDays, type BusinessDate } from '../../shared/business-date';
import { registersIn } from '../../reference-data/registering-units';
import { defineRule, type Due, type MessageOf } from './define-rule';
import { registrationEscalationText, registrationReminderText } from './messages.vi';

/**
 * Registering units (the districts until 2025, then the communes) that have not submitted their registration to an open plan are reminded N days
 * before its deadline (30, 7, 1 by default), each threshold on its own day. A late scan still
 * sends the most recent threshold reached if it was not sent, but never an older one: a
 * district 5 days from the deadline gets "7 days", never "30 days". Once the deadline has
 * passed, the Center is told once per missing district.
 *
 * Ids: `registration-deadline.<year>.<district>.d<N>` and `….escalation`.
 */
export const registrationDeadlineReminders = defineRule('registration_deadline', (scan, found) => {
  const { facts, asOf } = scan;
  const { daysBefore, escalateToCenter } = scan.settings.registrationDeadline;
  const thresholds = [...new Set(daysBefore)].sort((a, b) => a - b);
  const known = Object.entries(facts.districts);

  for (const plan of facts.plans) {
    const deadline = plan.registrationDeadline;
    if (plan.status !== 'open' || !deadline) continue;
    const daysLeft = daysBetween(asOf, deadline);
    let reminder: DistrictReminder | undefined;
    if (daysLeft >= 0) reminder = thresholdReached(plan.year, deadline, daysLeft, thresholds);
    else if (escalateToCenter) reminder = escalation(plan.year, deadline, -daysLeft);
    if (!reminder) continue;
    const submitted = new Set(plan.districtsSubmitted);
    for (const [district, unit] of known) {
      // The Center files its own tasks and compiles the plan: it is never asked to register.
      if (submitted.has(district) || unit.center || !registersIn(unit, plan.year)) continue;
      found.aboutDistrict(plan.year, district, reminder.part, reminder.due, reminder.message);
    }
  }
});

/** What each district that has not submitted is sent. */
interface DistrictReminder {
  readonly part: string;
  readonly due: Due;
  readonly message: MessageOf;
}

/** The first day a registration is late: the day after the plan's deadline (the Center is told). */
export function registrationLateFrom(deadline: BusinessDate): BusinessDate {
  return addDays(deadline, 1);
}

function escalation(planYear: number, deadline: BusinessDate, daysLate: number): DistrictReminder {
  return {
    part: 'escalation',
    due: { dueDate: registrationLateFrom(deadline), recipients: 'center' },
    message: (district) => registrationEscalationText({ district, planYear, deadline, daysLate }),
  };
}

function thresholdReached(
  planYear: number,
  deadline: BusinessDate,
  daysLeft: number,
  ascending: readonly number[],
): DistrictReminder | undefined {
  // The most recent threshold reached: the smallest N whose day (deadline − N) is not after asOf.
  const threshold = ascending.find((n) => n >= daysLeft);
  if (threshold === undefined) return undefined;
  return {
    part: `d${threshold}`,
    due: { dueDate: addDays(deadline, -threshold), recipients: 'district' },
    message: (district) => registrationReminderText({ district, planYear, deadline, daysLeft }),
  };
}
