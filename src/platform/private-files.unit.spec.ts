import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataDirDatabase } from '../event-store/sqlite-database';
import { ensurePrivateDataDir } from './private-files';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the data directory is private to the account the server runs as', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kc-modes-'));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates DATA_DIR 0700 and the database with its -wal and -shm 0600 under umask 022', () => {
    const dataDir = join(root, 'data');
    const db = openDataDirDatabase(dataDir);
    try {
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      expect(modeOf(dataDir)).toBe('700');
      for (const name of ['khuyencong.sqlite', 'khuyencong.sqlite-wal', 'khuyencong.sqlite-shm'])
        expect([name, modeOf(join(dataDir, name))]).toEqual([name, '600']);
    } finally {
      db.close();
    }
  });

  it('tightens an existing DATA_DIR left readable by others, and says what it changed', () => {
    const dataDir = join(root, 'old');
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'khuyencong.sqlite'), '');
    writeFileSync(join(dataDir, 'backups', 'old.jsonl'), '');
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'backups'), 0o775);
    chmodSync(join(dataDir, 'khuyencong.sqlite'), 0o644);
    chmodSync(join(dataDir, 'backups', 'old.jsonl'), 0o664);

    const notes = ensurePrivateDataDir(dataDir);
    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(join(dataDir, 'backups'))).toBe('700');
    expect(modeOf(join(dataDir, 'khuyencong.sqlite'))).toBe('600');
    expect(modeOf(join(dataDir, 'backups', 'old.jsonl'))).toBe('600');
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/was 0755, readable by others: tightened to 0700/);
    expect(ensurePrivateDataDir(dataDir)).toEqual([]);
  });
});
