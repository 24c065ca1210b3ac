import type { Database } from 'better-sqlite3';
import type { Role } from '../shared/actor';
import { registersIn, type RegisteringUnits } from '../reference-data/registering-units';
import type { BusinessDate } from '../shared/business-date';
import type { ProjectStatus } from '../projects/domain/project.types';
import type { ReminderSettings } from '../reminders/rules/reminder-settings';
import {
  isOverdue,
  projectStepDueDate,
  registrationStepDueDate,
} from '../reminders/rules/step-due-dates';

/** What is waiting, and for whom. */
export type InboxAction =
  | 'start_appraisal'
  | 'record_appraisal_result'
  | 'resubmit'
  | 'decide_approval'
  | 'start_execution'
  | 'accept'
  | 'settle'
  | 'recover_funds'
  | 'submit_registration'
  | 'compile_plan'
  | 'approve_plan';

export interface InboxItem {
  /** The role the step waits on (a caller with several roles sees each role's steps). */
  readonly role: Role;
  readonly action: InboxAction;
  readonly subject: 'project' | 'plan';
  /** The project id, or the plan's year. */
  readonly id: string;
  readonly planYear: number;
  readonly district: string | null;
  readonly status: string;
  readonly title: string;
  /** When the subject last changed (recording time): the oldest waits longest. */
  readonly updatedAt: string;
  /** The day the reminder rules start reminding about the step (step-due-dates.ts); null where none does. */
  readonly dueDate: BusinessDate | null;
  /** Today is on or after the due date. */
  readonly overdue: boolean;
}

export interface InboxOwner {
  readonly roles: readonly Role[];
  /** A district officer's own district. */
  readonly district?: string;
  /**
   * The registering units and their days (registering-units.ts): a unit is asked to register
   * only for the plans of years it exists in (a district ended on 30/06/2025 is never asked
   * for 2026).
   */
  readonly units: RegisteringUnits;
  /** The reminder rules' thresholds, which give the due dates. */
  readonly settings: ReminderSettings;
  /** Today's business date in Asia/Ho_Chi_Minh, which `overdue` is against. */
  readonly today: BusinessDate;
}

/** Project steps by the role that takes them, from DOMAIN.md's lifecycle table. */
const PROJECT_STEPS: readonly {
  role: Role;
  status: string;
  action: InboxAction;
  ownDistrict?: true;
}[] = [
  { role: 'center_officer', status: 'registered', action: 'start_appraisal' },
  { role: 'center_officer', status: 'under_appraisal', action: 'record_appraisal_result' },
  { role: 'center_officer', status: 'approved', action: 'start_execution' },
  { role: 'center_officer', status: 'in_execution', action: 'accept' },
  { role: 'approver', status: 'appraised', action: 'decide_approval' },
  { role: 'finance_officer', status: 'accepted', action: 'settle' },
  { role: 'district_officer', status: 'revision_requested', action: 'resubmit', ownDistrict: true },
];

interface ProjectRow {
  project_id: string;
  plan_year: number;
  district: string;
  status: ProjectStatus;
  title: string;
  updated_at: string;
  /** The reminder facts (reminder_project_facts); null until the fold has written them. */
  registered_on: string | null;
  revision_requested_on: string | null;
  planned_end: string | null;
  accepted_on: string | null;
}

interface PlanRow {
  year: number;
  status: string;
  updated_at: string;
  registration_deadline: string;
}

const planTitle = (year: number): string => `Kế hoạch khuyến công năm ${year}`;

/**
 * The steps waiting for the caller, role by role in the order of its roles: plans first,
 * then projects, oldest change first. A district officer's steps are its own district's.
 */
export function inboxFor(db: Database, owner: InboxOwner): InboxItem[] {
  return [...new Set(owner.roles)].flatMap((role) => [
    ...planItems(db, role, owner),
    ...projectItems(db, role, owner),
  ]);
}

