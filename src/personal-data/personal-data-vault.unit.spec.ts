import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PERSONAL_DATA_FILE,
  PersonalDataErasedError,
  PersonalDataVault,
} from './personal-data-vault';

const SUBJECT = '0b4d8a52-1111-5222-8333-444455556666';
const VALUE = {
  name: 'Hộ kinh doanh Lâm Văn Thử',
  address: 'Ấp 2, xã Phú Lập',
  taxCode: '3600999888',
};

let dir: string;
let vault: PersonalDataVault;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kc-vault-'));
  vault = PersonalDataVault.open(dir);
});

afterEach(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the personal-data vault', () => {
  it('seals a value as a reference and a keyed hash, and reads it back', () => {
    const { sealed, created } = vault.seal(SUBJECT, VALUE);
    expect(created).toBe(true);
    expect(sealed.personalData).toEqual({
      subjectId: SUBJECT,
      version: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(vault.unseal(sealed)).toEqual({ status: 'present', value: VALUE });
  });

  it('stores only ciphertext: the file never holds the value', () => {
    vault.seal(SUBJECT, VALUE);
    vault.close();
    vault = PersonalDataVault.open(dir);
    for (const suffix of ['', '-wal']) {
      const bytes = readFileSync(join(dir, `${PERSONAL_DATA_FILE}${suffix}`));
      expect(bytes.includes(Buffer.from(VALUE.name, 'utf8'))).toBe(false);
    }
    expect(statSync(join(dir, PERSONAL_DATA_FILE)).mode & 0o777).toBe(0o600);
  });

  it('answers a repeated value with the version it already has (retries), a new value with the next', () => {
    const first = vault.seal(SUBJECT, VALUE);
    expect(vault.seal(SUBJECT, { ...VALUE })).toEqual({ sealed: first.sealed, created: false });
    const second = vault.seal(SUBJECT, { ...VALUE, address: 'Ấp 3' });
    expect(second.sealed.personalData.version).toBe(2);
    expect(second.sealed.personalData.hash).not.toBe(first.sealed.personalData.hash);
    expect(vault.unseal(first.sealed)).toEqual({ status: 'present', value: VALUE });
  });

  it('gives another subject another key, so equal values hash differently', () => {
    const a = vault.seal(SUBJECT, VALUE).sealed.personalData.hash;
    const b = vault.seal('0b4d8a52-1111-5222-8333-999999999999', VALUE).sealed.personalData.hash;
    expect(a).not.toBe(b);
  });

  it('does not show a value whose hash does not match the reference', () => {
    const { sealed } = vault.seal(SUBJECT, VALUE);
    const forged = { personalData: { ...sealed.personalData, hash: 'f'.repeat(64) } };
    expect(vault.unseal(forged)).toEqual({ status: 'unavailable' });
  });

  it('erases: keys and ciphertexts gone, every read says erased, no new value is taken', () => {
    const { sealed } = vault.seal(SUBJECT, VALUE);
    vault.erase(SUBJECT, '2026-03-02T03:00:00.000Z');
    vault.erase(SUBJECT, '2026-03-03T03:00:00.000Z'); // again: harmless
    expect(vault.unseal(sealed)).toEqual({ status: 'erased' });
    expect(vault.isErased(SUBJECT)).toBe(true);
    expect(() => vault.seal(SUBJECT, VALUE)).toThrow(PersonalDataErasedError);
  });

  it('discards a version sealed for a refused command, and the key with the last one', () => {
    const { sealed } = vault.seal(SUBJECT, VALUE);
    vault.discard(sealed);
    expect(vault.unseal(sealed)).toEqual({ status: 'unavailable' });
    // A fresh key: the same value now hashes differently.
    expect(vault.seal(SUBJECT, VALUE).sealed.personalData.hash).not.toBe(sealed.personalData.hash);
  });
});
