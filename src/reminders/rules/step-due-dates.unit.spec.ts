import { addDays } from '../../shared/business-date';
import { aPlan, aProject, factsWith } from '../../../test/support/reminders/reminder-facts';
import { REMINDER_RULE_FNS } from './all-rules';
import type { ProjectReminderFacts } from './reminder-facts';
import { resolveReminderSettings, type ReminderSettings } from './reminder-settings';
import { isOverdue, projectStepDueDate, registrationStepDueDate } from './step-due-dates';

/**
 * The inbox's due date is the day the rule watching the step starts reminding: the day before
 * it the rule is quiet about the project, on it the rule reminds. Checked against the rules
 * themselves, with the default thresholds and with others.
 */

const SETTINGS: Record<string, ReminderSettings> = {
  defaults: resolveReminderSettings(),
  changed: resolveReminderSettings({
    appraisalPending: { afterDays: 3 },
    revisionUnanswered: { afterDays: 40 },
    overdueProject: { graceDays: 10 },
    // 60 days after a late-December acceptance is after 22 January: the year-end deadline first.
    settlement: { daysAfterAcceptance: 60, yearEndMonth: 1, yearEndDay: 22 },
  }),
};

const STEPS: {
  step: string;
  rule: keyof typeof REMINDER_RULE_FNS;
  project: ProjectReminderFacts;
}[] = [
  {
    step: 'an appraisal not started',
    rule: 'appraisal_pending',
    project: aProject({ status: 'registered', registeredOn: '2024-02-20' }),
  },
  {
    step: 'a revision request unanswered',
    rule: 'revision_unanswered',
    project: aProject({ status: 'revision_requested', revisionRequestedOn: '2024-01-31' }),
  },
  {
    step: 'an approved project past its end',
    rule: 'overdue_project',
    project: aProject({ status: 'approved', plannedEnd: '2024-02-29' }),
  },
  {
    step: 'a project in execution past its end',
    rule: 'overdue_project',
    project: aProject({ status: 'in_execution', plannedEnd: '2024-12-31' }),
  },
  {
    step: 'a settlement, accepted early in the year',
    rule: 'settlement_due',
    project: aProject({ status: 'accepted', acceptedOn: '2024-03-10' }),
  },
  {
    step: 'a settlement, accepted at the end of the year (with 60 days, the year-end deadline first)',
    rule: 'settlement_due',
    project: aProject({ status: 'accepted', acceptedOn: '2024-12-30' }),
  },
];

describe.each(Object.entries(SETTINGS))('step due dates (%s thresholds)', (_, settings) => {
  it.each(STEPS)('dates $step on the day its rule starts reminding', ({ rule, project }) => {
    const due = projectStepDueDate(project, settings);
    expect(due).not.toBeNull();
    const scan = (asOf: string) =>
      REMINDER_RULE_FNS[rule](factsWith({ projects: [project] }), asOf, settings);
    expect(scan(addDays(due!, -1))).toEqual([]);
    expect(scan(due!)).toHaveLength(1);
  });

  it('dates a registration on the day after the deadline, when the Center is told', () => {
    const plan = aPlan({ registrationDeadline: '2024-05-20' });
    const due = registrationStepDueDate('2024-05-20');
    const scan = (asOf: string) =>
      REMINDER_RULE_FNS.registration_deadline(factsWith({ plans: [plan] }), asOf, settings).filter(
        (r) => r.recipients === 'center',
      );
    expect(due).toBe('2024-05-21');
    expect(scan(addDays(due, -1))).toEqual([]);
    expect(scan(due).length).toBeGreaterThan(0);
  });

  it('gives no date where no rule watches the step', () => {
    for (const status of ['under_appraisal', 'appraised', 'cancelled', 'settled'] as const)
      expect(projectStepDueDate(aProject({ status, acceptedOn: '2024-03-10' }), settings)).toBe(
        null,
      );
  });
});

describe('overdue', () => {
  it('is true from the due date on, and never without one', () => {
    expect(isOverdue('2024-05-21', '2024-05-20')).toBe(false);
    expect(isOverdue('2024-05-21', '2024-05-21')).toBe(true);
    expect(isOverdue('2024-05-21', '2024-06-01')).toBe(true);
    expect(isOverdue(null, '2024-06-01')).toBe(false);
  });
});
