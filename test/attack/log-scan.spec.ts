import { Logger } from '@nestjs/common';
import { signDevToken } from '../../src/auth/dev-token';
import { describeSettings } from '../../src/config/settings';
import type { Role } from '../../src/shared/actor';
import { registrationBody } from '../support/http';
import { DAY, expectStatus, NAMES } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * A whole project lifecycle, with bad requests and forged tokens on the way, against the app
 * logging at its most verbose into a captured stream; then the log is searched for what must
 * never be in it: bearer tokens (whole, or any JWT-looking string), the word "Bearer", the
 * JWT secret, and the personal data of the beneficiary (name, address, tax code) and of the
 * officials (their names). The log must also hold the requests, so the scan reads a real log.
 */

const SECRET = 'log-scan-secret-that-is-long-enough-for-hs256-0123456789';
const BENEFICIARY = {
  name: 'Hộ kinh doanh Nguyễn Thị Mai Loan',
  address: '17 đường Hàm Nghi, ấp Bình Lộc, xã Xuân Thọ',
  taxCode: '3602918374',
};

const { server, api } = useTestServer({
  planYears: [],
  logLevel: 'trace',
  env: { AUTH_JWT_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '0' },
  failOnErrorLogs: false,
});
const lines = () => server.logs();
const tokens: string[] = [];

beforeAll(async () => {
  // What main.ts logs at start-up, through the same logger.
  new Logger('Main').log({ msg: 'Settings', settings: describeSettings(server.settings) });
  await runLifecycle(server.settings.auth);
});

async function tokenFor(role: Role): Promise<string> {
  const token = await server.token(role, {
    sub: `log-${role}`,
    name: NAMES[role],
    ...(role === 'district_officer' && { district: 'xuan-loc' }),
    ttlSeconds: 600,
  });
  tokens.push(token);
  return token;
}

/** A project from registration to settlement, plus the refusals a real day has. */
async function runLifecycle(auth: Parameters<typeof signDevToken>[0]): Promise<void> {
  const [district, center, approver, finance, auditor] = await Promise.all(
    (['district_officer', 'center_officer', 'approver', 'finance_officer', 'auditor'] as const).map(
      (role) => tokenFor(role),
    ),
  );
  // The project registers against the 2024 plan, which the admin and the Center open first.
  const [admin, opener] = await Promise.all([tokenFor('admin'), tokenFor('center_officer')]);
  const programme = {
    code: 'LOG-SCAN',
    name: 'Chương trình',
    fromYear: 2024,
    toYear: 2024,
    budgets: [],
    targets: [],
  };
  expectStatus('programme', await api.post('/programs', programme, { token: admin }), 201);
  const plan = { year: 2024, programCode: 'LOG-SCAN', registrationDeadline: '2023-05-20' };
  expectStatus('plan', await api.post('/plans', plan, { token: opener }), 201);
  const body = registrationBody('xuan-loc', { beneficiary: BENEFICIARY });
  const { id } = expectStatus(
    'register',
    await api.post('/projects', body, { token: district, idempotencyKey: 'log-scan-1' }),
    201,
  );
  const step = async (path: string, payload: unknown, token: string) =>
    expectStatus(path, await api.post(`/projects/${id}/${path}`, payload, { token }), 200);
  await step('appraisal/start', undefined, center);
  await step(
    'appraisal/result',
    { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 150_000_000 },
    center,
  );
  await step(
    'approval',
    { decisionNo: '5/QĐ-UBND', decisionDate: DAY.decision, approvedFundingVnd: 150_000_000 },
    approver,
  );
  await step('execution/start', { startedOn: DAY.started }, center);
  await step(
    'disbursements',
    { kind: 'advance', amountVnd: 50_000_000, paidOn: DAY.advance, voucherNo: 'UNC-7' },
    finance,
  );
  await step('acceptance', { acceptedOn: DAY.accepted, notes: 'Đạt' }, center);
  await step(
    'settlement',
    { settledAmountVnd: 50_000_000, settledOn: DAY.settled, decisionNo: '9/QĐ-TTKC' },
    finance,
  );

  // Refusals that carry the same data: invalid input, a domain rule, a forged and an expired token.
  await api.post('/projects', { ...body, requestedFundingVnd: -1 }, { token: district });
  await api.post('/projects', undefined, {
    token: district,
    rawBody: `{"beneficiary": {"name": "${BENEFICIARY.name}"`,
    contentType: 'application/json',
  });
  await api.post(
    `/projects/${id}/settlement`,
    { settledAmountVnd: 1, settledOn: DAY.settled, decisionNo: 'x' },
    { token: finance },
  );
  await api.get('/projects', {}, { token: `${center.slice(0, -4)}AAAA` });
  await api.get(
    '/projects',
    {},
    {
      token: await signDevToken(
        auth,
        { sub: 'old', name: NAMES.auditor, roles: ['auditor'], ttlSeconds: 60 },
        1_600_000_000,
      ),
    },
  );
  // A token and a name in the query string, where careless logging would keep them.
  await api.get(
    '/projects',
    { access_token: auditor, title: BENEFICIARY.name },
    { token: auditor },
  );
  await api.get(`/projects/${id}/history`, {}, { token: auditor });
  await api.get(`/projects/${id}`, {}, { token: auditor });
}

describe('the log of a whole lifecycle at trace level', () => {
  it('is a real log: it holds the requests that were made', () => {
    const text = lines().join('');
    expect(lines().length).toBeGreaterThan(20);
    expect(text).toContain('/api/v1/projects');
    expect(text).toContain('"statusCode":401');
  });

  it('holds no bearer token, whole or in part, and no JWT at all', () => {
    const text = lines().join('');
    for (const token of tokens) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.split('.')[2]);
    }
    expect(text).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}/);
  });

  it('never holds the word "Bearer" nor the JWT secret', () => {
    const text = lines().join('');
    expect(text).not.toMatch(/bearer /i);
    expect(text).not.toContain(SECRET);
  });

  it("holds none of the beneficiary's personal data: name, address or tax code", () => {
    const text = lines().join('');
    for (const value of Object.values(BENEFICIARY)) expect(text).not.toContain(value);
  });

  it('holds none of the officials’ names (their subjects are enough to trace who acted)', () => {
    const text = lines().join('');
    for (const name of Object.values(NAMES)) expect(text).not.toContain(name);
    expect(text).toContain('log-center_officer');
  });
});
