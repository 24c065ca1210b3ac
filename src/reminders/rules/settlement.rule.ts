import { addDays, yearOf, type BusinessDate } from '../../shared/business-date';
import type { Reminder } from './reminder';
import type { ReminderFacts, ProjectReminderFacts, DistrictNames } from './reminder-facts';
import { reminderId } from './reminder-id';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings';
import { collectSentReminderIds } from './sent-reminder-ids';
import { dayOfYear } from './reminder-dates';
import {
  districtName,
  settlementAfterAcceptanceText,
  settlementYearEndText,
} from './messages.vi';

/**
 * An accepted project not yet settled has two deadlines: the settlement dossier within 15 days
 * of acceptance, and settlement by 22 January of the year after acceptance. Each is reminded
 * from its due date on. When both have passed only the later one is sent, as with the
 * registration thresholds: a late scan never sends a superseded reminder.
 *
 * Ids: `settlement-due.<projectId>.after-acceptance` and `….year-end`.
 */
export function settlementReminders(
  facts: ReminderFacts,
  asOf: BusinessDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  sent: ReadonlySet<string> = collectSentReminderIds(facts),
): Reminder[] {
  const rule = settings.settlement;
  const out: Reminder[] = [];

  for (const project of facts.projects) {
    const acceptedOn = project.acceptedOn;
    if (project.status !== 'accepted' || !acceptedOn) continue;
    const dossierDue = addDays(acceptedOn, rule.daysAfterAcceptance);
    const yearEndDue = dayOfYear(yearOf(acceptedOn) + 1, rule.yearEndMonth, rule.yearEndDay);

    let reminder: Reminder | undefined;
    if (asOf >= yearEndDue && yearEndDue >= dossierDue) {
      reminder = yearEnd(project, acceptedOn, yearEndDue, facts.districts);
    } else if (asOf >= dossierDue) {
      reminder = afterAcceptance(project, acceptedOn, dossierDue, rule.daysAfterAcceptance, facts.districts);
    } else if (asOf >= yearEndDue) {
      reminder = yearEnd(project, acceptedOn, yearEndDue, facts.districts);
    }
    if (reminder && !sent.has(reminder.reminderId)) out.push(reminder);
  }
  return out;
}

function afterAcceptance(
  project: ProjectReminderFacts,
  acceptedOn: BusinessDate,
  dueDate: BusinessDate,
  days: number,
  districts: DistrictNames,
): Reminder {
  return {
    reminderId: reminderId('settlement_due', project.projectId, 'after-acceptance'),
    rule: 'settlement_due',
    district: project.district,
    projectId: project.projectId,
    planYear: project.planYear,
    dueDate,
    recipients: 'both',
    message: settlementAfterAcceptanceText({
      district: districtName(districts, project.district),
      title: project.title,
      acceptedOn,
      days,
      dueDate,
    }),
  };
}

function yearEnd(
  project: ProjectReminderFacts,
  acceptedOn: BusinessDate,
  dueDate: BusinessDate,
  districts: DistrictNames,
): Reminder {
  return {
    reminderId: reminderId('settlement_due', project.projectId, 'year-end'),
    rule: 'settlement_due',
    district: project.district,
    projectId: project.projectId,
    planYear: project.planYear,
    dueDate,
    recipients: 'both',
    message: settlementYearEndText({
      district: districtName(districts, project.district),
      title: project.title,
      acceptedYear: yearOf(acceptedOn),
      dueDate,
    }),
  };
}
