import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, PRIVATE_FILE_MODE } from './private-files';

/** The file whose exclusive SQLite (fcntl) lock the one writer of DATA_DIR holds while it runs. */
export const LOCK_FILE_NAME = 'khuyencong.lock';
/** Who holds the lock, written by the holder once it has it: what a refused process names. */
export const LOCK_HOLDER_FILE_NAME = 'khuyencong.lock.json';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  /** The program that holds it (main.js: the server; rebuild-projections.js, store-import.js...). */
  readonly command: string;
}

/** Another process holds DATA_DIR: this one must not write to it. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      `${dataDir} is in use by another process (${describeHolder(holder)}): only one server or ` +
        'maintenance command may write to a data directory at a time',
    );
    this.name = 'DataDirLockedError';
  }
}

export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'it has not yet written who it is';
  return `PID ${holder.pid} on ${holder.host}, ${holder.command}, since ${holder.startedAt}`;
}

/**
 * One writer per data directory. The lock is the exclusive lock SQLite takes on a file of
 * its own (BEGIN EXCLUSIVE on DATA_DIR/khuyencong.lock), kept for the life of the process:
 * an fcntl lock the kernel gives to one process at a time and drops when that process ends
 * in any way, kill -9 and power cut included. So a crashed holder never blocks the next
 * start, and no PID has to be guessed stale (PIDs are reused: in a container the server is
 * often PID 1 on every start). Within one process SQLite refuses a second connection too.
 *
 * The holder then writes who it is (PID, host, start time, program) to khuyencong.lock.json,
 * atomically (a temporary file renamed), for the refusal message; a holder file left by a
 * process that died is reported as such by the next holder. Like SQLite itself this needs a
 * local file system: fcntl locks on network shares are not to be trusted.
 */
export class DataDirLock {
  private constructor(
    private readonly db: Database.Database,
    private readonly holderFile: string,
    readonly holder: LockHolder,
    /** The holder file a previous holder left behind when it ended without releasing. */
    readonly previous: LockHolder | undefined,
  ) {}

  static acquire(dataDir: string): DataDirLock {
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    const holderFile = join(dataDir, LOCK_HOLDER_FILE_NAME);
    ensurePrivateFile(lockFile);
    const db = new Database(lockFile);
    try {
      // Never wait: a second process is told at once.
      db.pragma('busy_timeout = 0');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY')
        throw new DataDirLockedError(dataDir, readHolder(holderFile));
      throw error;
    }
    const previous = readHolder(holderFile);
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      command: basename(process.argv[1] ?? process.argv0),
    };
    try {
      const temporary = `${holderFile}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(holder)}\n`, { mode: PRIVATE_FILE_MODE });
      renameSync(temporary, holderFile);
    } catch (error) {
      db.close();
      throw error;
    }
    return new DataDirLock(db, holderFile, holder, previous);
  }

  get held(): boolean {
    return this.db.open;
  }

  /** Removes the holder file (if still ours) and drops the lock. */
  release(): void {
    if (!this.db.open) return;
    const written = readHolder(this.holderFile);
    if (written?.pid === this.holder.pid && written.startedAt === this.holder.startedAt) {
      try {
        unlinkSync(this.holderFile);
      } catch {
        // Gone already: nothing to tidy.
      }
    }
    this.db.close();
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? (holder as LockHolder)
      : undefined;
  } catch {
    return undefined;
  }
}
