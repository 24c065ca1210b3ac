import { daysBetween, addDays, type BusinessDate } from '../../shared/business-date';
import type { Reminder } from './reminder';
import type { ReminderFacts } from './reminder-facts';
import { reminderId } from './reminder-id';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings';
import { collectSentReminderIds } from './sent-reminder-ids';
import { districtName, registrationEscalationText, registrationReminderText } from './messages.vi';

/**
 * Districts that have not submitted their registration to an open plan are reminded N days
 * before its deadline (30, 7, 1 by default), each threshold on its own day. A late scan still
 * sends the most recent threshold reached if it was not sent, but never an older one: a
 * district 5 days from the deadline gets "7 days", never "30 days". Once the deadline has
 * passed, the Center is told once per missing district.
 *
 * Ids: `registration-deadline.<year>.<district>.d<N>` and `….escalation`.
 */
export function registrationDeadlineReminders(
  facts: ReminderFacts,
  asOf: BusinessDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  sent: ReadonlySet<string> = collectSentReminderIds(facts),
): Reminder[] {
  const { daysBefore, escalateToCenter } = settings.registrationDeadline;
  const thresholds = [...new Set(daysBefore)].sort((a, b) => a - b);
  const known = Object.keys(facts.districts);
  const out: Reminder[] = [];

  for (const plan of facts.plans) {
    const deadline = plan.registrationDeadline;
    if (plan.status !== 'open' || !deadline) continue;
    const daysLeft = daysBetween(asOf, deadline);
    const submitted = new Set(plan.districtsSubmitted);

    if (daysLeft < 0) {
      if (!escalateToCenter) continue;
      for (const district of known) {
        if (submitted.has(district)) continue;
        const id = reminderId('registration_deadline', plan.year, district, 'escalation');
        if (sent.has(id)) continue;
        out.push({
          reminderId: id,
          rule: 'registration_deadline',
          district,
          planYear: plan.year,
          dueDate: addDays(deadline, 1),
          recipients: 'center',
          message: registrationEscalationText({
            district: districtName(facts.districts, district),
            planYear: plan.year,
            deadline,
            daysLate: -daysLeft,
          }),
        });
      }
      continue;
    }

    // The most recent threshold reached: the smallest N whose day (deadline − N) is not after asOf.
    const threshold = thresholds.find((n) => n >= daysLeft);
    if (threshold === undefined) continue;
    for (const district of known) {
      if (submitted.has(district)) continue;
      const id = reminderId('registration_deadline', plan.year, district, `d${threshold}`);
      if (sent.has(id)) continue;
      out.push({
        reminderId: id,
        rule: 'registration_deadline',
        district,
        planYear: plan.year,
        dueDate: addDays(deadline, -threshold),
        recipients: 'district',
        message: registrationReminderText({
          district: districtName(facts.districts, district),
          planYear: plan.year,
          deadline,
          daysLeft,
        }),
      });
    }
  }
  return out;
}
