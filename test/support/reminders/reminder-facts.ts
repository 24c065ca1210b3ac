import { DEFAULT_REFERENCE_DATA } from '../../../src/reference-data/default-reference-data';
import type { Reminder } from '../../../src/reminders/rules/reminder';
import { registeringUnits } from '../../../src/reference-data/registering-units';
import type {
  DistrictNames,
  PlanReminderFacts,
  ProjectReminderFacts,
  ReminderFacts,
} from '../../../src/reminders/rules/reminder-facts';

/** Builders for the rule specs: a plausible subject, changed only where a spec says so. */

/** Đồng Nai's eleven districts as the server knows them (registering-units.ts): names, codes, days. */
export const DISTRICTS: DistrictNames = Object.fromEntries(
  Object.keys(DEFAULT_REFERENCE_DATA.districts).map((key) => [
    key,
    registeringUnits(DEFAULT_REFERENCE_DATA)[key],
  ]),
);
export const DISTRICT_CODES = Object.keys(DISTRICTS);

export function aProject(overrides: Partial<ProjectReminderFacts> = {}): ProjectReminderFacts {
  return {
    projectId: 'p-1',
    district: 'xuan-loc',
    planYear: 2024,
    title: 'Hỗ trợ máy chà nhám cho cơ sở mộc',
    status: 'in_execution',
    registeredOn: '2024-01-10',
    executionStartedOn: '2024-03-01',
    plannedEnd: '2024-10-31',
    reportedPeriods: [],
    sentReminderIds: [],
    ...overrides,
  };
}

export function aPlan(overrides: Partial<PlanReminderFacts> = {}): PlanReminderFacts {
  return {
    year: 2025,
    registrationDeadline: '2024-05-20',
    status: 'open',
    districtsSubmitted: [],
    sentReminderIds: [],
    ...overrides,
  };
}

export function factsWith(parts: Partial<ReminderFacts>): ReminderFacts {
  return { plans: [], projects: [], districts: DISTRICTS, ...parts };
}

export const idsOf = (reminders: readonly Reminder[]): string[] =>
  reminders.map((r) => r.reminderId);
