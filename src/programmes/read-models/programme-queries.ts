import type { Database } from 'better-sqlite3';
import { programmeView, type ProgrammeState, type ProgrammeView } from '../domain/programme.state';

/** A programme as the API shows it: its view, with the stream version and last change. */
export type ProgrammeDetails = ProgrammeView & {
  readonly version: number;
  readonly updatedAt: string;
};

interface Row {
  version: number;
  updated_at: string;
  state_json: string;
}

/** Reads of the programme read model. */
export class ProgrammeQueries {
  constructor(private readonly db: Database) {}

  find(code: string): ProgrammeDetails | undefined {
    const row = this.db
      .prepare('SELECT version, updated_at, state_json FROM programme_summary WHERE code = ?')
      .get(code) as Row | undefined;
    return row && details(row);
  }

  list(): { items: ProgrammeDetails[]; total: number } {
    const rows = this.db
      .prepare(
        'SELECT version, updated_at, state_json FROM programme_summary ORDER BY from_year, code',
      )
      .all() as Row[];
    return { items: rows.map(details), total: rows.length };
  }
}

function details(row: Row): ProgrammeDetails {
  const view = programmeView(JSON.parse(row.state_json) as ProgrammeState);
  if (!view) throw new Error('A programme read-model row holds no created programme');
  return { ...view, version: row.version, updatedAt: row.updated_at };
}
