import BetterSqlite3 from 'better-sqlite3';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportLog } from '../../src/event-store/log-move';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { PERSONAL_DATA_FILE } from '../../src/personal-data/personal-data-vault';
import { ERASED_BENEFICIARY_NAME } from '../../src/personal-data/shown-beneficiary';
import type { Json } from '../support/http';
import type { ProjectSteps } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * Personal data out of the immutable log (issue 9, finding 10): a household business's name,
 * address and tax code are kept encrypted in the vault with a key of their own; the log holds
 * a reference and a keyed hash. An erasure destroys the key, after which every read shows the
 * value as erased, no byte of it is left in DATA_DIR, and the hash chain still verifies.
 */

// Values no other test uses, so a byte search finds only what this test wrote.
const PERSON = {
  name: 'Hộ kinh doanh Trịnh Thị Xuyến-7Q4Z',
  address: 'Tổ 9, khu phố Bàu Sen-K2R8, phường Trảng Dài',
  taxCode: '8877665544-913',
};

const { server, api, people, steps } = useTestServer({ failOnErrorLogs: false });

/** Every file under `dir` (the database, its -wal and -shm, the vault, the lock files). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files of DATA_DIR in which `needle` occurs. */
function filesHolding(needle: Buffer): string[] {
  return filesUnder(server.dataDir).filter((file) => readFileSync(file).includes(needle));
}

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

