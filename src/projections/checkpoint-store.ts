import type { Database, Statement } from 'better-sqlite3';

export interface Checkpoint {
  readonly version: number;
  readonly position: bigint;
}

/** Where each projection has got to in the global log, in the read-model database. */
export class CheckpointStore {
  private readonly select: Statement;
  private readonly upsert: Statement;

  constructor(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      position INTEGER NOT NULL
    ) STRICT`);
    this.select = db
      .prepare('SELECT version, position FROM projection_checkpoints WHERE name = ?')
      .safeIntegers(true);
    this.upsert = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position`,
    );
  }

  get(name: string): Checkpoint | undefined {
    const row = this.select.get(name) as { version: bigint; position: bigint } | undefined;
    return row && { version: Number(row.version), position: row.position };
  }

  /** Call inside the transaction that wrote the read-model rows up to `position`. */
  set(name: string, version: number, position: bigint): void {
    this.upsert.run(name, version, position);
  }
}
