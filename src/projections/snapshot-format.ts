import type { Database } from 'better-sqlite3';

/**
 * A stored snapshot of folded state written in another format than the one this code folds:
 * folding on from it could read a shape the code no longer knows (or one an upcaster has
 * since changed), so the projection refuses, and the read models are to be rebuilt.
 */
export class SnapshotFormatError extends Error {
  constructor(what: string, format: number, expected: number) {
    super(
      `The snapshot of ${what} is of format ${format}, this code folds format ${expected}: ` +
        'the read models must be rebuilt (npm run projections:rebuild)',
    );
    this.name = 'SnapshotFormatError';
  }
}

/** A stored snapshot row: the folded state's JSON, its format, and the stream version it holds. */
export interface SnapshotRow {
  readonly state_json: string;
  readonly snapshot_format: number;
  readonly version: number;
}

/**
 * The state a stored row holds, refused unless it is of `format`; `initial` (at version 0)
 * for a subject with no row. The format says the JSON is the state as this code folds it.
 */
export function storedSnapshot<S>(
  row: SnapshotRow | undefined,
  format: number,
  what: string,
  initial: S,
): { readonly state: S; readonly version: number } {
  if (!row) return { state: initial, version: 0 };
  if (row.snapshot_format !== format)
    throw new SnapshotFormatError(what, row.snapshot_format, format);
  return { state: JSON.parse(row.state_json) as S, version: row.version };
}

/**
 * Drops `table` when it exists without `column`: a table of a format that did not record its
 * snapshot format, whose rows the runner rebuilds (the projection's version rose with it).
 */
export function dropTableWithout(db: Database, table: string, column: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  if (columns.length > 0 && !columns.some((c) => c.name === column)) db.exec(`DROP TABLE ${table}`);
}
