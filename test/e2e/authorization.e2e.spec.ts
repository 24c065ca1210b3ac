import { signDevToken } from '../../src/auth/dev-token';
import { ROLES, type Role } from '../../src/shared/actor';
import { registrationBody, type HttpResponse, type Json } from '../support/http';
import {
  DAY,
  expectStatus,
  peopleOf,
  ProjectSteps,
  tokenOf,
  type CommandResult,
} from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * Who may do what (API.md): a token that does not verify is 401, a role the step does not
 * allow is 403, a district officer never sees another district's projects (404, as if they
 * did not exist), and whoever registered or appraised a project cannot approve it.
 */

const { server, api, people, steps } = useTestServer();

async function logHead(): Promise<string> {
  return ((await (await fetch(`${server.baseUrl}/health`)).json()) as Json).eventStore.head;
}

function expectProblem(response: HttpResponse, status: number): void {
  expect(`${response.status} ${response.status === status ? '' : response.text}`.trim()).toBe(
    String(status),
  );
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.body.status).toBe(status);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('tokens', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    sub: 'mallory',
    name: 'Mallory',
    roles: ['approver'],
    iat: now(),
    exp: now() + 3600,
  });

  it.each([
    ['no token', async () => undefined],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
    [
      'a token signed with another secret',
      () =>
        signDevToken(
          {
            kind: 'hs256',
            secret: 'a-different-secret-of-at-least-32-chars!',
            secretSource: 'env',
          },
          { sub: 'mallory', name: 'Mallory', roles: ['approver'], ttlSeconds: 3600 },
          now(),
        ),
    ],
    [
      'an expired token',
      () => server.token('approver', { issuedAt: now() - 7200, ttlSeconds: 600 }),
    ],
    [
      'an unsigned token (alg none)',
      async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`,
    ],
    [
      'a token whose payload was changed after signing',
      async () => {
        const [header, , signature] = (await server.token('center_officer')).split('.');
        return `${header}.${base64url(claims())}.${signature}`;
      },
    ],
  ])('refuses %s with 401', async (_name, makeToken) => {
    const token = await makeToken();
    const { id } = await steps.fresh('appraised');
    const headBefore = await logHead();
    const approval = await api.post(
      `/projects/${id}/approval`,
      { decisionNo: '1/QĐ', decisionDate: DAY.decision, approvedFundingVnd: 1000 },
      { token },
    );
    const list = await api.get('/projects', {}, { token });
    for (const response of [approval, list]) {
      expectProblem(response, 401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(await logHead()).toBe(headBefore);
  });

  it('refuses a scheme other than Bearer with 401', async () => {
    const response = await api.get(
      '/projects',
      {},
      { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } },
    );
    expectProblem(response, 401);
  });

  it('lets /health through without a token', async () => {
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });
});

describe('roles', () => {
  /** Each command endpoint, the roles API.md lets take it, and a body it would accept. */
  const ENDPOINTS: readonly {
    step: string;
    path: string;
    allowed: readonly Role[];
    state: string;
    body: Json;
  }[] = [
    {
      step: 'register',
      path: '',
      allowed: ['district_officer', 'center_officer'],
      state: 'none',
      body: registrationBody('tan-phu'),
    },
    {
      step: 'start appraisal',
      path: 'appraisal/start',
      allowed: ['center_officer'],
      state: 'registered',
      body: undefined,
    },
    {
      step: 'record the appraisal result',
      path: 'appraisal/result',
      allowed: ['center_officer'],
      state: 'under_appraisal',
      body: { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 100_000_000 },
    },
    {
      step: 'resubmit',
      path: 'resubmit',
      allowed: ['district_officer'],
      state: 'revision_requested',
      body: { title: 'Đã bổ sung' },
    },
    {
      step: 'approve',
      path: 'approval',
      allowed: ['approver'],
      state: 'appraised',
      body: { decisionNo: '1/QĐ', decisionDate: DAY.decision, approvedFundingVnd: 100_000_000 },
    },
    {
      step: 'reject',
      path: 'rejection',
      allowed: ['approver'],
      state: 'appraised',
      body: { reason: 'Không phù hợp' },
    },
    {
      step: 'start execution',
      path: 'execution/start',
      allowed: ['center_officer'],
      state: 'approved',
      body: { startedOn: DAY.started },
    },
    {
      step: 'report progress',
      path: 'progress-reports',
      allowed: ['district_officer', 'center_officer'],
      state: 'in_execution',
      body: {
        period: '2024-05',
        reportedOn: '2024-05-24',
        achievements: [{ indicator: 'trainees', value: 5 }],
      },
    },
    {
      step: 'disburse',
      path: 'disbursements',
      allowed: ['finance_officer'],
      state: 'in_execution',
      body: { kind: 'advance', amountVnd: 1_000_000, paidOn: DAY.advance, voucherNo: 'UNC-1' },
    },
    {
      step: 'inspect',
      path: 'inspections',
      allowed: ['center_officer'],
      state: 'in_execution',
      body: { inspectedOn: DAY.inspected, findings: 'Ổn', outcome: 'satisfactory' },
    },
    {
      step: 'adjust',
      path: 'adjustments',
      allowed: ['approver'],
      state: 'in_execution',
      body: { decisionNo: '2/QĐ', reason: 'Gia hạn', plannedEnd: '2024-12-20' },
    },
    {
      step: 'accept',
      path: 'acceptance',
      allowed: ['center_officer'],
      state: 'in_execution',
      body: { acceptedOn: DAY.accepted, notes: 'Đạt' },
    },
    {
      step: 'settle',
      path: 'settlement',
      allowed: ['finance_officer'],
      state: 'accepted',
      body: { settledAmountVnd: 0, settledOn: DAY.settled, decisionNo: '3/QĐ' },
    },
    {
      step: 'cancel',
      path: 'cancellation',
      allowed: ['approver'],
      state: 'in_execution',
      body: { reason: 'Dừng thực hiện' },
    },
  ];
  const projectIn: Record<string, string> = {};

  beforeAll(async () => {
    for (const state of [
      'registered',
      'under_appraisal',
      'appraised',
      'approved',
      'in_execution',
      'accepted',
    ] as const) {
      projectIn[state] = (await steps.fresh(state, 100_000_000)).id;
    }
    const revision = await steps.fresh('under_appraisal');
    await api.post(
      `/projects/${revision.id}/appraisal/result`,
      { outcome: 'revision_requested', notes: 'Bổ sung' },
      { token: people.center },
    );
    projectIn.revision_requested = revision.id;
  });

  const refusals = ENDPOINTS.flatMap((endpoint) =>
    ROLES.filter((role) => !endpoint.allowed.includes(role)).map(
      (role) => [endpoint.step, role, endpoint] as const,
    ),
  );

  it.each(refusals)(
    'refuses "%s" to a %s with 403, appending nothing',
    async (_step, role, endpoint) => {
      const headBefore = await logHead();
      const path =
        endpoint.state === 'none'
          ? '/projects'
          : `/projects/${projectIn[endpoint.state]}/${endpoint.path}`;
      const response = await api.post(path, endpoint.body, { token: tokenOf(people, role) });
      expectProblem(response, 403);
      expect(await logHead()).toBe(headBefore);
    },
  );

  it('covers every role not allowed for each of the 14 command endpoints', () => {
    expect(new Set(refusals.map(([step]) => step)).size).toBe(14);
    expect(refusals).toHaveLength(
      14 * ROLES.length - ENDPOINTS.reduce((n, e) => n + e.allowed.length, 0),
    );
  });

  it.each(['finance_officer', 'admin'] as const)(
    'keeps the history, replay and verification from a %s (403)',
    async (role) => {
      const id = projectIn.registered;
      for (const path of ['history', 'state', 'verify']) {
        expectProblem(
          await api.get(`/projects/${id}/${path}`, {}, { token: tokenOf(people, role) }),
          403,
        );
      }
    },
  );

  it('refuses a district officer who registers for another district (403)', async () => {
    const headBefore = await logHead();
    const response = await api.post('/projects', registrationBody('xuan-loc'), {
      token: people.districtOfficer,
    });
    expectProblem(response, 403);
    expect(await logHead()).toBe(headBefore);
  });
});

describe('a district officer of another district', () => {
  let stranger: string;
  let registered: CommandResult;
  let revision: string;
  let executing: string;

  beforeAll(async () => {
    stranger = await server.token('district_officer', { district: 'xuan-loc' });
    registered = await steps.fresh('registered');
    executing = (await steps.fresh('in_execution')).id;
    const underAppraisal = await steps.fresh('under_appraisal');
    await api.post(
      `/projects/${underAppraisal.id}/appraisal/result`,
      { outcome: 'revision_requested', notes: 'Bổ sung' },
      { token: people.center },
    );
    revision = underAppraisal.id;
  });

  it('does not see the project, its history, its replayed state nor its verification (404)', async () => {
    const { id, position } = registered;
    // The project exists and its own district sees it.
    expect(
      (
        await api.get(
          `/projects/${id}`,
          { minPosition: position },
          { token: people.districtOfficer },
        )
      ).status,
    ).toBe(200);
    expect(
      (await api.get(`/projects/${id}/history`, {}, { token: people.districtOfficer })).status,
    ).toBe(200);
    for (const path of ['', '/history', '/state', '/verify']) {
      expectProblem(
        await api.get(`/projects/${id}${path}`, { minPosition: position }, { token: stranger }),
        404,
      );
    }
  });

  it('cannot act on it: resubmitting or reporting progress is answered 404, appending nothing', async () => {
    const headBefore = await logHead();
    expectProblem(
      await api.post(`/projects/${revision}/resubmit`, { title: 'Đổi tên' }, { token: stranger }),
      404,
    );
    expectProblem(
      await api.post(
        `/projects/${executing}/progress-reports`,
        {
          period: '2024-05',
          reportedOn: '2024-05-24',
          achievements: [{ indicator: 'trainees', value: 1 }],
        },
        { token: stranger },
      ),
      404,
    );
    expect(await logHead()).toBe(headBefore);
  });

  it('lists only the projects of its own district', async () => {
    const xuanLoc = new ProjectSteps(api, {
      ...(await peopleOf(server, 'xuan-loc')),
      districtOfficer: stranger,
    });
    const own = await xuanLoc.register();
    const ownList = expectStatus(
      'list',
      await api.get('/projects', { minPosition: own.position, pageSize: 200 }, { token: stranger }),
      200,
    );
    expect(ownList.items.map((p: Json) => p.id)).toContain(own.id);
    expect(new Set(ownList.items.map((p: Json) => p.district))).toEqual(new Set(['xuan-loc']));
    expect(ownList.total).toBe(ownList.items.length);

    const tanPhuList = expectStatus(
      'list',
      await api.get('/projects', { pageSize: 200 }, { token: people.districtOfficer }),
      200,
    );
    expect(tanPhuList.items.length).toBeGreaterThan(0);
    expect(new Set(tanPhuList.items.map((p: Json) => p.district))).toEqual(new Set(['tan-phu']));

    // Asking for another district's projects by filter shows nothing either.
    const filtered = expectStatus(
      'list',
      await api.get('/projects', { district: 'tan-phu' }, { token: stranger }),
      200,
    );
    expect(filtered).toEqual({ items: [], total: 0 });
    // An auditor sees both districts.
    const all = expectStatus(
      'list',
      await api.get('/projects', { pageSize: 200 }, { token: people.auditor }),
      200,
    );
    expect(new Set(all.items.map((p: Json) => p.district))).toEqual(
      new Set(['tan-phu', 'xuan-loc']),
    );
  });

  it('sees only its own district in the disbursement report', async () => {
    const report = expectStatus(
      'report',
      await api.get('/reports/disbursement', { groupBy: 'district' }, { token: stranger }),
      200,
    );
    expect(report.rows.map((row: Json) => row.key)).toEqual(['xuan-loc']);
  });
});

describe('segregation of duties', () => {
  it('does not let whoever registered a project approve it, even holding the approver role', async () => {
    const both = await server.token('center_officer', {
      sub: 'dual-role-1',
      alsoRoles: ['approver'],
    });
    const registered = await steps.register({}, both);
    await steps.startAppraisal(registered.id);
    await steps.passAppraisal(registered.id, 150_000_000);
    const headBefore = await logHead();

    const own = await api.post(
      `/projects/${registered.id}/approval`,
      { decisionNo: '5/QĐ', decisionDate: DAY.decision, approvedFundingVnd: 150_000_000 },
      { token: both },
    );

    expectProblem(own, 422);
    expect(own.body.code).toBe('segregation_of_duties');
    expect(await logHead()).toBe(headBefore);
    // Another approver may.
    expect((await steps.approve(registered.id, 150_000_000)).status).toBe('approved');
  });

  it('does not let whoever appraised a project approve or reject it', async () => {
    const both = await server.token('center_officer', {
      sub: 'dual-role-2',
      alsoRoles: ['approver'],
    });
    const { id } = await steps.fresh('under_appraisal');
    const passed = await api.post(
      `/projects/${id}/appraisal/result`,
      { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 150_000_000 },
      { token: both },
    );
    expect(passed.status).toBe(200);

    for (const [path, body] of [
      [
        'approval',
        { decisionNo: '6/QĐ', decisionDate: DAY.decision, approvedFundingVnd: 150_000_000 },
      ],
      ['rejection', { reason: 'Tự thẩm định, tự quyết' }],
    ] as const) {
      const response = await api.post(`/projects/${id}/${path}`, body, { token: both });
      expectProblem(response, 422);
      expect(response.body.code).toBe('segregation_of_duties');
    }
    const { events } = (await api.get(`/projects/${id}/history`, {}, { token: people.auditor }))
      .body;
    expect(events.map((e: Json) => e.type)).toEqual([
      'ProjectRegistered',
      'AppraisalStarted',
      'AppraisalPassed',
    ]);
  });
});

describe('segregation of duties after approval (issue 9, finding 2)', () => {
  it('does not let whoever registered a project raise its approved funding by an adjustment', async () => {
    const both = await server.token('center_officer', {
      sub: 'dual-role-adjust',
      alsoRoles: ['approver'],
    });
    const { id } = await steps.register({}, both);
    await steps.startAppraisal(id);
    await steps.passAppraisal(id, 10_000_000);
    await steps.approve(id, 10_000_000);
    await steps.startExecution(id);
    const headBefore = await logHead();

    const raised = await api.post(
      `/projects/${id}/adjustments`,
      { decisionNo: '99/QĐ-SCT', reason: 'Tăng kinh phí', approvedFundingVnd: 150_000_000 },
      { token: both },
    );

    expectProblem(raised, 422);
    expect(raised.body.code).toBe('segregation_of_duties');
    expect(raised.body.detail).toMatch(/dual-role-adjust registered this project/);
    expect(await logHead()).toBe(headBefore);
    const state = expectStatus(
      'state',
      await api.get(`/projects/${id}/state`, {}, { token: people.auditor }),
      200,
    );
    expect(state.state.approvedFundingVnd).toBe(10_000_000);
    // An approver who had no part in the proposal may adjust it.
    await steps.adjust(id, { approvedFundingVnd: 150_000_000 });
  });
});