/** The step's due date by the reminder rules, from the facts they read. */
function projectDueDate(r: ProjectRow, settings: ReminderSettings): BusinessDate | null {
  if (r.registered_on === null || r.planned_end === null) return null;
  return projectStepDueDate(
    {
      projectId: r.project_id,
      district: r.district,
      planYear: r.plan_year,
      title: r.title,
      status: r.status,
      registeredOn: r.registered_on,
      revisionRequestedOn: r.revision_requested_on,
      plannedEnd: r.planned_end,
      acceptedOn: r.accepted_on,
      reportedPeriods: [],
      sentReminderIds: [],
    },
    settings,
  );
}

function projectItems(db: Database, role: Role, owner: InboxOwner): InboxItem[] {
  const { district, settings, today } = owner;
  const select = `SELECT s.project_id, s.plan_year, s.district, s.status, s.title, s.updated_at,
      f.registered_on, f.revision_requested_on, f.planned_end, f.accepted_on
    FROM project_summary s LEFT JOIN reminder_project_facts f ON f.project_id = s.project_id`;
  const toItem =
    (action: InboxAction) =>
    (r: ProjectRow): InboxItem => {
      const dueDate = projectDueDate(r, settings);
      return {
        role,
        action,
        subject: 'project',
        id: r.project_id,
        planYear: r.plan_year,
        district: r.district,
        status: r.status,
        title: r.title,
        updatedAt: r.updated_at,
        dueDate,
        overdue: isOverdue(dueDate, today),
      };
    };
  const items = PROJECT_STEPS.filter((step) => step.role === role).flatMap((step) => {
    if (step.ownDistrict && district === undefined) return [];
    const rows = step.ownDistrict
      ? db
          .prepare(`${select} WHERE s.status = ? AND s.district = ? ORDER BY s.last_position`)
          .all(step.status, district)
      : db.prepare(`${select} WHERE s.status = ? ORDER BY s.last_position`).all(step.status);
    return (rows as ProjectRow[]).map(toItem(step.action));
  });
  if (role === 'finance_officer') {
    // Money still out on a cancelled project has to come back.
    const rows = db
      .prepare(
        `${select} WHERE s.status = 'cancelled' AND s.amount_to_recover_vnd > 0 ORDER BY s.last_position`,
      )
      .all() as ProjectRow[];
    items.push(...rows.map(toItem('recover_funds')));
  }
  return items;
}

function planItems(db: Database, role: Role, owner: InboxOwner): InboxItem[] {
  const { district, units, today } = owner;
  const plans = (status: string) =>
    db
      .prepare(
        'SELECT year, status, updated_at, registration_deadline FROM plan_summary WHERE status = ? ORDER BY year',
      )
      .all(status) as PlanRow[];
  const toItem =
    (action: InboxAction, forDistrict: string | null) =>
    (p: PlanRow): InboxItem => {
      // Only a unit's registration has a rule's due date; compiling and approving have none.
      const dueDate =
        action === 'submit_registration' ? registrationStepDueDate(p.registration_deadline) : null;
      return {
        role,
        action,
        subject: 'plan',
        id: String(p.year),
        planYear: p.year,
        district: forDistrict,
        status: p.status,
        title: planTitle(p.year),
        updatedAt: p.updated_at,
        dueDate,
        overdue: isOverdue(dueDate, today),
      };
    };
  switch (role) {
    case 'center_officer':
      return plans('open').map(toItem('compile_plan', null));
    case 'approver':
      return plans('compiled').map(toItem('approve_plan', null));
    case 'district_officer': {
      if (district === undefined) return [];
      const waiting = db
        .prepare(
          `SELECT year, status, updated_at, registration_deadline FROM plan_summary p WHERE status = 'open'
           AND NOT EXISTS (SELECT 1 FROM plan_registrations r WHERE r.year = p.year AND r.district = ?)
           ORDER BY year`,
        )
        .all(district) as PlanRow[];
      const unit = Object.hasOwn(units, district) ? units[district] : undefined;
      return waiting
        .filter((plan) => unit !== undefined && registersIn(unit, plan.year))
        .map(toItem('submit_registration', district));
    }
    default:
      return [];
  }
}
