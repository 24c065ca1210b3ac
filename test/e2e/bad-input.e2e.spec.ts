import { randomUUID } from 'node:crypto';
import {
  registrationBody,
  type HttpResponse,
  type Json,
  type RequestOptions,
} from '../support/http';
import { DAY, expectStatus } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * Bad input of every kind is answered 4xx application/problem+json, names the field when it
 * is a field, never a 500, and appends nothing: neither the global log head nor the
 * project's version moves.
 */

const { server, api, people, steps } = useTestServer();
/** A project waiting for approval and one in execution: the subjects of the step commands. */
let appraised: string;
let executing: string;

beforeAll(async () => {
  appraised = (await steps.fresh('appraised', 150_000_000)).id;
  executing = (await steps.fresh('in_execution', 150_000_000)).id;
});

async function logHead(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/health`);
  const health = (await response.json()) as Json;
  return health.eventStore.head;
}

async function versionOf(id: string): Promise<number> {
  return expectStatus(
    'history',
    await api.get(`/projects/${id}/history`, {}, { token: people.auditor }),
    200,
  ).events.length;
}

interface BadInput {
  readonly name: string;
  readonly send: () => Promise<HttpResponse>;
  /** The status expected, or the statuses the contract leaves open. */
  readonly status: number | readonly number[];
  /** The field the problem must name in `errors[]`. */
  readonly field?: string;
}

const register = (body: unknown, options: RequestOptions = {}) =>
  api.post('/projects', body, { token: people.center, ...options });
const registerRaw = (rawBody: string, contentType = 'application/json') =>
  register(undefined, { rawBody, contentType });
const withRegistration = (changes: Record<string, unknown>) => ({
  ...registrationBody('tan-phu'),
  ...changes,
});
const without = (field: string) => {
  const body: Record<string, unknown> = { ...registrationBody('tan-phu') };
  delete body[field];
  return body;
};
const approval = (changes: Record<string, unknown> = {}, options: RequestOptions = {}) =>
  api.post(
    `/projects/${appraised}/approval`,
    {
      decisionNo: '9/QĐ-UBND',
      decisionDate: DAY.decision,
      approvedFundingVnd: 100_000_000,
      ...changes,
    },
    { token: people.approver, ...options },
  );
const disbursement = (changes: Record<string, unknown>) =>
  api.post(
    `/projects/${executing}/disbursements`,
    { kind: 'advance', amountVnd: 10_000_000, paidOn: DAY.advance, voucherNo: 'UNC-7', ...changes },
    { token: people.finance },
  );
const progress = (changes: Record<string, unknown>) =>
  api.post(
    `/projects/${executing}/progress-reports`,
    {
      period: '2024-05',
      reportedOn: '2024-05-24',
      achievements: [{ indicator: 'trainees', value: 3 }],
      ...changes,
    },
    { token: people.districtOfficer },
  );

const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'an empty registration',
    send: () => register({}),
    status: 400,
    field: 'requestedFundingVnd',
  },
  {
    name: 'a registration without a title',
    send: () => register(without('title')),
    status: 400,
    field: 'title',
  },
  {
    name: 'a registration without targets',
    send: () => register(without('targets')),
    status: 400,
    field: 'targets',
  },
  {
    name: 'a beneficiary without a name',
    send: () => register(withRegistration({ beneficiary: { address: 'Ấp 1' } })),
    status: 400,
    field: 'beneficiary.name',
  },
  {
    name: 'a fraction of a đồng (1.5 VND)',
    send: () => register(withRegistration({ requestedFundingVnd: 1.5 })),
    status: 400,
    field: 'requestedFundingVnd',
  },
  {
    name: 'a negative amount',
    send: () => register(withRegistration({ counterpartFundingVnd: -1 })),
    status: 400,
    field: 'counterpartFundingVnd',
  },
  {
    name: 'text for a number ("100")',
    send: () => register(withRegistration({ requestedFundingVnd: '100' })),
    status: 400,
    field: 'requestedFundingVnd',
  },
  {
    name: 'an unsafe integer (2**53)',
    send: () => register(withRegistration({ requestedFundingVnd: 2 ** 53 })),
    status: 400,
    field: 'requestedFundingVnd',
  },
  {
    name: 'text for the plan year',
    send: () => register(withRegistration({ planYear: '2024' })),
    status: 400,
    field: 'planYear',
  },
  {
    name: 'an impossible date (2023-02-30)',
    send: () => register(withRegistration({ plannedStart: '2023-02-30' })),
    status: 400,
    field: 'plannedStart',
  },
  {
    name: 'a date in another format (30/11/2024)',
    send: () => register(withRegistration({ plannedEnd: '30/11/2024' })),
    status: 400,
    field: 'plannedEnd',
  },
  {
    name: 'a planned end before the planned start',
    send: () =>
      register(withRegistration({ plannedStart: '2024-06-01', plannedEnd: '2024-05-31' })),
    status: 422,
    field: 'plannedEnd',
  },
  {
    name: 'an unknown activity type',
    send: () => register(withRegistration({ activityType: 'karaoke' })),
    status: [400, 422],
    field: 'activityType',
  },
  {
    name: 'an unknown district',
    send: () => register(withRegistration({ district: 'ha-noi' })),
    status: [400, 422],
    field: 'district',
  },
  {
    name: 'an unknown indicator in the targets',
    send: () => register(withRegistration({ targets: [{ indicator: 'smiles', target: 3 }] })),
    status: [400, 422],
    field: 'targets[0].indicator',
  },
  {
    name: 'a target of a fraction',
    send: () => register(withRegistration({ targets: [{ indicator: 'trainees', target: 2.5 }] })),
    status: 400,
    field: 'targets[0].target',
  },
  {
    name: 'an unknown funding source',
    send: () => register(withRegistration({ fundingSource: 'lottery' })),
    // A well-formed code the reference data does not know: 422, like an unknown indicator.
    status: [400, 422],
    field: 'fundingSource',
  },
  {
    name: 'an extra unknown field',
    send: () => register(withRegistration({ approvedFundingVnd: 1 })),
    status: 400,
    field: 'approvedFundingVnd',
  },
  {
    name: 'a body that is not JSON',
    send: () => registerRaw('{"title": "Đào tạo", '),
    status: 400,
  },
  { name: 'a JSON array as body', send: () => registerRaw('[]'), status: 400 },
  {
    name: 'an array of registrations as body',
    send: () => registerRaw(JSON.stringify([registrationBody('tan-phu')])),
    status: 400,
  },
  { name: 'a JSON string as body', send: () => registerRaw('"register me"'), status: 400 },
  { name: 'a JSON number as body', send: () => registerRaw('42'), status: 400 },
  { name: 'JSON null as body', send: () => registerRaw('null'), status: 400 },
  {
    name: 'a body with a __proto__ key',
    send: () => registerRaw(`{"__proto__": {"isAdmin": true}, "title": "x"}`),
    status: 400,
  },
  {
    name: 'a body larger than the limit',
    send: () => register(withRegistration({ description: 'x'.repeat(1_100_000) })),
    status: 413,
  },
  {
    name: 'a body sent as text/plain',
    send: () => registerRaw(JSON.stringify(registrationBody('tan-phu')), 'text/plain'),
    status: [400, 415],
  },
  {
    name: 'a body sent as a form',
    send: () => registerRaw('title=x&planYear=2024', 'application/x-www-form-urlencoded'),
    status: [400, 415],
  },
  {
    name: 'an approval without a body',
    send: () => api.post(`/projects/${appraised}/approval`, undefined, { token: people.approver }),
    status: 400,
    field: 'approvedFundingVnd',
  },
  {
    name: 'an approval of 1.5 VND',
    send: () => approval({ approvedFundingVnd: 1.5 }),
    status: 400,
    field: 'approvedFundingVnd',
  },
  {
    name: 'an approval dated 2024-02-30',
    send: () => approval({ decisionDate: '2024-02-30' }),
    status: 400,
    field: 'decisionDate',
  },
  {
    name: 'an approval above the appraised funding',
    send: () => approval({ approvedFundingVnd: 150_000_001 }),
    status: 422,
    field: 'approvedFundingVnd',
  },
  {
    name: 'an approval dated in the future',
    send: () => approval({ decisionDate: '2999-01-01' }),
    status: 422,
    field: 'decisionDate',
  },
  {
    name: 'an approval with a blank decision number',
    send: () => approval({ decisionNo: '   ' }),
    status: 400,
    field: 'decisionNo',
  },
  {
    name: 'a disbursement of an unknown kind',
    send: () => disbursement({ kind: 'gift' }),
    status: 400,
    field: 'kind',
  },
  {
    name: 'a disbursement of 0 VND',
    send: () => disbursement({ amountVnd: 0 }),
    status: [400, 422],
    field: 'amountVnd',
  },
  {
    name: 'a disbursement of a negative amount',
    send: () => disbursement({ amountVnd: -5 }),
    status: 400,
    field: 'amountVnd',
  },
  {
    name: 'a payment before acceptance',
    send: () => disbursement({ kind: 'payment' }),
    status: 409,
  },
  {
    name: 'a progress report for month 13',
    send: () => progress({ period: '2024-13' }),
    status: 400,
    field: 'period',
  },
  {
    name: 'a progress report with an unknown indicator',
    send: () => progress({ achievements: [{ indicator: 'smiles', value: 1 }] }),
    status: [400, 422],
    field: 'achievements[0].indicator',
  },
  {
    name: 'a progress report with a negative value',
    send: () => progress({ achievements: [{ indicator: 'trainees', value: -1 }] }),
    status: 400,
    field: 'achievements[0].value',
  },
  {
    name: 'a command on a project id that is not a UUID',
    send: () =>
      api.post('/projects/not-a-uuid/appraisal/start', undefined, { token: people.center }),
    status: 400,
    field: 'id',
  },
  {
    name: 'a command on an unknown project',
    send: () =>
      api.post(`/projects/${randomUUID()}/appraisal/start`, undefined, { token: people.center }),
    status: 404,
  },
  {
    name: 'an approval of an unknown project',
    send: () =>
      api.post(
        `/projects/${randomUUID()}/approval`,
        { decisionNo: '9/QĐ', decisionDate: DAY.decision, approvedFundingVnd: 1 },
        { token: people.approver },
      ),
    status: 404,
  },
  {
    name: 'an Idempotency-Key over 200 characters',
    send: () => approval({}, { idempotencyKey: 'k'.repeat(201) }),
    status: 400,
    field: 'Idempotency-Key',
  },
  {
    name: 'an If-Match that is not a version',
    send: () => approval({}, { ifMatch: 'yesterday' }),
    status: 400,
    field: 'If-Match',
  },
  {
    name: 'an If-Match with a negative version',
    send: () => approval({}, { ifMatch: '-1' }),
    status: 400,
    field: 'If-Match',
  },
];

describe('bad input', () => {
  it.each(BAD_INPUTS.map((input) => [input.name, input] as const))(
    'refuses %s as a problem, appending nothing',
    async (_name, input) => {
      const [headBefore, appraisedBefore, executingBefore] = await Promise.all([
        logHead(),
        versionOf(appraised),
        versionOf(executing),
      ]);

      const response = await input.send();

      const allowed = typeof input.status === 'number' ? [input.status] : input.status;
      // The whole answer is in the failure message when the status is not one allowed.
      expect(
        allowed.includes(response.status) ? allowed : `${response.status} ${response.text}`,
      ).toEqual(allowed);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body.status).toBe(response.status);
      expect(response.body.title).toEqual(expect.any(String));
      expect(response.body.type).toEqual(expect.any(String));
      if (input.field !== undefined) {
        expect(response.body.errors).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ field: input.field, message: expect.any(String) }),
          ]),
        );
      }
      expect(await Promise.all([logHead(), versionOf(appraised), versionOf(executing)])).toEqual([
        headBefore,
        appraisedBefore,
        executingBefore,
      ]);
    },
  );
});

describe('queries with bad parameters', () => {
  it.each([
    [
      'a project id that is not a UUID',
      () => api.get('/projects/12345', {}, { token: people.auditor }),
      [400, 404],
    ],
    [
      'an unknown project',
      () => api.get(`/projects/${randomUUID()}`, {}, { token: people.auditor }),
      [404],
    ],
    [
      'the history of an unknown project',
      () => api.get(`/projects/${randomUUID()}/history`, {}, { token: people.auditor }),
      [404],
    ],
    [
      'a page size of 10,000',
      () => api.get('/projects', { pageSize: 10_000 }, { token: people.auditor }),
      [400],
    ],
    [
      'an unknown status filter',
      () => api.get('/projects', { status: 'dreaming' }, { token: people.auditor }),
      [400],
    ],
    [
      'a minPosition that is not a position',
      () => api.get('/projects', { minPosition: 'latest' }, { token: people.auditor }),
      [400],
    ],
    [
      'an asOf that is not an instant',
      () =>
        api.get(
          `/projects/${appraised}/state`,
          { asOf: 'last tuesday' },
          { token: people.auditor },
        ),
      [400],
    ],
    ['an unknown route', () => api.get('/projectz', {}, { token: people.auditor }), [404]],
    [
      'an unknown report grouping',
      () => api.get('/reports/disbursement', { groupBy: 'mood' }, { token: people.auditor }),
      [400],
    ],
  ] as const)('answers %s with a problem', async (_name, send, statuses) => {
    const response: HttpResponse = await send();
    expect(statuses).toContain(response.status);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(response.status);
  });
});
