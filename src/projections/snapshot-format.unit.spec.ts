import Database from 'better-sqlite3';
import { dropTableWithout, SnapshotFormatError, storedSnapshot } from './snapshot-format';

describe('stored snapshots and their format', () => {
  it('reads a row of the expected format, and starts a subject with no row at version 0', () => {
    const row = { state_json: '{"status":"created","total":5}', snapshot_format: 2, version: 7 };
    expect(storedSnapshot(row, 2, 'programme X', { status: 'none' })).toEqual({
      state: { status: 'created', total: 5 },
      version: 7,
    });
    expect(storedSnapshot(undefined, 2, 'programme X', { status: 'none' })).toEqual({
      state: { status: 'none' },
      version: 0,
    });
  });

  it('refuses a row of another format, naming the subject and both formats', () => {
    const row = { state_json: '{}', snapshot_format: 3, version: 1 };
    expect(() => storedSnapshot(row, 2, 'programme X', {})).toThrow(SnapshotFormatError);
    expect(() => storedSnapshot(row, 2, 'programme X', {})).toThrow(
      'The snapshot of programme X is of format 3, this code folds format 2',
    );
  });

  it('drops a table only when it exists without the column', () => {
    const db = new Database(':memory:');
    const tables = () =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    db.exec('CREATE TABLE old (a TEXT); CREATE TABLE kept (a TEXT, snapshot_format INTEGER)');
    dropTableWithout(db, 'old', 'snapshot_format');
    dropTableWithout(db, 'kept', 'snapshot_format');
    dropTableWithout(db, 'absent', 'snapshot_format');
    expect(tables()).toEqual(['kept']);
    db.close();
  });
});
