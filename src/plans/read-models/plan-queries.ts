import type { Database } from 'better-sqlite3';
import { whereEqual } from '../../shared/sql-where';
import { planView, type PlanState, type PlanView } from '../domain/plan.state';

/** A plan as the API shows it: its view against the districts known now, with version and last change. */
export type PlanDetails = PlanView & { readonly version: number; readonly updatedAt: string };

interface Row {
  version: number;
  updated_at: string;
  state_json: string;
}

export interface PlanFilter {
  readonly year?: number;
  readonly programCode?: string;
}

/** The registering units expected to register for a year's plan (registering-units.ts). */
export type ExpectedUnits = (year: number) => readonly string[];

/** Reads of the plan read model. */
export class PlanQueries {
  constructor(private readonly db: Database) {}

  find(year: number, expected: ExpectedUnits): PlanDetails | undefined {
    return this.list({ year }, expected)[0];
  }

  /** The plan's state beside its details: the actions a caller may take are read off it. */
  findWithState(
    year: number,
    expected: ExpectedUnits,
  ): { details: PlanDetails; state: PlanState } | undefined {
    const row = this.db
      .prepare('SELECT version, updated_at, state_json FROM plan_summary WHERE year = ?')
      .get(year) as Row | undefined;
    return (
      row && { details: details(row, expected), state: JSON.parse(row.state_json) as PlanState }
    );
  }

  /**
   * The projects a unit registered for a year, as its registration form offers them (the
   * projects' read model shares this database; the command checks each against the log).
   */
  unitProjects(unit: string, year: number): { value: string; label: string }[] {
    return this.db
      .prepare(
        `SELECT project_id AS value, title AS label FROM project_summary
         WHERE district = ? AND plan_year = ? ORDER BY first_position`,
      )
      .all(unit, year) as { value: string; label: string }[];
  }

  list(filter: PlanFilter, expected: ExpectedUnits): PlanDetails[] {
    const { where, params } = whereEqual(filter, { year: 'year', programCode: 'program_code' });
    const rows = this.db
      .prepare(`SELECT version, updated_at, state_json FROM plan_summary ${where} ORDER BY year`)
      .all(params) as Row[];
    return rows.map((row) => details(row, expected));
  }
}

function details(row: Row, expected: ExpectedUnits): PlanDetails {
  const state = JSON.parse(row.state_json) as PlanState;
  const view = state.status === 'none' ? null : planView(state, expected(state.year));
  if (!view) throw new Error('A plan read-model row holds no opened plan');
  return { ...view, version: row.version, updatedAt: row.updated_at };
}
