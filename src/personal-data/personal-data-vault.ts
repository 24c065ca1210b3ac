import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { join } from 'node:path';
import { EventStoreUnavailableError } from '../event-store/event-store.port';
import { canonicalJson } from '../event-store/hash-chain';
import { isSqliteUnavailableError } from '../event-store/sqlite-database';
import { ensurePrivateFile } from '../platform/private-files';
import type { Beneficiary, SealedBeneficiary } from '../projects/domain/project.types';

/** The vault's file in DATA_DIR, beside the log (never inside it). */
export const PERSONAL_DATA_FILE = 'personal-data.sqlite';

/** What a read finds behind a reference. */
export type Unsealed =
  | { readonly status: 'present'; readonly value: Beneficiary }
  /** The subject's key was destroyed by an erasure: the value can never be read again. */
  | { readonly status: 'erased' }
  /** No such value here (a vault not moved with the log, or a value never committed). */
  | { readonly status: 'unavailable' };

export interface SealResult {
  readonly sealed: SealedBeneficiary;
  /** True when this call stored a new version (to be discarded if the command fails). */
  readonly created: boolean;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;

/**
 * Personal data kept out of the immutable log (crypto-shredding). Each data subject has its
 * own random AES-256-GCM key and HMAC key; every version of the subject's value is stored
 * encrypted under that key, and the log carries only the subject id, the version and the
 * HMAC of the value. An erasure deletes the keys and the ciphertexts: what the log holds then
 * proves that a value was recorded, and when, but nobody can recover or confirm it (the HMAC
 * key is gone too, so a guessed name cannot be checked against the hash).
 *
 * The vault's SQLite file uses secure_delete, and an erasure checkpoints and truncates the
 * write-ahead log, so no freed page keeps a destroyed key. Writes are durable (synchronous
 * FULL) before the event that references them is appended.
 */
export class PersonalDataVault {
  private readonly db: Database;

  private constructor(db: Database) {
    this.db = db;
  }

