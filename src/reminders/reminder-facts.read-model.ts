import type { Database, Statement } from 'better-sqlite3';
import type { PlanReminderFacts, ProjectReminderFacts } from './rules/reminder-facts';

/**
 * The reminder rules' facts, one narrow row per project and per plan, so a scan of 100,000
 * projects reads a few columns through an index on status instead of parsing every folded
 * state (ReminderFactsReader reads them). The reminders fold nothing themselves: the project
 * fold and the plan projection hand each changed subject's facts here, mapped by the feature
 * that owns the state (projects/application/project-reminder-facts.ts,
 * plans/application/plan-reminder-facts.ts), in the transaction that moves their checkpoint;
 * the rows hold what those folds hold, event for event.
 */
export interface ReminderFactsRows<Facts> {
  /** Raise when the table or what is written changes: the feeding projection's version rises. */
  readonly version: number;
  setup(db: Database): void;
  reset(db: Database): void;
  save(db: Database, facts: readonly Facts[]): void;
}

/**
 * `rows` as a read model the owner of a state feeds with its changed subjects: each is mapped
 * to its facts by `factsOf` (undefined: nothing to remind about), then written.
 */
export function fedWith<Subject, Facts>(
  rows: ReminderFactsRows<Facts>,
  factsOf: (subject: Subject) => Facts | undefined,
): {
  readonly version: number;
  setup(db: Database): void;
  reset(db: Database): void;
  save(db: Database, subjects: readonly Subject[]): void;
} {
  return {
    version: rows.version,
    setup: (db) => rows.setup(db),
    reset: (db) => rows.reset(db),
    save: (db, subjects) =>
      rows.save(
        db,
        subjects.flatMap((subject) => factsOf(subject) ?? []),
      ),
  };
}

/** reminder_project_facts: one row per registered project. */
export class ReminderProjectFactsRows implements ReminderFactsRows<ProjectReminderFacts> {
  /** 3: fed by the project fold; the folded states are no longer kept here. */
  readonly version = 3;
  private readonly upsert = statementFor(`
    INSERT INTO reminder_project_facts (project_id, status, district, plan_year, title,
      registered_on, revision_requested_on, execution_started_on, planned_end, accepted_on,
      reported_periods, sent_reminder_ids)
    VALUES (@projectId, @status, @district, @planYear, @title, @registeredOn,
      @revisionRequestedOn, @executionStartedOn, @plannedEnd, @acceptedOn, @reportedPeriods,
      @sentReminderIds)
    ON CONFLICT(project_id) DO UPDATE SET status = excluded.status,
      district = excluded.district, plan_year = excluded.plan_year, title = excluded.title,
      registered_on = excluded.registered_on,
      revision_requested_on = excluded.revision_requested_on,
      execution_started_on = excluded.execution_started_on,
      planned_end = excluded.planned_end, accepted_on = excluded.accepted_on,
      reported_periods = excluded.reported_periods,
      sent_reminder_ids = excluded.sent_reminder_ids`);

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS reminder_project_facts (
        project_id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        district TEXT NOT NULL,
        plan_year INTEGER NOT NULL,
        title TEXT NOT NULL,
        registered_on TEXT NOT NULL,
        revision_requested_on TEXT,
        execution_started_on TEXT,
        planned_end TEXT NOT NULL,
        accepted_on TEXT,
        reported_periods TEXT NOT NULL,
        sent_reminder_ids TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS reminder_project_facts_by_status
        ON reminder_project_facts (status, accepted_on);
      -- Where version 2 of the reminder facts kept its own fold of every project.
      DROP TABLE IF EXISTS reminder_project_state;
    `);
  }

  reset(db: Database): void {
    db.exec('DELETE FROM reminder_project_facts;');
  }

  save(db: Database, facts: readonly ProjectReminderFacts[]): void {
    const upsert = this.upsert(db);
    for (const f of facts) {
      upsert.run({
        ...f,
        revisionRequestedOn: f.revisionRequestedOn ?? null,
        executionStartedOn: f.executionStartedOn ?? null,
        acceptedOn: f.acceptedOn ?? null,
        reportedPeriods: JSON.stringify(f.reportedPeriods),
        sentReminderIds: JSON.stringify(f.sentReminderIds),
      });
    }
  }
}

/** reminder_plan_facts: one row per opened yearly plan. */
export class ReminderPlanFactsRows implements ReminderFactsRows<PlanReminderFacts> {
  /** 1: fed by the plan projection; no folded state kept here. */
  readonly version = 1;
  private readonly upsert = statementFor(`
    INSERT INTO reminder_plan_facts (year, status, registration_deadline, districts_submitted,
      sent_reminder_ids)
    VALUES (@year, @status, @registrationDeadline, @districtsSubmitted, @sentReminderIds)
    ON CONFLICT(year) DO UPDATE SET status = excluded.status,
      registration_deadline = excluded.registration_deadline,
      districts_submitted = excluded.districts_submitted,
      sent_reminder_ids = excluded.sent_reminder_ids`);

  setup(db: Database): void {
    // The table as the reminders' own projection made it kept the plan's folded state: the
    // plan projection's version change rebuilds its rows, in the narrow shape.
    const columns = db.prepare('PRAGMA table_info(reminder_plan_facts)').all() as {
      name: string;
    }[];
    if (columns.some((column) => column.name === 'state_json'))
      db.exec('DROP TABLE reminder_plan_facts');
    db.exec(`
      CREATE TABLE IF NOT EXISTS reminder_plan_facts (
        year INTEGER PRIMARY KEY,
        status TEXT NOT NULL,
        registration_deadline TEXT,
        districts_submitted TEXT NOT NULL,
        sent_reminder_ids TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS reminder_plan_facts_by_status ON reminder_plan_facts (status);
    `);
  }

  reset(db: Database): void {
    db.exec('DELETE FROM reminder_plan_facts;');
  }

  save(db: Database, facts: readonly PlanReminderFacts[]): void {
    const upsert = this.upsert(db);
    for (const f of facts) {
      upsert.run({
        year: f.year,
        status: f.status,
        registrationDeadline: f.registrationDeadline ?? null,
        districtsSubmitted: JSON.stringify(f.districtsSubmitted),
        sentReminderIds: JSON.stringify(f.sentReminderIds),
      });
    }
  }
}

/** A statement prepared once per database connection. */
function statementFor(sql: string): (db: Database) => Statement {
  let cached: { db: Database; statement: Statement } | undefined;
  return (db) => {
    if (cached?.db !== db) cached = { db, statement: db.prepare(sql) };
    return cached.statement;
  };
}
