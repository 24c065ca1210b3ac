import type { ReminderRuleFn } from '../../../src/reminders/rules/define-rule';
import type { Reminder } from '../../../src/reminders/rules/reminder';
import type {
  PlanReminderFacts,
  ProjectReminderFacts,
} from '../../../src/reminders/rules/reminder-facts';
import type { ReminderSettings } from '../../../src/reminders/rules/reminder-settings';
import { aPlan, aProject, factsWith, idsOf } from './reminder-facts';

/** One rule run over one subject, changed from the spec's starting point only where a test says. */
export type Scan<Subject> = (
  asOf: string,
  overrides?: Partial<Subject>,
  settings?: ReminderSettings,
) => Reminder[];

/** Scans of one project: `aProject()` with `start`, then each call's overrides. */
export function projectScan(
  rule: ReminderRuleFn,
  start: Partial<ProjectReminderFacts> = {},
): Scan<ProjectReminderFacts> {
  return (asOf, overrides = {}, settings) =>
    rule(factsWith({ projects: [aProject({ ...start, ...overrides })] }), asOf, settings);
}

/** A reminder about `aProject()` (p-1 of Xuân Lộc, code 741, plan year 2024), as the webhook carries it. */
export function aboutTheProject(
  reminder: Pick<Reminder, 'reminderId' | 'rule' | 'dueDate' | 'recipients' | 'message'>,
): Reminder {
  return {
    district: 'xuan-loc',
    unit: '741',
    unitName: 'Huyện Xuân Lộc',
    projectId: 'p-1',
    planYear: 2024,
    ...reminder,
  };
}

/** Matches a reminder by its id and due date alone. */
export const dueOn = (reminderId: string, dueDate: string): Reminder =>
  expect.objectContaining({ reminderId, dueDate }) as Reminder;

/** The reminder is due as of `asOf`, and no longer once the subject's history records it as sent. */
export function expectDueUntilSent<Subject extends { sentReminderIds: readonly string[] }>(
  scan: Scan<Subject>,
  asOf: string,
  reminderId: string,
  overrides: Partial<Subject> = {},
): void {
  expect(idsOf(scan(asOf, overrides))).toEqual([reminderId]);
  const sentReminderIds = [...(overrides.sentReminderIds ?? []), reminderId];
  expect(scan(asOf, { ...overrides, sentReminderIds })).toEqual([]);
}

/** Scans of one plan: `aPlan()` with `start`, then each call's overrides. */
export function planScan(
  rule: ReminderRuleFn,
  start: Partial<PlanReminderFacts> = {},
): Scan<PlanReminderFacts> {
  return (asOf, overrides = {}, settings) =>
    rule(factsWith({ plans: [aPlan({ ...start, ...overrides })] }), asOf, settings);
}

/** The names of the three tests `itComesDue` adds, in its order. */
export type ComesDueNames = readonly [quiet: string, due: string, stillDue: string];

/**
 * The three tests of a reminder coming due: the scan is quiet on `quietOn`, finds exactly
 * `reminder` on its due date, and still finds it on `stillDueOn` until the subject's history
 * records it as sent. `overrides` change the subject for all three.
 */
export function itComesDue<Subject extends { sentReminderIds: readonly string[] }>(
  scan: Scan<Subject>,
  days: { readonly quietOn: string; readonly stillDueOn: string },
  reminder: Reminder,
  [quiet, due, stillDue]: ComesDueNames,
  overrides: Partial<Subject> = {},
): void {
  it(quiet, () => {
    expect(scan(days.quietOn, overrides)).toEqual([]);
  });
  it(due, () => {
    expect(scan(reminder.dueDate, overrides)).toEqual([reminder]);
  });
  it(stillDue, () => {
    expectDueUntilSent(scan, days.stillDueOn, reminder.reminderId, overrides);
  });
}
