import { addDays, yearOf, type BusinessDate } from '../../shared/business-date';
import type { ReminderSettings } from './reminder-settings';
import { defineRule } from './define-rule';
import { dayOfYear, memoPerDate } from './reminder-dates';
import { settlementAfterAcceptanceText, settlementYearEndText } from './messages.vi';
import type { ProjectReminderFacts } from './reminder-facts';

/** The settlement dossier of a project accepted on `acceptedOn` is due this day. */
export function settlementDossierDue(
  acceptedOn: BusinessDate,
  rule: ReminderSettings['settlement'],
): BusinessDate {
  return addDays(acceptedOn, rule.daysAfterAcceptance);
}

/** Every project accepted in `acceptedYear` is settled by this day of the next year. */
export function settlementYearEndDue(
  acceptedYear: number,
  rule: ReminderSettings['settlement'],
): BusinessDate {
  return dayOfYear(acceptedYear + 1, rule.yearEndMonth, rule.yearEndDay);
}

/**
 * When an accepted project's settlement first falls due: the earlier of its two deadlines.
 * Undefined unless the project is accepted and not settled.
 */
export function settlementDueDate(
  project: ProjectReminderFacts,
  settings: ReminderSettings,
): BusinessDate | undefined {
  const acceptedOn = project.acceptedOn;
  if (project.status !== 'accepted' || !acceptedOn) return undefined;
  const dossier = settlementDossierDue(acceptedOn, settings.settlement);
  const yearEnd = settlementYearEndDue(yearOf(acceptedOn), settings.settlement);
  return dossier <= yearEnd ? dossier : yearEnd;
}

/**
 * An accepted project not yet settled has two deadlines: the settlement dossier within 15 days
 * of acceptance, and settlement by 22 January of the year after acceptance. Each is reminded
 * from its due date on. When both have passed only the later one is sent, as with the
 * registration thresholds: a late scan never sends a superseded reminder.
 *
 * Ids: `settlement-due.<projectId>.after-acceptance` and `….year-end`.
 */
export const settlementReminders = defineRule('settlement_due', (scan, found) => {
  const { facts, asOf } = scan;
  const rule = scan.settings.settlement;
  const days = rule.daysAfterAcceptance;
  // The dossier is due (acceptedOn + days <= asOf) when accepted on or before this date.
  const dossierDueIfAcceptedBy = addDays(asOf, -days);
  const yearEnds = new YearEndDeadlines(rule);
  const dossierDueOf = memoPerDate((acceptedOn) => settlementDossierDue(acceptedOn, rule));

  for (const project of facts.projects) {
    const acceptedOn = project.acceptedOn;
    if (project.status !== 'accepted' || !acceptedOn) continue;
    const yearEndDeadline = yearEnds.of(yearOf(acceptedOn));
    const yearEndPassed = asOf >= yearEndDeadline.due;
    const dossierPassed = acceptedOn <= dossierDueIfAcceptedBy;

    const kind = laterPassedDeadline(
      yearEndPassed,
      dossierPassed,
      acceptedOn <= yearEndDeadline.dossierNotLaterIfAcceptedBy,
    );
    if (!kind) continue;
    const title = project.title;
    if (kind === 'year-end') {
      const dueDate = yearEndDeadline.due;
      const acceptedYear = yearOf(acceptedOn);
      found.aboutProject(project, kind, { dueDate, recipients: 'both' }, (district) =>
        settlementYearEndText({ district, title, acceptedYear, dueDate }),
      );
    } else {
      const dueDate = dossierDueOf(acceptedOn);
      found.aboutProject(project, kind, { dueDate, recipients: 'both' }, (district) =>
        settlementAfterAcceptanceText({ district, title, acceptedOn, days, dueDate }),
      );
    }
  }
});

type SettlementDeadline = 'after-acceptance' | 'year-end';

/** Of the deadlines that have passed, the later one; none when neither has. */
function laterPassedDeadline(
  yearEndPassed: boolean,
  dossierPassed: boolean,
  dossierDueFirst: boolean,
): SettlementDeadline | undefined {
  if (yearEndPassed && (dossierDueFirst || !dossierPassed)) return 'year-end';
  return dossierPassed ? 'after-acceptance' : undefined;
}

/** The year-end deadline of each acceptance year, computed once per year rather than per project. */
class YearEndDeadlines {
  private readonly byYear = new Map<
    number,
    { due: BusinessDate; dossierNotLaterIfAcceptedBy: BusinessDate }
  >();

  constructor(private readonly rule: ReminderSettings['settlement']) {}

  of(acceptedYear: number) {
    let deadline = this.byYear.get(acceptedYear);
    if (!deadline) {
      const due = settlementYearEndDue(acceptedYear, this.rule);
      // Accepted on or before this date, the dossier falls due no later than the year-end date.
      deadline = { due, dossierNotLaterIfAcceptedBy: addDays(due, -this.rule.daysAfterAcceptance) };
      this.byYear.set(acceptedYear, deadline);
    }
    return deadline;
  }
}
