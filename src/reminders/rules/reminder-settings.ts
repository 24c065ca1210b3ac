import { ruleBroken } from '../../shared/domain-error';

/** Every threshold the rules use (DOMAIN.md "Deadlines the reminders enforce"); all configurable. */
export interface ReminderSettings {
  readonly registrationDeadline: {
    /** Days before the plan's registration deadline on which districts are reminded. */
    readonly daysBefore: readonly number[];
    /** After the deadline, tell the Center which districts have not submitted. */
    readonly escalateToCenter: boolean;
  };
  readonly monthlyProgress: {
    /** The report for month M is due on this day of M (clamped to the month's last day). */
    readonly dueDay: number;
    /** Months before the current one still checked; older gaps are left alone. */
    readonly previousMonths: number;
  };
  readonly overdueProject: {
    /** Days past the planned end before a project counts as overdue. */
    readonly graceDays: number;
  };
  readonly settlement: {
    /** The settlement dossier is due this many days after acceptance. */
    readonly daysAfterAcceptance: number;
    /** Every project accepted in year Y is settled by this day of Y+1. */
    readonly yearEndMonth: number;
    readonly yearEndDay: number;
  };
  readonly revisionUnanswered: {
    /** Reminded when more than this many days have passed since the revision request. */
    readonly afterDays: number;
  };
  readonly appraisalPending: {
    /** Reminded when more than this many days have passed since (re)registration. */
    readonly afterDays: number;
  };
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  registrationDeadline: { daysBefore: [30, 7, 1], escalateToCenter: true },
  monthlyProgress: { dueDay: 25, previousMonths: 1 },
  overdueProject: { graceDays: 0 },
  settlement: { daysAfterAcceptance: 15, yearEndMonth: 1, yearEndDay: 22 },
  revisionUnanswered: { afterDays: 15 },
  appraisalPending: { afterDays: 15 },
};

export type ReminderSettingsOverrides = {
  readonly [K in keyof ReminderSettings]?: Partial<ReminderSettings[K]>;
};

/** The defaults with the given overrides, checked; a bad value throws a DomainError naming it. */
export function resolveReminderSettings(
  overrides: ReminderSettingsOverrides = {},
): ReminderSettings {
  const d = DEFAULT_REMINDER_SETTINGS;
  const s: ReminderSettings = {
    registrationDeadline: { ...d.registrationDeadline, ...overrides.registrationDeadline },
    monthlyProgress: { ...d.monthlyProgress, ...overrides.monthlyProgress },
    overdueProject: { ...d.overdueProject, ...overrides.overdueProject },
    settlement: { ...d.settlement, ...overrides.settlement },
    revisionUnanswered: { ...d.revisionUnanswered, ...overrides.revisionUnanswered },
    appraisalPending: { ...d.appraisalPending, ...overrides.appraisalPending },
  };
  s.registrationDeadline.daysBefore.forEach((n, i) =>
    wholeIn(n, 0, 366, `registrationDeadline.daysBefore[${i}]`),
  );
  if (typeof s.registrationDeadline.escalateToCenter !== 'boolean') {
    throw invalid('registrationDeadline.escalateToCenter', 'must be true or false');
  }
  wholeIn(s.monthlyProgress.dueDay, 1, 31, 'monthlyProgress.dueDay');
  wholeIn(s.monthlyProgress.previousMonths, 0, 12, 'monthlyProgress.previousMonths');
  wholeIn(s.overdueProject.graceDays, 0, 366, 'overdueProject.graceDays');
  wholeIn(s.settlement.daysAfterAcceptance, 0, 366, 'settlement.daysAfterAcceptance');
  wholeIn(s.settlement.yearEndMonth, 1, 12, 'settlement.yearEndMonth');
  wholeIn(s.settlement.yearEndDay, 1, 31, 'settlement.yearEndDay');
  wholeIn(s.revisionUnanswered.afterDays, 0, 366, 'revisionUnanswered.afterDays');
  wholeIn(s.appraisalPending.afterDays, 0, 366, 'appraisalPending.afterDays');
  return s;
}

function wholeIn(value: unknown, min: number, max: number, field: string): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw invalid(field, `must be a whole number from ${min} to ${max}`);
  }
}

function invalid(field: string, why: string) {
  return ruleBroken('reminder_settings_invalid', `Reminder setting ${field} ${why}.`, field);
}
