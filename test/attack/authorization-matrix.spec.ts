import { addDays, businessDateOf } from '../../src/shared/business-date';
import { ROLES, type Role } from '../../src/shared/actor';
import { registrationBody, type HttpResponse, type Json } from '../support/http';
import {
  DAY,
  expectStatus,
  peopleOf,
  ProjectSteps,
  type People,
  type ReachableStatus,
} from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * Every endpoint × every role × own / other district, against one table of who may call
 * what (API.md; where API.md is silent, the row says what it follows). For each cell:
 * - a role the row does not name gets 403, and a command appends nothing;
 * - a role it names gets the endpoint's 2xx: never 401 or 403;
 * - a district officer on another district's project gets 404 (its existence is not revealed),
 *   and on a body naming another district 403; neither appends anything;
 * - without a token every endpoint but /health is 401.
 * Each allowed call gets a fresh subject in the state the step needs, so 2xx is the only
 * right answer; the table is also checked against the OpenAPI document, so a new endpoint
 * without a row fails here.
 */

const EVERYONE = ROLES;
const PROJECT_READERS: readonly Role[] = [
  'auditor',
  'approver',
  'center_officer',
  'district_officer',
];

const REFERENCE_EDITORS: readonly Role[] = ['admin', 'center_officer'];

/** THE TABLE: endpoint → roles allowed. */
const MATRIX = {
  'POST /projects': ['district_officer', 'center_officer'],
  'POST /projects/{id}/appraisal/start': ['center_officer'],
  'POST /projects/{id}/appraisal/result': ['center_officer'],
  'POST /projects/{id}/resubmit': ['district_officer'],
  'POST /projects/{id}/approval': ['approver'],
  'POST /projects/{id}/rejection': ['approver'],
  'POST /projects/{id}/execution/start': ['center_officer'],
  'POST /projects/{id}/progress-reports': ['district_officer', 'center_officer'],
  'POST /projects/{id}/disbursements': ['finance_officer'],
  'POST /projects/{id}/inspections': ['center_officer'],
  'POST /projects/{id}/adjustments': ['approver'],
  'POST /projects/{id}/acceptance': ['center_officer'],
  'POST /projects/{id}/settlement': ['finance_officer'],
  'POST /projects/{id}/cancellation': ['approver'],
  // The data subject's rights: erasure by the admin, correction by the Center too.
  'POST /projects/{id}/personal-data/erasure': ['admin'],
  'POST /projects/{id}/beneficiary/correction': ['center_officer', 'admin'],
  // Reads: the auditor reads everything, the admin reads lists and reports (docs/domain.md).
  'GET /projects': EVERYONE,
  'GET /projects/{id}': EVERYONE,
  // What the caller may do next: whoever may read the project may ask (issue 12).
  'GET /projects/{id}/actions': EVERYONE,
  'GET /projects/{id}/history': PROJECT_READERS,
  // API.md names no roles for replay and verification: they follow history, whose data they replay.
  'GET /projects/{id}/state': PROJECT_READERS,
  'GET /projects/{id}/verify': PROJECT_READERS,
  'GET /reports/disbursement': EVERYONE,
  'GET /reports/progress': EVERYONE,
  'GET /reports/plan-status': EVERYONE,
  'GET /inbox': EVERYONE,
  'GET /reference/units': EVERYONE,
  'GET /reference/activity-types': EVERYONE,
  'GET /reference/indicators': EVERYONE,
  'GET /reference/funding-sources': EVERYONE,
  'GET /reference/norm-sets': EVERYONE,
  'GET /reference/advance-cap': EVERYONE,
  'GET /reference/changes': EVERYONE,
  // The reference data is the Center's to change (with the admin), each change on a decision.
  'POST /reference/units': REFERENCE_EDITORS,
  'POST /reference/units/{code}/end': REFERENCE_EDITORS,
  'POST /reference/activity-types': REFERENCE_EDITORS,
  'POST /reference/indicators': REFERENCE_EDITORS,
  'POST /reference/funding-sources': REFERENCE_EDITORS,
  'POST /reference/activity-types/{code}/rename': REFERENCE_EDITORS,
  'POST /reference/indicators/{code}/rename': REFERENCE_EDITORS,
  'POST /reference/funding-sources/{code}/rename': REFERENCE_EDITORS,
  'POST /reference/activity-types/{code}/end': REFERENCE_EDITORS,
  'POST /reference/indicators/{code}/end': REFERENCE_EDITORS,
  'POST /reference/funding-sources/{code}/end': REFERENCE_EDITORS,
  'POST /reference/norm-sets': REFERENCE_EDITORS,
  'POST /reference/advance-caps': REFERENCE_EDITORS,
  'POST /programs': ['admin'],
  'POST /programs/{code}/budget-changes': ['admin'],
  'POST /programs/{code}/targets': ['admin'],
  'POST /programs/{code}/context-indicators': ['admin'],
  'GET /programs': EVERYONE,
  'GET /programs/{code}': EVERYONE,
  // API.md is silent: the programme review is the province's report, not a district's or the accountant's.
  'GET /programs/{code}/review': ['auditor', 'approver', 'center_officer', 'admin'],
  'POST /plans': ['center_officer'],
  'POST /plans/{year}/registrations': ['district_officer'],
  'POST /plans/{year}/compile': ['center_officer'],
  'POST /plans/{year}/approval': ['approver'],
  'GET /plans': EVERYONE,
  'GET /plans/{year}': EVERYONE,
  'POST /reminders/scan': ['admin'],
  'GET /reminders/failed': ['admin'],
  // Last: a rebuild empties the read models for a moment, which the rows above must not see.
  'POST /admin/projections/rebuild': ['admin'],
  'GET /admin/projections/rebuild': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

type Endpoint = keyof typeof MATRIX;
/** No token: the health, and how to sign in to the console (the development sign-in is 404 in production). */
const PUBLIC_ENDPOINTS = ['GET /health', 'GET /console/config', 'POST /dev/token'];

/** The district officer under test belongs to OWN; OTHER is another district. */
const OWN = 'tan-phu';
const OTHER = 'xuan-loc';
type Variant = 'own' | 'other';

interface Request {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

interface Call {
  /**
   * project: the path names a project (another district's is 404 to a district officer);
   * district: the body names a district (another is 403 to a district officer); none.
   */
  readonly scope: 'project' | 'district' | 'none';
  /** The status of the fresh project the call is made on. */
  readonly needs?: NeededStatus;
  /** Builds what the call needs in `district`, fresh each time, and returns the request. */
  readonly prepare: (district: string) => Promise<Request>;
}

const { server, api } = useTestServer({ failOnErrorLogs: false });
const people: Record<string, People> = {};
const today = businessDateOf(new Date());
const PROGRAMME = 'AUTHZ-1900-2999';
let nextCode = 0;
/** Plans of years no other test uses, before 1 July 2025: the own district still registers then. */
let nextYear = 1901;
/** Log position of the programme's creation: programme reads wait for it. */
let programmePosition = '0';

type NeededStatus = ReachableStatus | 'revision_requested';

/** A project's id and the log position of its last event, for reads to wait on. */
interface Made {
  readonly id: string;
  readonly position: string;
}

/** Projects made ahead, all at once, so the table's hundreds of cells do not wait on each other's steps. */
const pool = new Map<string, Promise<Made>[]>();

function freshProject(status: NeededStatus, district: string): Promise<Made> {
  return pool.get(`${status} ${district}`)?.pop() ?? makeProject(status, district);
}

async function makeProject(status: NeededStatus, district: string): Promise<Made> {
  const steps = new ProjectSteps(api, people[district]);
  if (status !== 'revision_requested') return steps.fresh(status, 180_000_000);
  const { id } = await steps.fresh('under_appraisal');
  const body = { outcome: 'revision_requested', notes: 'Bổ sung dự toán' };
  const token = people[district].center;
  return expectStatus(
    'request a revision',
    await api.post(`/projects/${id}/appraisal/result`, body, { token }),
    200,
  );
}

function projectStep(status: NeededStatus, step: string, body?: unknown): Call {
  return {
    scope: 'project',
    needs: status,
    prepare: async (district) => ({
      method: 'POST',
      path: `/projects/${(await freshProject(status, district)).id}/${step}`,
      body,
    }),
  };
}

/** A read of a fresh project; `query` adds the position to wait for where the route reads a read model. */
function projectRead(suffix: string, query: (position: string) => string = () => ''): Call {
  return {
    scope: 'project',
    needs: 'registered',
    prepare: async (district) => {
      const { id, position } = await freshProject('registered', district);
      return { method: 'GET', path: `/projects/${id}${suffix}${query(position)}` };
    },
  };
}

/** A query whose path is known once the fixtures exist (a programme read waits for its creation). */
const get =
  (path: () => string): Call['prepare'] =>
  async () => ({ method: 'GET', path: path() });

/**
 * A plan of a year no other call uses, opened (and compiled) by a center officer who is not
 * under test. Returns the year and the log position of its last event, for reads to wait on.
 */
async function freshPlan(
  state: 'none' | 'open' | 'compiled',
): Promise<{ year: number; position: string }> {
  const year = nextYear++;
  if (state === 'none') return { year, position: '0' };
  const token = people[OWN].center;
  const open = { year, programCode: PROGRAMME, registrationDeadline: `${year - 1}-05-20` };
  let last = expectStatus('open a plan', await api.post('/plans', open, { token }), 201);
  if (state === 'compiled')
    last = expectStatus(
      'compile a plan',
      await api.post(`/plans/${year}/compile`, undefined, { token }),
      200,
    );
  return { year, position: last.position };
}

const BASIS = { document: '22/2023/QĐ-UBND', date: '2023-05-19' };
let nextChange = 0;
/** A day far ahead, its own for each change: norm sets and caps take one change a day. */
const changeDay = (n: number) => addDays('2100-01-01', n * 2);
const aUnit = (n: number) => ({
  code: `8${String(n).padStart(4, '0')}`,
  name: `Xã Thử ${n}`,
  level: 'commune',
  kind: 'commune',
  parent: '75',
});

/** Something the table's call builds on, made by the admin. */
async function setUp(path: string, body: unknown): Promise<void> {
  expectStatus(
    `set up ${path}`,
    await api.post(path, body, { token: await callerToken('admin') }),
    201,
  );
}

function referenceChange(make: (n: number) => Promise<{ path: string; body: unknown }>): Call {
  return {
    scope: 'none',
    prepare: async () => ({ method: 'POST', ...(await make(++nextChange * 2)) }),
  };
}

function newEntry(path: string, unit?: string): Call {
  return referenceChange(async (n) => ({
    path,
    body: {
      code: `authz_${n}`,
      name: `Mục thử ${n}`,
      unit,
      effectiveFrom: changeDay(n),
      basis: BASIS,
    },
  }));
}

function changedEntry(path: string, change: 'rename' | 'end', unit?: string): Call {
  return referenceChange(async (n) => {
    const code = `authz_${n}`;
    await setUp(path, {
      code,
      name: `Mục thử ${n}`,
      unit,
      effectiveFrom: changeDay(n),
      basis: BASIS,
    });
    const later = { effectiveFrom: changeDay(n + 1), basis: BASIS };
    return {
      path: `${path}/${code}/${change}`,
      body: change === 'rename' ? { name: `Mục đổi tên ${n}`, unit, ...later } : later,
    };
  });
}

const CALLS: Record<Endpoint, Call> = {
  'POST /projects': {
    scope: 'district',
    prepare: async (district) => ({
      method: 'POST',
      path: '/projects',
      body: registrationBody(district),
    }),
  },
  'POST /projects/{id}/appraisal/start': projectStep('registered', 'appraisal/start'),
  'POST /projects/{id}/appraisal/result': projectStep('under_appraisal', 'appraisal/result', {
    outcome: 'passed',
    notes: 'Đạt',
    appraisedFundingVnd: 150_000_000,
  }),
  'POST /projects/{id}/resubmit': projectStep('revision_requested', 'resubmit', {
    requestedFundingVnd: 190_000_000,
  }),
  'POST /projects/{id}/approval': projectStep('appraised', 'approval', {
    decisionNo: '77/QĐ-UBND',
    decisionDate: DAY.decision,
    approvedFundingVnd: 180_000_000,
  }),
  'POST /projects/{id}/rejection': projectStep('appraised', 'rejection', {
    reason: 'Không phù hợp kế hoạch',
  }),
  'POST /projects/{id}/execution/start': projectStep('approved', 'execution/start', {
    startedOn: DAY.started,
  }),
  'POST /projects/{id}/progress-reports': projectStep('in_execution', 'progress-reports', {
    period: '2024-05',
    reportedOn: '2024-05-24',
    achievements: [{ indicator: 'trainees', value: 10 }],
  }),
  'POST /projects/{id}/disbursements': projectStep('in_execution', 'disbursements', {
    kind: 'advance',
    amountVnd: 10_000_000,
    paidOn: DAY.advance,
    voucherNo: 'UNC-01',
  }),
  'POST /projects/{id}/inspections': projectStep('in_execution', 'inspections', {
    inspectedOn: DAY.inspected,
    findings: 'Đúng tiến độ',
    outcome: 'satisfactory',
  }),
  'POST /projects/{id}/adjustments': projectStep('in_execution', 'adjustments', {
    decisionNo: '88/QĐ-SCT',
    reason: 'Gia hạn',
    plannedEnd: '2024-12-31',
  }),
  'POST /projects/{id}/acceptance': projectStep('in_execution', 'acceptance', {
    acceptedOn: DAY.accepted,
    notes: 'Đạt',
  }),
  'POST /projects/{id}/settlement': projectStep('accepted', 'settlement', {
    settledAmountVnd: 0,
    settledOn: DAY.settled,
    decisionNo: '15/QĐ-TTKC',
  }),
  'POST /projects/{id}/cancellation': projectStep('registered', 'cancellation', {
    reason: 'Không còn đối tượng',
  }),
  'POST /projects/{id}/personal-data/erasure': projectStep('registered', 'personal-data/erasure', {
    legalBasis: 'Điều 14 Luật Bảo vệ dữ liệu cá nhân',
    requestRef: 'Đơn số 1/2024',
  }),
  'POST /projects/{id}/beneficiary/correction': projectStep(
    'registered',
    'beneficiary/correction',
    {
      beneficiary: { name: 'Hộ kinh doanh Nguyễn Văn Sửa' },
      reason: 'Sửa tên theo đề nghị',
    },
  ),
  'GET /projects': { scope: 'none', prepare: get(() => '/projects') },
  'GET /projects/{id}': projectRead('', (position) => `?minPosition=${position}`),
  'GET /projects/{id}/actions': projectRead('/actions', (position) => `?minPosition=${position}`),
  'GET /projects/{id}/history': projectRead('/history'),
  'GET /projects/{id}/state': projectRead('/state?asOfVersion=1'),
  'GET /projects/{id}/verify': projectRead('/verify'),
  'GET /reports/disbursement': {
    scope: 'none',
    prepare: get(() => '/reports/disbursement?groupBy=district&planYear=2024'),
  },
  'GET /reports/progress': {
    scope: 'none',
    prepare: get(() => '/reports/progress?groupBy=indicator&planYear=2024'),
  },
  'GET /reports/plan-status': { scope: 'none', prepare: get(() => '/reports/plan-status') },
  'GET /inbox': { scope: 'none', prepare: get(() => '/inbox') },
  'GET /reference/units': { scope: 'none', prepare: get(() => '/reference/units?asOf=2026-01-01') },
  'GET /reference/activity-types': {
    scope: 'none',
    prepare: get(() => '/reference/activity-types'),
  },
  'GET /reference/indicators': { scope: 'none', prepare: get(() => '/reference/indicators') },
  'GET /reference/funding-sources': {
    scope: 'none',
    prepare: get(() => '/reference/funding-sources'),
  },
  'GET /reference/norm-sets': { scope: 'none', prepare: get(() => '/reference/norm-sets') },
  'GET /reference/advance-cap': { scope: 'none', prepare: get(() => '/reference/advance-cap') },
  'GET /reference/changes': { scope: 'none', prepare: get(() => '/reference/changes') },
  'POST /reference/units': referenceChange(async (n) => ({
    path: '/reference/units',
    body: { ...aUnit(n), effectiveFrom: changeDay(n), basis: BASIS },
  })),
  'POST /reference/units/{code}/end': referenceChange(async (n) => {
    await setUp('/reference/units', { ...aUnit(n), effectiveFrom: changeDay(n), basis: BASIS });
    return {
      path: `/reference/units/${aUnit(n).code}/end`,
      body: { successors: [], effectiveFrom: changeDay(n + 1), basis: BASIS },
    };
  }),
  'POST /reference/activity-types': newEntry('/reference/activity-types'),
  'POST /reference/indicators': newEntry('/reference/indicators', 'cơ sở'),
  'POST /reference/funding-sources': newEntry('/reference/funding-sources'),
  'POST /reference/activity-types/{code}/rename': changedEntry(
    '/reference/activity-types',
    'rename',
  ),
  'POST /reference/indicators/{code}/rename': changedEntry(
    '/reference/indicators',
    'rename',
    'cơ sở',
  ),
  'POST /reference/funding-sources/{code}/rename': changedEntry(
    '/reference/funding-sources',
    'rename',
  ),
  'POST /reference/activity-types/{code}/end': changedEntry('/reference/activity-types', 'end'),
  'POST /reference/indicators/{code}/end': changedEntry('/reference/indicators', 'end', 'cơ sở'),
  'POST /reference/funding-sources/{code}/end': changedEntry('/reference/funding-sources', 'end'),
  'POST /reference/norm-sets': referenceChange(async (n) => ({
    path: '/reference/norm-sets',
    body: {
      id: `AUTHZ-${n}`,
      scope: 'provincial',
      effectiveFrom: changeDay(n),
      basis: BASIS,
      norms: [{ activityType: 'machinery', percent: 50, maxVnd: 300_000_000 }],
    },
  })),
  'POST /reference/advance-caps': referenceChange(async (n) => ({
    path: '/reference/advance-caps',
    body: { percent: 70, effectiveFrom: changeDay(n), basis: BASIS },
  })),
  'POST /programs': {
    scope: 'none',
    prepare: async () => ({
      method: 'POST',
      path: '/programs',
      body: {
        code: `AUTHZ-NEW-${++nextCode}`,
        name: 'Chương trình thử',
        fromYear: 2021,
        toYear: 2025,
        budgets: [{ year: 2021, amountVnd: 1_000_000_000 }],
        targets: [],
      },
    }),
  },
  'POST /programs/{code}/budget-changes': {
    scope: 'none',
    prepare: async () => ({
      method: 'POST',
      path: `/programs/${PROGRAMME}/budget-changes`,
      body: { year: 2022, amountVnd: 2_000_000_000, decisionNo: '12/QĐ-UBND', reason: 'Bổ sung' },
    }),
  },
  'POST /programs/{code}/targets': {
    scope: 'none',
    prepare: async () => ({
      method: 'POST',
      path: `/programs/${PROGRAMME}/targets`,
      body: {
        targets: [{ indicator: 'trainees', target: 500 }],
        decisionNo: '13/QĐ-UBND',
        reason: 'Điều chỉnh',
      },
    }),
  },
  'POST /programs/{code}/context-indicators': {
    scope: 'none',
    prepare: async () => ({
      method: 'POST',
      path: `/programs/${PROGRAMME}/context-indicators`,
      body: { year: 2022, code: 'export_value_usd', value: 902_389_000 },
    }),
  },
  'GET /programs': { scope: 'none', prepare: get(() => '/programs') },
  'GET /programs/{code}': {
    scope: 'none',
    prepare: get(() => `/programs/${PROGRAMME}?minPosition=${programmePosition}`),
  },
  'GET /programs/{code}/review': {
    scope: 'none',
    prepare: get(
      () => `/programs/${PROGRAMME}/review?from=2021&to=2023&minPosition=${programmePosition}`,
    ),
  },
  'POST /plans': {
    scope: 'none',
    prepare: async () => {
      const { year } = await freshPlan('none');
      return {
        method: 'POST',
        path: '/plans',
        body: { year, programCode: PROGRAMME, registrationDeadline: `${year - 1}-05-20` },
      };
    },
  },
  'POST /plans/{year}/registrations': {
    scope: 'district',
    prepare: async (district) => ({
      method: 'POST',
      path: `/plans/${(await freshPlan('open')).year}/registrations`,
      body: { district, projectIds: [] },
    }),
  },
  'POST /plans/{year}/compile': {
    scope: 'none',
    prepare: async () => ({
      method: 'POST',
      path: `/plans/${(await freshPlan('open')).year}/compile`,
    }),
  },
  'POST /plans/{year}/approval': {
    scope: 'none',
    prepare: async () => ({
      method: 'POST',
      path: `/plans/${(await freshPlan('compiled')).year}/approval`,
      body: { decisionNo: '1402/QĐ-UBND', decisionDate: today },
    }),
  },
  'GET /plans': { scope: 'none', prepare: get(() => '/plans') },
  'GET /plans/{year}': {
    scope: 'none',
    prepare: async () => {
      const { year, position } = await freshPlan('open');
      return { method: 'GET', path: `/plans/${year}?minPosition=${position}` };
    },
  },
  // As of a date long before any deadline: nothing is due, so nothing is queued in the shared Redis.
  'POST /reminders/scan': {
    scope: 'none',
    prepare: async () => ({
      method: 'POST',
      path: '/reminders/scan',
      body: { asOf: '2000-01-03' },
    }),
  },
  'GET /reminders/failed': { scope: 'none', prepare: get(() => '/reminders/failed') },
  'POST /admin/projections/rebuild': {
    scope: 'none',
    prepare: async () => ({ method: 'POST', path: '/admin/projections/rebuild' }),
  },
  // There is a job to show once one was started (202, or 409 while it still runs).
  'GET /admin/projections/rebuild': {
    scope: 'none',
    prepare: async () => {
      await send(
        { method: 'POST', path: '/admin/projections/rebuild' },
        await callerToken('admin'),
      );
      return { method: 'GET', path: '/admin/projections/rebuild' };
    },
  },
};

/** Starts making every project the cells will use: one per allowed cell, one per refused endpoint and district. */
function fillPool(): Promise<unknown> {
  const wanted = new Map<string, number>();
  const count = (key: string) => wanted.set(key, (wanted.get(key) ?? 0) + 1);
  for (const cell of cells()) {
    const { needs } = CALLS[cell.endpoint];
    if (needs !== undefined && cell.expected === 'success')
      count(`${needs} ${cell.variant === 'own' ? OWN : OTHER}`);
  }
  for (const endpoint of Object.keys(MATRIX) as Endpoint[]) {
    const { needs } = CALLS[endpoint];
    if (needs !== undefined) for (const district of [OWN, OTHER]) count(`${needs} ${district}`);
  }
  const made: Promise<Made>[] = [];
  for (const [key, n] of wanted) {
    const [status, district] = key.split(' ') as [NeededStatus, string];
    const projects = Array.from({ length: n }, () => makeProject(status, district));
    pool.set(key, projects);
    made.push(...projects);
  }
  return Promise.all(made);
}

beforeAll(async () => {
  people[OWN] = await peopleOf(server, OWN);
  people[OTHER] = await peopleOf(server, OTHER);
  await fillPool();
  const programme = {
    code: PROGRAMME,
    name: 'Chương trình phân quyền',
    fromYear: 1900,
    toYear: 2999,
    budgets: [],
    targets: [],
  };
  const created = await api.post('/programs', programme, { token: people[OWN].admin });
  programmePosition = expectStatus('create the programme', created, 201).position;
});

async function headOfLog(): Promise<string> {
  const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as Json;
  return health.eventStore.head;
}

/** Sends a command and checks the log head did not move (a query cannot append, so it is just sent). */
async function appendingNothing(
  request: Request,
  act: () => Promise<HttpResponse>,
): Promise<HttpResponse> {
  if (request.method === 'GET') return act();
  const head = await headOfLog();
  const response = await act();
  expect(await headOfLog()).toBe(head);
  return response;
}

/** A caller in `role` who is nobody else in the story (so segregation of duties never bites). */
let callers = 0;
function callerToken(role: Role): Promise<string> {
  return server.token(role, {
    sub: `matrix-${role}-${++callers}`,
    ...(role === 'district_officer' && { district: OWN }),
  });
}

function send(request: Request, token?: string): Promise<HttpResponse> {
  return request.method === 'GET'
    ? api.get(request.path, {}, { token })
    : api.post(request.path, request.body, { token });
}

/** Refused calls change nothing, so each endpoint's request in each district is prepared once and shared. */
const sharedRequests = new Map<string, Promise<Request>>();
function sharedRequest(endpoint: Endpoint, district = OWN): Promise<Request> {
  const key = `${endpoint} ${district}`;
  if (!sharedRequests.has(key)) sharedRequests.set(key, CALLS[endpoint].prepare(district));
  return sharedRequests.get(key) as Promise<Request>;
}

const summary = (response: HttpResponse) => ({
  status: response.status,
  code: response.body?.code,
  detail: response.body?.detail,
});

interface Cell {
  readonly endpoint: Endpoint;
  readonly role: Role;
  readonly variant: Variant;
  readonly expected: 'success' | 403 | 404;
}

/** The cells of the table, with what each must answer. */
function cells(): Cell[] {
  const all: Cell[] = [];
  for (const endpoint of Object.keys(MATRIX) as Endpoint[]) {
    const allowed = MATRIX[endpoint] as readonly Role[];
    const { scope } = CALLS[endpoint];
    for (const role of ROLES) {
      const variants: Variant[] = scope === 'none' ? ['own'] : ['own', 'other'];
      for (const variant of variants) {
        let expected: Cell['expected'] = allowed.includes(role) ? 'success' : 403;
        if (expected === 'success' && role === 'district_officer' && variant === 'other')
          expected = scope === 'project' ? 404 : 403;
        all.push({ endpoint, role, variant, expected });
      }
    }
  }
  return all;
}

describe('the table', () => {
  it('has a row for every operation of the OpenAPI document, and no row for an operation that does not exist', async () => {
    const document = (await (await fetch(`${server.baseUrl}/api/docs-json`)).json()) as Json;
    const operations = Object.entries(
      document.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`,
      ),
    );
    expect(operations.sort()).toEqual([...Object.keys(MATRIX), ...PUBLIC_ENDPOINTS].sort());
  });
});

describe.each(cells())(
  '$endpoint as $role on the $variant district',
  ({ endpoint, role, variant, expected }) => {
    const district = variant === 'own' ? OWN : OTHER;

    if (expected === 'success') {
      it('is allowed: the 2xx of the endpoint, never 401 or 403', async () => {
        const response = await send(
          await CALLS[endpoint].prepare(district),
          await callerToken(role),
        );
        // The whole answer in the message when it is not a 2xx, so a failure says why.
        expect(response.status >= 200 && response.status < 300 ? '2xx' : summary(response)).toBe(
          '2xx',
        );
      });
    } else {
      it(`is answered ${expected} and appends nothing`, async () => {
        const request = await sharedRequest(endpoint, district);
        const token = await callerToken(role);
        const response = await appendingNothing(request, () => send(request, token));
        expect(summary(response).status).toBe(expected);
        expect(response.contentType.split(';', 1)[0]).toBe('application/problem+json');
      });
    }
  },
);

describe.each(Object.keys(MATRIX) as Endpoint[])('%s without a token', (endpoint) => {
  it('is 401 and appends nothing', async () => {
    const request = await sharedRequest(endpoint);
    const response = await appendingNothing(request, () => send(request));
    expect(response.status).toBe(401);
  });
});

describe('a district officer listing projects', () => {
  it('sees only its own district, even when it asks for another', async () => {
    await freshProject('registered', OTHER);
    const token = await callerToken('district_officer');
    const all = expectStatus('list', await api.get('/projects', { pageSize: 200 }, { token }), 200);
    expect(all.items.length).toBeGreaterThan(0);
    expect(new Set(all.items.map((item: Json) => item.district))).toEqual(new Set([OWN]));
    const other = expectStatus(
      'list other',
      await api.get('/projects', { district: OTHER }, { token }),
      200,
    );
    expect(other.items).toEqual([]);
  });
});

describe('GET /health', () => {
  it('is public', async () => {
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });
});

/**
 * Segregation of duties across the table (docs/domain.md, "which part may never follow which"):
 * one person holds two roles, plays a part in a fresh project in the first, then tries each
 * decision that part may never make in the second. The role check lets the call through (the
 * person holds the route's role), so only the duty rule can refuse it: 422
 * segregation_of_duties, and nothing appended.
 */
type Part = 'registrant' | 'appraiser' | 'approver' | 'acceptor' | 'disburser';
type Stage = 'appraised' | 'in_execution' | 'accepted';

/** The role a part is played in over HTTP. */
const PART_ROLE: Record<Part, Role> = {
  registrant: 'district_officer',
  appraiser: 'center_officer',
  approver: 'approver',
  acceptor: 'center_officer',
  disburser: 'finance_officer',
};

interface GuardedDecision {
  readonly endpoint: Endpoint;
  readonly label: string;
  readonly role: Role;
  readonly stage: Stage;
  readonly body: unknown;
  readonly never: readonly Part[];
}

const DECISIONS: readonly GuardedDecision[] = [
  {
    endpoint: 'POST /projects/{id}/approval',
    label: 'approve',
    role: 'approver',
    stage: 'appraised',
    body: { decisionNo: '77/QĐ-UBND', decisionDate: DAY.decision, approvedFundingVnd: 180_000_000 },
    never: ['registrant', 'appraiser'],
  },
  {
    endpoint: 'POST /projects/{id}/rejection',
    label: 'reject',
    role: 'approver',
    stage: 'appraised',
    body: { reason: 'Không phù hợp kế hoạch' },
    never: ['registrant', 'appraiser'],
  },
  {
    endpoint: 'POST /projects/{id}/adjustments',
    label: 'adjust',
    role: 'approver',
    stage: 'in_execution',
    body: { decisionNo: '88/QĐ-SCT', reason: 'Tăng kinh phí', approvedFundingVnd: 190_000_000 },
    never: ['registrant', 'appraiser', 'disburser'],
  },
  {
    endpoint: 'POST /projects/{id}/disbursements',
    label: 'record an advance',
    role: 'finance_officer',
    stage: 'in_execution',
    body: { kind: 'advance', amountVnd: 10_000_000, paidOn: DAY.advance, voucherNo: 'UNC-02' },
    never: ['registrant', 'appraiser', 'approver'],
  },
  {
    endpoint: 'POST /projects/{id}/disbursements',
    label: 'record a payment',
    role: 'finance_officer',
    stage: 'accepted',
    body: { kind: 'payment', amountVnd: 10_000_000, paidOn: DAY.payment, voucherNo: 'UNC-03' },
    never: ['registrant', 'appraiser', 'approver', 'acceptor'],
  },
  {
    endpoint: 'POST /projects/{id}/disbursements',
    label: 'record a recovery',
    role: 'finance_officer',
    stage: 'accepted',
    body: { kind: 'recovery', amountVnd: 5_000_000, paidOn: DAY.payment, voucherNo: 'PT-01' },
    never: ['registrant', 'appraiser', 'approver', 'acceptor'],
  },
  {
    endpoint: 'POST /projects/{id}/acceptance',
    label: 'accept',
    role: 'center_officer',
    stage: 'in_execution',
    body: { acceptedOn: DAY.accepted, notes: 'Đạt' },
    never: ['registrant', 'disburser'],
  },
  {
    endpoint: 'POST /projects/{id}/settlement',
    label: 'settle',
    role: 'finance_officer',
    stage: 'accepted',
    body: { settledAmountVnd: 10_000_000, settledOn: DAY.settled, decisionNo: '15/QĐ-TTKC' },
    never: ['registrant', 'appraiser', 'approver'],
  },
  {
    endpoint: 'POST /projects/{id}/cancellation',
    label: 'cancel',
    role: 'approver',
    stage: 'in_execution',
    body: { reason: 'Không còn đối tượng' },
    never: ['registrant'],
  },
];

/**
 * A fresh project in OWN up to `stage`, with `dual` playing `part` and the usual people the
 * rest; an advance of 10,000,000 is recorded in execution, so there is money to recover and settle.
 */
async function projectWithPart(stage: Stage, part: Part, dual: string): Promise<string> {
  const usual = people[OWN];
  const by = (p: Part, token: string) => (p === part ? dual : token);
  const post = async (what: string, path: string, body: unknown, token: string, status = 200) =>
    expectStatus(what, await api.post(path, body, { token }), status);
  const { id } = await post(
    'register',
    '/projects',
    registrationBody(OWN),
    by('registrant', usual.districtOfficer),
    201,
  );
  const at = (step: string) => `/projects/${id}/${step}`;
  await post('start appraisal', at('appraisal/start'), undefined, usual.center);
  const passed = { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 180_000_000 };
  await post('pass', at('appraisal/result'), passed, by('appraiser', usual.center));
  if (stage === 'appraised') return id;
  const approval = {
    decisionNo: '77/QĐ-UBND',
    decisionDate: DAY.decision,
    approvedFundingVnd: 180_000_000,
  };
  await post('approve', at('approval'), approval, by('approver', usual.approver));
  await post('start execution', at('execution/start'), { startedOn: DAY.started }, usual.center);
  const advance = {
    kind: 'advance',
    amountVnd: 10_000_000,
    paidOn: DAY.advance,
    voucherNo: 'UNC-01',
  };
  await post('advance', at('disbursements'), advance, by('disburser', usual.finance));
  if (stage === 'in_execution') return id;
  const acceptance = { acceptedOn: DAY.accepted, notes: 'Đạt' };
  await post('accept', at('acceptance'), acceptance, by('acceptor', usual.center));
  return id;
}

let duals = 0;
const dutyCells = DECISIONS.flatMap((decision) =>
  decision.never.map((part) => ({ ...decision, part })),
);

/** How the refusal names the part played. */
const PART_SAYS: Record<Part, string> = {
  registrant: 'registered this project',
  appraiser: 'appraised this project',
  approver: 'approved or adjusted this project',
  acceptor: 'accepted this project',
  disburser: 'recorded money paid or recovered on this project',
};

describe('segregation of duties: a user holding two roles', () => {
  it('names a role the table lets through for each decision, so only the duty rule can refuse', () => {
    for (const { endpoint, role } of DECISIONS) expect(MATRIX[endpoint]).toContain(role);
    expect(new Set(DECISIONS.map((d) => d.endpoint)).size).toBe(7);
  });

  describe.each(dutyCells)('$label by the $part', ({ endpoint, role, stage, body, part }) => {
    it('is refused 422 segregation_of_duties and appends nothing', async () => {
      const sub = `matrix-dual-${++duals}`;
      const dual = await server.token(PART_ROLE[part], { sub, alsoRoles: [role], district: OWN });
      const id = await projectWithPart(stage, part, dual);
      const request: Request = {
        method: 'POST',
        path: `/projects/${id}/${endpoint.split('/').slice(3).join('/')}`,
        body,
      };
      const response = await appendingNothing(request, () => send(request, dual));
      expect(summary(response)).toMatchObject({ status: 422, code: 'segregation_of_duties' });
      expect(response.contentType.split(';', 1)[0]).toBe('application/problem+json');
      expect(response.body.detail).toContain(`${sub} ${PART_SAYS[part]}`);
    });
  });
});
