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

/** Reads of the plan read model. */
export class PlanQueries {
  constructor(private readonly db: Database) {}

  find(year: number, knownDistricts: readonly string[]): PlanDetails | undefined {
    return this.list({ year }, knownDistricts)[0];
  }

  list(filter: PlanFilter, knownDistricts: readonly string[]): PlanDetails[] {
    const { where, params } = whereEqual(filter, { year: 'year', programCode: 'program_code' });
    const rows = this.db
      .prepare(`SELECT version, updated_at, state_json FROM plan_summary ${where} ORDER BY year`)
      .all(params) as Row[];
    return rows.map((row) => details(row, knownDistricts));
  }
}

function details(row: Row, knownDistricts: readonly string[]): PlanDetails {
  const view = planView(JSON.parse(row.state_json) as PlanState, knownDistricts);
  if (!view) throw new Error('A plan read-model row holds no opened plan');
  return { ...view, version: row.version, updatedAt: row.updated_at };
}
