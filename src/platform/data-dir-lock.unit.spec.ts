import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock, DataDirLockedError, LOCK_HOLDER_FILE_NAME } from './data-dir-lock';

describe('the lock on a data directory (real files, real SQLite locks)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kc-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder, naming the first one’s PID, until the first releases it', () => {
    const first = DataDirLock.acquire(dir);
    const holderFile = join(dir, LOCK_HOLDER_FILE_NAME);
    expect(JSON.parse(readFileSync(holderFile, 'utf8'))).toMatchObject({ pid: process.pid });
    expect((statSync(holderFile).mode & 0o777).toString(8)).toBe('600');

    let refusal: unknown;
    try {
      DataDirLock.acquire(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`PID ${process.pid}`);

    first.release();
    const second = DataDirLock.acquire(dir);
    // Released cleanly: no dead holder is reported.
    expect(second.previous).toBeUndefined();
    second.release();
  });
});
