import { DomainError } from '../../shared/domain-error';
import { DEFAULT_REMINDER_SETTINGS, resolveReminderSettings } from './reminder-settings';

// DOMAIN.md "Deadlines the reminders enforce", one row per rule.
const DOMAIN_DEFAULTS = [
  [
    'registration reminders 30, 7 and 1 days before, then the Center',
    'registrationDeadline',
    { daysBefore: [30, 7, 1], escalateToCenter: true },
  ],
  [
    'the progress report on the 25th, one month back',
    'monthlyProgress',
    { dueDay: 25, previousMonths: 1 },
  ],
  ['overdue the day after the planned end', 'overdueProject', { graceDays: 0 }],
  [
    'settlement 15 days after acceptance and by 22 January',
    'settlement',
    { daysAfterAcceptance: 15, yearEndMonth: 1, yearEndDay: 22 },
  ],
  ['a revision answered within 15 days', 'revisionUnanswered', { afterDays: 15 }],
  ['an appraisal started within 15 days', 'appraisalPending', { afterDays: 15 }],
] as const;

describe('reminder settings', () => {
  it.each(DOMAIN_DEFAULTS)('default to the DOMAIN.md deadlines: %s', (_, rule, expected) => {
    expect(DEFAULT_REMINDER_SETTINGS[rule]).toEqual(expected);
  });

  it('have a default for every rule and nothing else', () => {
    expect(Object.keys(DEFAULT_REMINDER_SETTINGS).sort()).toEqual(
      DOMAIN_DEFAULTS.map(([, rule]) => rule).sort(),
    );
  });

  it('keep the defaults that an override does not name', () => {
    const s = resolveReminderSettings({
      monthlyProgress: { dueDay: 20 },
      settlement: { yearEndDay: 31 },
    });
    expect(s.monthlyProgress).toEqual({ dueDay: 20, previousMonths: 1 });
    expect(s.settlement).toEqual({ daysAfterAcceptance: 15, yearEndMonth: 1, yearEndDay: 31 });
    expect(s.registrationDeadline).toEqual(DEFAULT_REMINDER_SETTINGS.registrationDeadline);
  });

  it.each([
    [{ monthlyProgress: { dueDay: 0 } }, 'monthlyProgress.dueDay'],
    [{ monthlyProgress: { dueDay: 32 } }, 'monthlyProgress.dueDay'],
    [{ registrationDeadline: { daysBefore: [30, -1] } }, 'registrationDeadline.daysBefore[1]'],
    [{ registrationDeadline: { daysBefore: [7.5] } }, 'registrationDeadline.daysBefore[0]'],
    [{ settlement: { yearEndMonth: 13 } }, 'settlement.yearEndMonth'],
    [{ revisionUnanswered: { afterDays: Number.NaN } }, 'revisionUnanswered.afterDays'],
  ])('refuse %j, naming %s', (overrides, field) => {
    let caught: unknown;
    try {
      resolveReminderSettings(overrides);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'reminder_settings_invalid', field });
  });
});
