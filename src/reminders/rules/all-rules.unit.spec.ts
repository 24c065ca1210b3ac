import fc from 'fast-check';
import { addDays } from '../../shared/business-date';
import { DomainError } from '../../shared/domain-error';
import { PROJECT_STATUSES } from '../../projects/domain/project.types';
import { scanReminders } from './all-rules';
import { isReminderId } from './reminder-id';
import {
  aPlan,
  aProject,
  DISTRICT_CODES,
  factsWith,
  idsOf,
} from '../../../test/support/reminders/reminder-facts';
import type { PlanReminderFacts, ProjectReminderFacts, ReminderFacts } from './reminder-facts';
import { REMINDER_RULES, type Reminder } from './reminder';

describe('a reminder scan', () => {
  const onePerRule = factsWith({
    plans: [
      aPlan({ registrationDeadline: '2024-05-26', districtsSubmitted: DISTRICT_CODES.slice(1) }),
    ],
    projects: [
      aProject({
        projectId: 'in-execution',
        plannedEnd: '2024-12-31',
        reportedPeriods: ['2024-04'],
      }),
      aProject({
        projectId: 'overdue',
        plannedEnd: '2024-04-30',
        reportedPeriods: ['2024-04', '2024-05'],
      }),
      aProject({
        projectId: 'accepted',
        status: 'accepted',
        acceptedOn: '2024-03-01',
        reportedPeriods: [],
      }),
      aProject({
        projectId: 'revision',
        status: 'revision_requested',
        revisionRequestedOn: '2024-04-01',
      }),
      aProject({
        projectId: 'waiting',
        status: 'registered',
        registeredOn: '2024-04-01',
        executionStartedOn: null,
      }),
    ],
  });

  it('runs every rule over the facts', () => {
    expect(idsOf(scanReminders(onePerRule, '2024-05-25'))).toEqual([
      'registration-deadline.2025.bien-hoa.d1',
      'monthly-progress.in-execution.2024-05',
      'overdue-project.overdue.2024-05',
      'settlement-due.accepted.after-acceptance',
      'revision-unanswered.revision.2024-04-01',
      'appraisal-pending.waiting.2024-04-01',
    ]);
  });

  it('skips whatever the history of each subject says was sent', () => {
    const sent = (id: string) => ({ sentReminderIds: [id] });
    const facts: ReminderFacts = {
      ...onePerRule,
      plans: [{ ...onePerRule.plans[0], ...sent('registration-deadline.2025.bien-hoa.d1') }],
      projects: onePerRule.projects.map((p, i) =>
        i === 0 ? { ...p, ...sent('monthly-progress.in-execution.2024-05') } : p,
      ),
    };
    const ids = idsOf(scanReminders(facts, '2024-05-25'));
    expect(ids).not.toContain('registration-deadline.2025.bien-hoa.d1');
    expect(ids).not.toContain('monthly-progress.in-execution.2024-05');
    expect(ids).toHaveLength(4);
  });

  it('queues each id once even when the read model lists a subject twice', () => {
    const project = aProject({ plannedEnd: '2024-04-30' });
    const ids = idsOf(scanReminders(factsWith({ projects: [project, project] }), '2024-05-25'));
    expect(ids).toEqual([
      'monthly-progress.p-1.2024-04',
      'monthly-progress.p-1.2024-05',
      'overdue-project.p-1.2024-05',
    ]);
  });

  it('refuses an asOf that is not a business date', () => {
    expect(() => scanReminders(onePerRule, '2024-02-30')).toThrow(DomainError);
    expect(() => scanReminders(onePerRule, '25/05/2024')).toThrow(DomainError);
  });

  describe('over any facts', () => {
    // Dates from 2023-06-01 over about two and a half years: crosses two year ends.
    const date = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2023-06-01', n));
    const maybeDate = fc.option(date, { nil: undefined });
    const project = fc.record({
      district: fc.constantFrom(...DISTRICT_CODES, 'phuong:moi'),
      status: fc.constantFrom(...PROJECT_STATUSES),
      registeredOn: date,
      revisionRequestedOn: maybeDate,
      executionStartedOn: maybeDate,
      plannedEnd: date,
      acceptedOn: maybeDate,
      reportedPeriods: fc.array(
        date.map((d) => d.slice(0, 7)),
        { maxLength: 4 },
      ),
    });
    const plan = fc.record({
      registrationDeadline: maybeDate,
      status: fc.constantFrom('open' as const, 'open' as const, 'compiled' as const),
      districtsSubmitted: fc.subarray(DISTRICT_CODES),
    });
    const facts = fc
      .record({
        projects: fc.array(project, { maxLength: 15 }),
        plans: fc.array(plan, { maxLength: 3 }),
      })
      .map(({ projects, plans }) =>
        factsWith({
          projects: projects.map((p, i): ProjectReminderFacts =>
            aProject({ ...p, projectId: `p-${i}`, planYear: 2024 }),
          ),
          plans: plans.map((p, i): PlanReminderFacts => aPlan({ ...p, year: 2024 + i })),
        }),
      );

    it('gives unique, colon-free ids, each due on or before asOf', () => {
      fc.assert(
        fc.property(facts, date, (f, asOf) => {
          const ids = idsOf(scanReminders(f, asOf));
          expect(new Set(ids).size).toBe(ids.length);
          for (const r of scanReminders(f, asOf)) {
            expect(isReminderId(r.reminderId)).toBe(true);
            expect(r.dueDate <= asOf).toBe(true);
          }
        }),
      );
    });

    it('makes every reminder due exactly from its due date: absent the day before, present on the day', () => {
      const rulesSeen = new Set<string>();
      fc.assert(
        fc.property(facts, date, (f, asOf) => {
          for (const r of scanReminders(f, asOf)) {
            rulesSeen.add(r.rule);
            expect(idsOf(scanReminders(f, r.dueDate))).toContain(r.reminderId);
            expect(idsOf(scanReminders(f, addDays(r.dueDate, -1)))).not.toContain(r.reminderId);
          }
        }),
        { numRuns: 300 },
      );
      // The generated facts must exercise every rule, or the property proves little.
      expect([...rulesSeen].sort()).toEqual([...REMINDER_RULES].sort());
    });

    it('has nothing left to send once every reminder is recorded on its subject', () => {
      fc.assert(
        fc.property(facts, date, (f, asOf) => {
          const due = scanReminders(f, asOf);
          const recorded = markSent(f, due);
          expect(scanReminders(recorded, asOf)).toEqual([]);
        }),
      );
    });
  });
});

/** The facts after delivery: each reminder recorded on the stream of its own subject. */
function markSent(facts: ReminderFacts, reminders: readonly Reminder[]): ReminderFacts {
  const byProject = new Map<string, string[]>();
  const byPlan = new Map<number, string[]>();
  for (const r of reminders) {
    if (r.projectId)
      byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r.reminderId]);
    else byPlan.set(r.planYear ?? -1, [...(byPlan.get(r.planYear ?? -1) ?? []), r.reminderId]);
  }
  return {
    ...facts,
    projects: facts.projects.map((p) => ({
      ...p,
      sentReminderIds: byProject.get(p.projectId) ?? [],
    })),
    plans: facts.plans.map((p) => ({ ...p, sentReminderIds: byPlan.get(p.year) ?? [] })),
  };
}
