import { DomainError } from '../../shared/domain-error';
import { DEFAULT_REMINDER_SETTINGS, resolveReminderSettings } from './reminder-settings';

describe('reminder settings', () => {
  it('default to the deadlines of DOMAIN.md', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({
      registrationDeadline: { daysBefore: [30, 7, 1], escalateToCenter: true },
      monthlyProgress: { dueDay: 25, previousMonths: 1 },
      overdueProject: { graceDays: 0 },
      settlement: { daysAfterAcceptance: 15, yearEndMonth: 1, yearEndDay: 22 },
      revisionUnanswered: { afterDays: 15 },
      appraisalPending: { afterDays: 15 },
    });
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