  static open(dataDir: string): PersonalDataVault {
    const file = join(dataDir, PERSONAL_DATA_FILE);
    ensurePrivateFile(file);
    // A short wait for a lock (none but this process writes here): never stall the event loop.
    const db = new BetterSqlite3(file, { timeout: 50 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.exec(`
      CREATE TABLE IF NOT EXISTS subject_keys (
        subject_id TEXT PRIMARY KEY,
        enc_key BLOB NOT NULL,
        mac_key BLOB NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS sealed_values (
        subject_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        iv BLOB NOT NULL,
        ciphertext BLOB NOT NULL,
        tag BLOB NOT NULL,
        PRIMARY KEY (subject_id, version)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS erased_subjects (
        subject_id TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL
      ) STRICT;
    `);
    for (const suffix of ['', '-wal', '-shm']) ensurePrivateFile(`${file}${suffix}`);
    return new PersonalDataVault(db);
  }

  /**
   * Stores `value` as the subject's newest version, unless the newest already holds the same
   * value (a retried command, a resubmission that repeats it): then that version is returned.
   * An erased subject takes no new value.
   */
  seal(subjectId: string, value: Beneficiary): SealResult {
    return this.writing(() => this.sealNow(subjectId, value));
  }

  private sealNow(subjectId: string, value: Beneficiary): SealResult {
    return this.db.transaction((): SealResult => {
      if (this.isErased(subjectId)) throw new PersonalDataErasedError(subjectId);
      const keys = this.keysOf(subjectId) ?? this.createKeys(subjectId);
      const plain = Buffer.from(canonicalJson(value), 'utf8');
      const hash = createHmac('sha256', keys.mac_key).update(plain).digest('hex');
      const newest = this.db
        .prepare<[string], { version: number; hash: string }>(
          'SELECT version, hash FROM sealed_values WHERE subject_id = ? ORDER BY version DESC LIMIT 1',
        )
        .get(subjectId);
      if (newest && timingSafeEqual(Buffer.from(newest.hash), Buffer.from(hash))) {
        return { sealed: sealedRef(subjectId, newest.version, hash), created: false };
      }
      const version = (newest?.version ?? 0) + 1;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.enc_key, iv);
      cipher.setAAD(Buffer.from(`${subjectId}:${version}`, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
      this.db
        .prepare(
          'INSERT INTO sealed_values (subject_id, version, hash, iv, ciphertext, tag) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(subjectId, version, hash, iv, ciphertext, cipher.getAuthTag());
      return { sealed: sealedRef(subjectId, version, hash), created: true };
    })();
  }

  /** Removes a version this process sealed for a command that was then refused. */
  discard(sealed: SealedBeneficiary): void {
    const { subjectId, version } = sealed.personalData;
    this.writing(() =>
      this.db.transaction(() => {
        this.db
          .prepare('DELETE FROM sealed_values WHERE subject_id = ? AND version = ?')
          .run(subjectId, version);
        const left = this.db
          .prepare('SELECT 1 FROM sealed_values WHERE subject_id = ? LIMIT 1')
          .get(subjectId);
        if (!left) this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?').run(subjectId);
      })(),
    );
  }

  /** The value behind a reference, checked against the hash the log holds. */
  unseal(sealed: SealedBeneficiary): Unsealed {
    const { subjectId, version, hash } = sealed.personalData;
    if (this.isErased(subjectId)) return { status: 'erased' };
    const keys = this.keysOf(subjectId);
    const row = this.db
      .prepare<[string, number], { hash: string; iv: Buffer; ciphertext: Buffer; tag: Buffer }>(
        'SELECT hash, iv, ciphertext, tag FROM sealed_values WHERE subject_id = ? AND version = ?',
      )
      .get(subjectId, version);
    if (!keys || !row || row.hash !== hash) return { status: 'unavailable' };
    const decipher = createDecipheriv('aes-256-gcm', keys.enc_key, row.iv);
    decipher.setAAD(Buffer.from(`${subjectId}:${version}`, 'utf8'));
    decipher.setAuthTag(row.tag);
    const plain = Buffer.concat([decipher.update(row.ciphertext), decipher.final()]);
    return { status: 'present', value: JSON.parse(plain.toString('utf8')) as Beneficiary };
  }

  /**
   * Destroys the subject's keys and every ciphertext, and remembers only that it was erased.
   * Idempotent: applying a recorded erasure again (a restored backup, a rebuild) is harmless.
   */
  erase(subjectId: string, erasedAt: string): void {
    this.writing(() => this.eraseNow(subjectId, erasedAt));
  }

  private eraseNow(subjectId: string, erasedAt: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sealed_values WHERE subject_id = ?').run(subjectId);
      this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?').run(subjectId);
      this.db
        .prepare('INSERT OR IGNORE INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)')
        .run(subjectId, erasedAt);
    })();
    // Freed pages are zeroed (secure_delete); the WAL still holds the pages as they were
    // before the delete until it is checkpointed into the file and truncated.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  isErased(subjectId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject_id = ?').get(subjectId) !==
      undefined
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A full disk or a read-only file is the storage being unavailable (503), as for the log. */
  private writing<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (isSqliteUnavailableError(error)) {
        throw new EventStoreUnavailableError(
          `The personal-data vault cannot take writes now: ${(error as Error).message}`,
          error,
        );
      }
      throw error;
    }
  }

  private keysOf(subjectId: string): { enc_key: Buffer; mac_key: Buffer } | undefined {
    return this.db
      .prepare<[string], { enc_key: Buffer; mac_key: Buffer }>(
        'SELECT enc_key, mac_key FROM subject_keys WHERE subject_id = ?',
      )
      .get(subjectId);
  }

  private createKeys(subjectId: string): { enc_key: Buffer; mac_key: Buffer } {
    const keys = { enc_key: randomBytes(KEY_BYTES), mac_key: randomBytes(KEY_BYTES) };
    this.db
      .prepare('INSERT INTO subject_keys (subject_id, enc_key, mac_key) VALUES (?, ?, ?)')
      .run(subjectId, keys.enc_key, keys.mac_key);
    return keys;
  }
}

export class PersonalDataErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(
      `The personal data of subject ${subjectId} was erased; no new value can be recorded for it`,
    );
    this.name = 'PersonalDataErasedError';
  }
}

function sealedRef(subjectId: string, version: number, hash: string): SealedBeneficiary {
  return { personalData: { subjectId, version, hash } };
}
