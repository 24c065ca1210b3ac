import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DATA_DIR holds every beneficiary's data and the development signing key: only the account
 * the server runs as may read it. Modes are set explicitly, so they do not depend on the
 * umask (under the common 022 a plain mkdir gives 0755 and SQLite creates its files 0644).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const wider = (mode: number) => (mode & 0o077) !== 0;
const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/**
 * Creates `dir` 0700 if missing; an existing one, and everything under it, that others may
 * read is tightened (directories 0700, files 0600). Returns one line per change, or per entry
 * it could not change (another owner), for the caller to log as a warning.
 */
export function ensurePrivateDataDir(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const notes: string[] = [];
  tighten(dir, true, notes);
  return notes;
}

function tighten(path: string, isDirectory: boolean, notes: string[]): void {
  const mode = statSync(path).mode;
  const wanted = isDirectory ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
  if (wider(mode)) {
    try {
      chmodSync(path, wanted);
      notes.push(`${path} was ${octal(mode)}, readable by others: tightened to ${octal(wanted)}`);
    } catch (error) {
      notes.push(`${path} is ${octal(mode)}, readable by others, and could not be tightened: ${(error as Error).message}`);
    }
  }
  if (!isDirectory) return;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    // Symbolic links are left alone: their target may be anywhere.
    if (entry.isDirectory() || entry.isFile()) tighten(join(path, entry.name), entry.isDirectory(), notes);
  }
}

/** Creates `file` empty with mode 0600 if missing, and tightens it to 0600 if it is wider. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (wider(statSync(file).mode)) chmodSync(file, PRIVATE_FILE_MODE);
}