function vaultRows(sql: string): Json[] {
  const db = new BetterSqlite3(join(server.dataDir, PERSONAL_DATA_FILE), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

async function registerForPerson(steps: ProjectSteps): Promise<string> {
  const { id, position } = await steps.register({ beneficiary: { ...PERSON } as never });
  lastPosition = position as string;
  return id as string;
}

/** Where the last command left the log: reads wait for it (read-your-writes). */
let lastPosition = '0';

describe('personal data kept out of the log', () => {
  it('never writes the beneficiary in plain text to the log or the read models', async () => {
    const id = await registerForPerson(steps);
    const detail = await api.get(`/projects/${id}`, { minPosition: lastPosition }, { token: people.center });
    expect(detail.body.beneficiary).toMatchObject({ ...PERSON, personalData: { status: 'present', version: 1 } });

    const history = await api.get(`/projects/${id}/history`, {}, { token: people.auditor });
    const registered = history.body.events[0];
    // The event as recorded holds the reference and a keyed hash; the value is read beside it.
    expect(registered.data.beneficiary).toEqual({
      personalData: { subjectId: expect.any(String), version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(registered.beneficiary).toMatchObject(PERSON);
    for (const value of Object.values(PERSON)) {
      expect({ value, files: filesHolding(bytesOf(value)) }).toEqual({ value, files: [] });
    }
  });

  it('erases the subject: every read still works, shows the value as erased, and no byte of it is left', async () => {
    const id = await registerForPerson(steps);
    await steps.startAppraisal(id);
    const passed = await steps.passAppraisal(id, 150_000_000);
    const subjectId = (await api.get(`/projects/${id}`, { minPosition: passed.position }, { token: people.admin })).body.beneficiary
      .personalData.subjectId as string;
    const [keys] = vaultRows(`SELECT enc_key, mac_key FROM subject_keys WHERE subject_id = '${subjectId}'`);
    expect(keys.enc_key).toHaveLength(32);

    const erasure = { legalBasis: 'Điều 14 Luật Bảo vệ dữ liệu cá nhân 2025', requestRef: 'Đơn số 12/2026' };
    const erased = await api.post(`/projects/${id}/personal-data/erasure`, erasure, { token: people.admin });
    expect(erased.status).toBe(200);
    // Asked again (a retry, a second request): nothing more to record.
    const again = await api.post(`/projects/${id}/personal-data/erasure`, erasure, { token: people.admin });
    expect(again.body.version).toBe(erased.body.version);

    const detail = await api.get(`/projects/${id}`, { minPosition: erased.body.position }, { token: people.center });
    expect(detail.status).toBe(200);
    expect(detail.body.beneficiary).toEqual({
      name: ERASED_BENEFICIARY_NAME,
      personalData: { subjectId, version: 1, status: 'erased' },
    });
    expect(detail.body).toMatchObject({ status: 'appraised', appraisedFundingVnd: 150_000_000 });

    const history = await api.get(`/projects/${id}/history`, {}, { token: people.auditor });
    expect(history.status).toBe(200);
    expect(history.body.events.map((e: Json) => e.type)).toEqual([
      'ProjectRegistered',
      'AppraisalStarted',
      'AppraisalPassed',
      'PersonalDataErased',
    ]);
    expect(history.body.events[0].beneficiary.name).toBe(ERASED_BENEFICIARY_NAME);
    expect(history.body.events[3].data).toEqual({ subjectId, ...erasure, erasedBy: people.subs.admin });

    const asOf = await api.get(`/projects/${id}/state`, { asOfVersion: 1 }, { token: people.auditor });
    expect(asOf.status).toBe(200);
    expect(asOf.body.state.beneficiary.name).toBe(ERASED_BENEFICIARY_NAME);

    const verify = await api.get(`/projects/${id}/verify`, {}, { token: people.auditor });
    expect(verify.body).toMatchObject({ valid: true, eventsChecked: 4 });

    const report = await api.get('/reports/disbursement', { groupBy: 'district', planYear: 2024 }, { token: people.auditor });
    expect(report.status).toBe(200);
    const csv = await api.get(
      '/reports/disbursement',
      { groupBy: 'district', planYear: 2024 },
      { token: people.auditor, headers: { accept: 'text/csv' } },
    );
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/text\/csv/);

    // The log exported after the erasure carries no value either (it never did).
    const exported = join(server.dataDir, '..', `export-${process.pid}-${subjectId}.jsonl`);
    const reader = new SqliteEventStore(server.databaseFile);
    try {
      await exportLog(reader, exported, { source: 'e2e', exportedAt: new Date().toISOString() });
    } finally {
      await reader.close();
    }
    const exportText = readFileSync(exported, 'utf8');
    rmSync(exported);
    expect(exportText).toContain('PersonalDataErased');

    // No byte of the erased values, nor of the subject's keys, anywhere in DATA_DIR.
    const needles = [...Object.values(PERSON).map(bytesOf), keys.enc_key as Buffer, keys.mac_key as Buffer];
    for (const needle of needles) {
      expect(exportText.includes(needle.toString('utf8'))).toBe(false);
      expect({ needle: needle.toString('hex'), files: filesHolding(needle) }).toEqual({
        needle: needle.toString('hex'),
        files: [],
      });
    }
    expect(vaultRows(`SELECT * FROM subject_keys WHERE subject_id = '${subjectId}'`)).toEqual([]);
    expect(vaultRows(`SELECT * FROM sealed_values WHERE subject_id = '${subjectId}'`)).toEqual([]);

    // After an erasure no new value can be recorded for the subject.
    const correction = await api.post(
      `/projects/${id}/beneficiary/correction`,
      { beneficiary: PERSON, reason: 'Ghi lại' },
      { token: people.center },
    );
    expect(correction.status).toBe(422);
    expect(correction.body.code).toBe('personal_data_erased');
  });

  it('records a correction as a new version; history shows each version as it was', async () => {
    const id = await registerForPerson(steps);
    const corrected = { ...PERSON, address: 'Tổ 10, khu phố Bàu Sen, phường Trảng Dài' };
    const answer = await api.post(
      `/projects/${id}/beneficiary/correction`,
      { beneficiary: corrected, reason: 'Sửa địa chỉ theo đề nghị của chủ hộ' },
      { token: people.center },
    );
    expect(answer.status).toBe(200);
    const detail = await api.get(`/projects/${id}`, { minPosition: answer.body.position }, { token: people.center });
    expect(detail.body.beneficiary).toMatchObject({ ...corrected, personalData: { version: 2, status: 'present' } });
    const history = await api.get(`/projects/${id}/history`, {}, { token: people.auditor });
    const [first, second] = history.body.events;
    expect(first.beneficiary.address).toBe(PERSON.address);
    expect(second.type).toBe('BeneficiaryCorrected');
    expect(second.beneficiary).toMatchObject({ address: corrected.address, personalData: { version: 2 } });
    expect(second.data.beneficiary.personalData.hash).not.toBe(first.data.beneficiary.personalData.hash);
  });

  it('keeps nothing in the vault for a refused registration', async () => {
    const before = vaultRows('SELECT COUNT(*) AS n FROM sealed_values')[0].n as number;
    const refused = await api.post(
      '/projects',
      {
        planYear: 2024,
        district: people.district,
        title: 'Dự án không hợp lệ',
        activityType: 'no-such-activity',
        beneficiary: { name: 'Hộ kinh doanh Bị Từ Chối-9X' },
        requestedFundingVnd: 1_000_000,
        targets: [{ indicator: 'trainees', target: 1 }],
        plannedStart: '2024-03-01',
        plannedEnd: '2024-04-01',
      },
      { token: people.districtOfficer },
    );
    expect(refused.status).toBe(422);
    expect(vaultRows('SELECT COUNT(*) AS n FROM sealed_values')[0].n).toBe(before);
  });

  it('refuses an erasure without its legal basis, naming the field, and records nothing', async () => {
    const id = await registerForPerson(steps);
    const refused = await api.post(
      `/projects/${id}/personal-data/erasure`,
      { requestRef: 'Đơn số 13/2026' },
      { token: people.admin },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('legalBasis');
    const history = await api.get(`/projects/${id}/history`, {}, { token: people.auditor });
    expect(history.body.events).toHaveLength(1);
  });
});
