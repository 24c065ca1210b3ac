import { addDays, businessDateOf, yearOf } from '../../src/shared/business-date';
import type { HttpResponse, Json } from '../support/http';
import { useTestServer } from '../support/suite-server';

/**
 * Programmes and yearly plans over HTTP on the real server: who may do what, what the
 * commands answer, what the queries show. Dates follow the real clock (the server's), so the
 * plan years are chosen around today: last year's deadline has passed, next year's has not.
 */

const { server, api } = useTestServer({ planYears: [] });
const tokens: Record<string, string> = {};

const today = businessDateOf(new Date());
const thisYear = yearOf(today);
const CODE = `PP-${process.pid}`;
const lastYear = thisYear - 1;
/** Xã Xuân Lộc, Xã Tân Phú, Phường Biên Hòa: commune-level units since 1 July 2025. */
const [XUAN_LOC, TAN_PHU, BIEN_HOA] = ['26425', '26116', '26068'];
const nextYear = thisYear + 1;

function expectOk(response: HttpResponse, status: number): Json {
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status} ${response.text}`);
  return response.body;
}

beforeAll(async () => {
  tokens.admin = await server.token('admin', { sub: 'admin-1' });
  tokens.center = await server.token('center_officer', { sub: 'center-1' });
  tokens.center2 = await server.token('center_officer', { sub: 'center-2' });
  tokens.approver = await server.token('approver', { sub: 'approver-1' });
  tokens.auditor = await server.token('auditor', { sub: 'auditor-1' });
  // The plan years are around today, after 1 July 2025: communes register, not districts.
  tokens.xuanLoc = await server.token('district_officer', {
    sub: 'do-xuan-loc',
    district: XUAN_LOC,
  });
  tokens.tanPhu = await server.token('district_officer', {
    sub: 'do-tan-phu',
    district: TAN_PHU,
  });
});

const programmeBody = {
  code: CODE,
  name: 'Chương trình khuyến công thử nghiệm',
  fromYear: lastYear,
  toYear: nextYear,
  budgets: [
    { year: lastYear, amountVnd: 5_000_000_000 },
    { year: thisYear, amountVnd: 6_000_000_000 },
  ],
  targets: [{ indicator: 'trainees', target: 500 }],
  decisionNo: '558/QĐ-UBND',
  decisionDate: `${lastYear}-02-08`,
};

describe('a programme', () => {
  it('is created by an admin only', async () => {
    expect((await api.post('/programs', programmeBody, { token: tokens.center })).status).toBe(403);
    const created = expectOk(
      await api.post('/programs', programmeBody, { token: tokens.admin }),
      201,
    );
    expect(created).toEqual({
      id: CODE,
      version: 1,
      status: 'active',
      position: expect.stringMatching(/^\d+$/),
    });
  });

  it('refuses a second creation with the same code (409)', async () => {
    const again = await api.post('/programs', programmeBody, { token: tokens.admin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('programme_already_exists');
  });

  it('refuses a malformed body before any rule (400)', async () => {
    const bad = await api.post(
      '/programs',
      { ...programmeBody, code: 'bad code', budgets: [{ year: 2022, amountVnd: 1.5 }] },
      { token: tokens.admin },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual(
      expect.arrayContaining(['code', 'budgets[0].amountVnd']),
    );
  });

  it('changes a budget, its targets and records a context indicator by decision', async () => {
    const budget = expectOk(
      await api.post(
        `/programs/${CODE}/budget-changes`,
        {
          year: nextYear,
          amountVnd: 7_000_000_000,
          decisionNo: '12/QĐ-UBND',
          reason: 'Bổ sung kinh phí',
        },
        { token: tokens.admin },
      ),
      200,
    );
    expect(budget).toMatchObject({ id: CODE, version: 2 });
    expectOk(
      await api.post(
        `/programs/${CODE}/targets`,
        {
          targets: [
            { indicator: 'trainees', target: 600 },
            { indicator: 'workshops', target: 10 },
          ],
          decisionNo: '13/QĐ-UBND',
          reason: 'Sửa đổi chỉ tiêu',
        },
        { token: tokens.admin },
      ),
      200,
    );
    const context = expectOk(
      await api.post(
        `/programs/${CODE}/context-indicators`,
        { year: lastYear, code: 'export_value_usd', value: 902_389_000, target: 900_000_000 },
        { token: tokens.admin },
      ),
      200,
    );
    const shown = expectOk(
      await api.get(
        `/programs/${CODE}`,
        { minPosition: context.position },
        { token: tokens.xuanLoc },
      ),
      200,
    );
    expect(shown).toMatchObject({
      code: CODE,
      version: 4,
      budgets: [
        { year: lastYear, amountVnd: 5_000_000_000 },
        { year: thisYear, amountVnd: 6_000_000_000 },
        { year: nextYear, amountVnd: 7_000_000_000 },
      ],
      totalBudgetVnd: 18_000_000_000,
      targets: [
        { indicator: 'trainees', target: 600 },
        { indicator: 'workshops', target: 10 },
      ],
      contextIndicators: [
        {
          year: lastYear,
          code: 'export_value_usd',
          value: 902_389_000,
          target: 900_000_000,
          unit: 'USD',
          estimated: false,
        },
      ],
    });
    const list = expectOk(
      await api.get('/programs', { minPosition: context.position }, { token: tokens.auditor }),
      200,
    );
    expect(list.items.map((p: Json) => p.code)).toContain(CODE);
  });

  it('is not found under an unknown code (404), for reads and for commands', async () => {
    expect((await api.get('/programs/NO-SUCH', {}, { token: tokens.auditor })).status).toBe(404);
    const change = await api.post(
      '/programs/NO-SUCH/budget-changes',
      { year: 2022, amountVnd: 1, decisionNo: 'x', reason: 'y' },
      { token: tokens.admin },
    );
    expect(change.status).toBe(404);
    expect(change.body.code).toBe('programme_not_found');
  });

  it('refuses a budget for a year outside the programme (422)', async () => {
    const outside = await api.post(
      `/programs/${CODE}/budget-changes`,
      { year: nextYear + 1, amountVnd: 1, decisionNo: 'x', reason: 'y' },
      { token: tokens.admin },
    );
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('budget_year_outside_programme');
  });
});

describe('yearly plans', () => {
  let xuanLocProject: string;
  let tanPhuProject: string;

  it('are opened by a center officer for a year of an existing programme', async () => {
    expect(
      (
        await api.post(
          '/plans',
          { year: nextYear, programCode: CODE, registrationDeadline: addDays(today, 30) },
          { token: tokens.xuanLoc },
        )
      ).status,
    ).toBe(403);
    const unknown = await api.post(
      '/plans',
      { year: nextYear, programCode: 'NO-SUCH', registrationDeadline: addDays(today, 30) },
      { token: tokens.center },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown_programme');
    const outside = await api.post(
      '/plans',
      { year: nextYear + 1, programCode: CODE, registrationDeadline: addDays(today, 30) },
      { token: tokens.center },
    );
    expect(outside.body.code).toBe('plan_year_outside_programme');
    const opened = expectOk(
      await api.post(
        '/plans',
        { year: nextYear, programCode: CODE, registrationDeadline: addDays(today, 30) },
        { token: tokens.center },
      ),
      201,
    );
    expect(opened).toEqual({
      id: String(nextYear),
      version: 1,
      status: 'open',
      position: expect.stringMatching(/^\d+$/),
    });
    expectOk(
      await api.post(
        '/plans',
        { year: lastYear, programCode: CODE, registrationDeadline: `${lastYear}-05-20` },
        { token: tokens.center },
      ),
      201,
    );
  });

  it('take a district registration from its own district officer only (403 for another district)', async () => {
    const project = (district: string) => ({
      planYear: nextYear,
      district,
      title: 'Đào tạo khởi sự doanh nghiệp',
      activityType: 'training',
      beneficiary: { name: 'Hợp tác xã mây tre đan' },
      requestedFundingVnd: 100_000_000,
      targets: [{ indicator: 'trainees', target: 40 }],
      plannedStart: `${thisYear}-01-10`,
      plannedEnd: `${thisYear}-06-30`,
    });
    xuanLocProject = expectOk(
      await api.post('/projects', project(XUAN_LOC), { token: tokens.xuanLoc }),
      201,
    ).id;
    tanPhuProject = expectOk(
      await api.post('/projects', project(TAN_PHU), { token: tokens.tanPhu }),
      201,
    ).id;

    const other = await api.post(
      `/plans/${nextYear}/registrations`,
      { district: TAN_PHU, projectIds: [] },
      { token: tokens.xuanLoc },
    );
    expect(other.status).toBe(403);
    const byCenter = await api.post(
      `/plans/${nextYear}/registrations`,
      { projectIds: [] },
      { token: tokens.center },
    );
    expect(byCenter.status).toBe(403);

    const submitted = expectOk(
      await api.post(
        `/plans/${nextYear}/registrations`,
        { projectIds: [xuanLocProject] },
        { token: tokens.xuanLoc },
      ),
      200,
    );
    expect(submitted).toMatchObject({ id: String(nextYear), version: 2, status: 'open' });
  });

  it("refuses a registration listing another district's project, answering as for an unknown one (422)", async () => {
    const foreign = await api.post(
      `/plans/${nextYear}/registrations`,
      { projectIds: [tanPhuProject] },
      { token: tokens.xuanLoc },
    );
    const unknown = await api.post(
      `/plans/${nextYear}/registrations`,
      { projectIds: ['00000000-0000-5000-8000-000000000000'] },
      { token: tokens.xuanLoc },
    );
    for (const answer of [foreign, unknown]) {
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('project_not_in_district_year');
      expect(answer.body.errors).toEqual([{ field: 'projectIds[0]', message: expect.any(String) }]);
    }
  });

  it('take "nothing to register" (an empty list) as an answer, and mark a submission after the deadline late', async () => {
    expectOk(
      await api.post(
        `/plans/${nextYear}/registrations`,
        { projectIds: [] },
        { token: tokens.tanPhu },
      ),
      200,
    );
    const late = expectOk(
      await api.post(
        `/plans/${lastYear}/registrations`,
        { projectIds: [] },
        { token: tokens.tanPhu },
      ),
      200,
    );
    const plan = expectOk(
      await api.get(
        `/plans/${lastYear}`,
        { minPosition: late.position },
        { token: tokens.auditor },
      ),
      200,
    );
    expect(plan.districts.find((d: Json) => d.district === TAN_PHU)).toMatchObject({
      status: 'late',
      submittedOn: today,
    });
  });

  it('are compiled by a center officer and approved by an approver, and show every district', async () => {
    expect(
      (
        await api.post(
          `/plans/${nextYear}/approval`,
          { decisionNo: '99/QĐ-UBND', decisionDate: today },
          { token: tokens.approver },
        )
      ).body.code,
    ).toBe('plan_not_compiled');
    expectOk(
      await api.post(`/plans/${nextYear}/compile`, undefined, { token: tokens.center }),
      200,
    );
    const approved = expectOk(
      await api.post(
        `/plans/${nextYear}/approval`,
        { decisionNo: '99/QĐ-UBND', decisionDate: today },
        { token: tokens.approver },
      ),
      200,
    );
    expect(approved).toMatchObject({ id: String(nextYear), status: 'approved', version: 5 });

    const plan = expectOk(
      await api.get(
        `/plans/${nextYear}`,
        { minPosition: approved.position },
        { token: tokens.xuanLoc },
      ),
      200,
    );
    expect(plan).toMatchObject({
      year: nextYear,
      programCode: CODE,
      status: 'approved',
      decisionNo: '99/QĐ-UBND',
      projectIds: [xuanLocProject],
    });
    // Every commune-level unit of Đồng Nai in force that year: 23 wards and 72 communes.
    expect(plan.districts).toHaveLength(95);
    const byDistrict = Object.fromEntries(plan.districts.map((d: Json) => [d.district, d.status]));
    expect(byDistrict).toMatchObject({
      [XUAN_LOC]: 'submitted',
      [TAN_PHU]: 'submitted',
      [BIEN_HOA]: 'missing',
    });
    expect(byDistrict).not.toHaveProperty('bien-hoa');
  });

  it('answer a repeated command with the same Idempotency-Key as the first time, appending nothing', async () => {
    const first = await api.post(
      `/plans/${lastYear}/registrations`,
      { projectIds: [] },
      { token: tokens.xuanLoc, idempotencyKey: 'reg-1' },
    );
    const again = await api.post(
      `/plans/${lastYear}/registrations`,
      { projectIds: [] },
      { token: tokens.xuanLoc, idempotencyKey: 'reg-1' },
    );
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const plan = expectOk(
      await api.get(
        `/plans/${lastYear}`,
        { minPosition: first.body.position },
        { token: tokens.auditor },
      ),
      200,
    );
    expect(plan.districts.find((d: Json) => d.district === XUAN_LOC).submissions).toBe(1);
  });

  it('answer 404 for a year without a plan and 400 for a year that is not a number', async () => {
    expect((await api.get(`/plans/${nextYear + 5}`, {}, { token: tokens.auditor })).status).toBe(
      404,
    );
    expect((await api.post('/plans/abc/compile', undefined, { token: tokens.center })).status).toBe(
      400,
    );
  });
});

describe('the OpenAPI document', () => {
  it('lists every programme, plan, report and inbox endpoint', async () => {
    const response = await fetch(`${server.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const { paths } = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`,
      ),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /programs',
        'GET /programs',
        'GET /programs/{code}',
        'POST /programs/{code}/budget-changes',
        'POST /programs/{code}/targets',
        'POST /programs/{code}/context-indicators',
        'GET /programs/{code}/review',
        'POST /plans',
        'GET /plans',
        'GET /plans/{year}',
        'POST /plans/{year}/registrations',
        'POST /plans/{year}/compile',
        'POST /plans/{year}/approval',
        'GET /reports/disbursement',
        'GET /reports/progress',
        'GET /reports/plan-status',
        'GET /inbox',
      ]),
    );
  });
});

describe('a project', () => {
  it('registers only against the yearly plan of its year: with no plan it is a 422 naming the year, and nothing is appended', async () => {
    const head = async () =>
      ((await (await fetch(`${server.baseUrl}/health`)).json()) as { eventStore: { head: string } })
        .eventStore.head;
    const headBefore = await head();
    const noPlanYear = 2091;
    const refused = await api.post(
      '/projects',
      {
        planYear: noPlanYear,
        district: TAN_PHU,
        title: 'Đề án không có kế hoạch',
        activityType: 'training',
        beneficiary: { name: 'Cơ sở Phú Lâm' },
        requestedFundingVnd: 50_000_000,
        targets: [{ indicator: 'trainees', target: 10 }],
        plannedStart: `${noPlanYear}-02-01`,
        plannedEnd: `${noPlanYear}-10-01`,
      },
      { token: tokens.tanPhu },
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'no_plan_for_year',
      errors: [{ field: 'planYear' }],
    });
    expect(String(refused.body.detail)).toContain(String(noPlanYear));
    const listed = await api.get(
      '/projects',
      { planYear: String(noPlanYear) },
      { token: tokens.auditor },
    );
    expect(listed.body).toMatchObject({ total: 0 });
    expect(await head()).toBe(headBefore);
  });
});
