import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ensurePrivateDataDir,
  ensurePrivateFile,
  PRIVATE_FILE_MODE,
} from '../platform/private-files';

/** The one file under DATA_DIR that holds events, read models and projection checkpoints. */
export const DATABASE_FILE_NAME = 'khuyencong.sqlite';

/**
 * How long SQLite itself waits for another connection's write lock before SQLITE_BUSY. Its
 * busy handler sleeps on the calling thread, which is the event loop: kept short, and the
 * event store retries a busy write asynchronously (SqliteEventStore, BUSY_RETRY_*).
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 10;

export interface OpenSqliteOptions {
  /** How long a write waits (blocking) for another connection's write lock before SQLITE_BUSY. */
  readonly busyTimeoutMs?: number;
}

export type SqliteDatabase = Database.Database;

/** Opens (creating if needed) a SQLite file with the settings every module relies on. */
export function openSqliteDatabase(file: string, options: OpenSqliteOptions = {}): SqliteDatabase {
  if (file !== '' && file !== ':memory:') privateDatabaseFiles(file);
  const db = new Database(file);
  try {
    // WAL lets readers (queries, projections) run while a writer commits.
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL does not fsync at commit, so a power cut could lose acknowledged
    // events; FULL fsyncs the WAL on every commit, and group commit pays that once per batch.
    db.pragma('synchronous = FULL');
    db.pragma(
      `busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`,
    );
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * The database file is created 0600 before SQLite opens it (SQLite would create it 0644 less
 * the umask), and SQLite gives its -wal and -shm files the database file's mode; ones left
 * wider by an older version are tightened.
 */
function privateDatabaseFiles(file: string): void {
  ensurePrivateFile(file);
  for (const companion of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(companion) && (statSync(companion).mode & 0o077) !== 0)
      chmodSync(companion, PRIVATE_FILE_MODE);
  }
}

export function databasePathIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/** Opens the application's database in `dataDir` (DATA_DIR), creating the directory (0700) if needed. */
export function openDataDirDatabase(
  dataDir: string,
  options: OpenSqliteOptions = {},
): SqliteDatabase {
  ensurePrivateDataDir(dataDir);
  return openSqliteDatabase(databasePathIn(dataDir), options);
}

/** SQLite result codes that mean "cannot write now" rather than a bug or a bad request. */
const UNAVAILABLE_CODES = [
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
];

/**
 * The SQLite result code of an error better-sqlite3 threw, if it is one. Checked by shape, not
 * with `instanceof`: the native addon keeps the SqliteError class of the first copy of the
 * module that loaded it, and Jest gives each test file its own copy (and its own `Error`).
 */
export function sqliteErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** True when another connection holds the lock a write needs (SQLITE_BUSY and its extended codes). */
export function isSqliteBusyError(error: unknown): boolean {
  const code = sqliteErrorCode(error);
  return code === 'SQLITE_BUSY' || (code?.startsWith('SQLITE_BUSY_') ?? false);
}

/** True for SQLite errors (including extended codes such as SQLITE_IOERR_FSYNC) that mean the database cannot take writes now. */
export function isSqliteUnavailableError(error: unknown): boolean {
  const code = sqliteErrorCode(error);
  if (code === null) {
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' && /database connection is not open/i.test(message);
  }
  return UNAVAILABLE_CODES.some(
    (unavailable) => code === unavailable || code.startsWith(`${unavailable}_`),
  );
}
