import { businessDateOf } from '../../../src/shared/business-date';
import type { ApiClient, HttpResponse, Json, RequestOptions } from '../../support/http';
import { DAY, type People } from '../../support/lifecycle';
import type { TestServer } from '../../support/test-server';

/**
 * A walk over the API as its users take it, recording every answer: a programme, a yearly plan
 * from registration to approval, projects through every step (and the refusals on the way),
 * their history, the reports (JSON, CSV, Markdown), the inbox, the reference data and its
 * changes, the reminders and a rebuild of the read models. The OpenAPI spec checks each answer
 * against what the document says that operation answers.
 */

export interface Exchange {
  readonly method: 'GET' | 'POST';
  /** The path as requested, from the origin, without the query: `/api/v1/projects/…`. */
  readonly path: string;
  readonly status: number;
  /** The media type answered, without parameters: `application/json`, `text/csv`. */
  readonly mediaType: string;
  /** Parsed JSON, or the raw text of any other media type. */
  readonly body: Json;
}

const API = '/api/v1';
const basis = { document: '22/2023/QĐ-UBND', date: '2023-05-19', title: 'Quyết định' };

export async function tourTheApi(
  server: TestServer,
  api: ApiClient,
  people: People,
): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  const record = (method: Exchange['method'], path: string, response: HttpResponse): Json => {
    exchanges.push({
      method,
      path: `${API}${path.split('?', 1)[0]}`,
      status: response.status,
      mediaType: response.contentType.split(';', 1)[0].trim(),
      body: response.body ?? response.text,
    });
    return response.body;
  };
  const post = async (
    path: string,
    token: string | undefined,
    body?: unknown,
    options: RequestOptions = {},
  ) => record('POST', path, await api.post(path, body, { token, ...options }));
  const get = async (
    path: string,
    token: string | undefined,
    query: Record<string, string | number | undefined> = {},
    options: RequestOptions = {},
  ) => record('GET', path, await api.get(path, query, { token, ...options }));
  const expectOk = (what: string, body: Json, exchange = exchanges.at(-1)): Json => {
    if (exchange === undefined || exchange.status >= 300)
      throw new Error(`${what}: ${exchange?.status} ${JSON.stringify(exchange?.body)}`);
    return body;
  };

  const health = await fetch(`${server.baseUrl}/health`);
  exchanges.push({
    method: 'GET',
    path: '/health',
    status: health.status,
    mediaType: (health.headers.get('content-type') ?? '').split(';', 1)[0],
    body: await health.json(),
  });

  // How the console signs in, and a development token (public, no token).
  await get('/console/config', undefined);
  expectOk(
    'dev token',
    await post('/dev/token', undefined, { role: 'center_officer', name: 'Cán bộ Trung tâm' }),
  );

  // A programme with its budgets, targets and a context indicator.
  const code = `OA-${process.pid}`;
  expectOk(
    'create programme',
    await post('/programs', people.admin, {
      code,
      name: 'Chương trình khuyến công tỉnh Đồng Nai',
      fromYear: 2021,
      toYear: 2025,
      budgets: [
        { year: 2021, amountVnd: 5_000_000_000 },
        { year: 2022, amountVnd: 6_000_000_000 },
      ],
      targets: [{ indicator: 'trainees', target: 500 }],
      decisionNo: '558/QĐ-UBND',
      decisionDate: '2021-02-08',
    }),
  );
  await post(`/programs/${code}/budget-changes`, people.admin, {
    year: 2022,
    amountVnd: 6_500_000_000,
    decisionNo: '1234/QĐ-UBND',
    reason: 'Bổ sung kinh phí',
  });
  await post(`/programs/${code}/targets`, people.admin, {
    targets: [{ indicator: 'trainees', target: 600 }],
    decisionNo: '2345/QĐ-UBND',
    reason: 'Sửa đổi mục tiêu',
  });
  const indicator = await post(`/programs/${code}/context-indicators`, people.admin, {
    year: 2022,
    code: 'rural_industrial_production_value_vnd',
    value: 73_396_000_000_000,
    target: 80_000_000_000_000,
    asOf: '2022-12-31',
    estimated: true,
    note: 'Cục Thống kê tỉnh',
  });
  const afterProgramme = { minPosition: expectOk('context indicator', indicator).position };
  await get('/programs', people.auditor, afterProgramme);
  await get(`/programs/${code}`, people.auditor, afterProgramme);

  // A plan of the programme: opened, registered, compiled, approved.
  await post('/plans', people.center, {
    year: 2022,
    programCode: code,
    registrationDeadline: '2021-05-20',
  });
  await post('/plans/2022/registrations', people.districtOfficer, { projectIds: [] });
  await post('/plans/2022/compile', people.center);
  const planApproved = await post('/plans/2022/approval', people.approver, {
    decisionNo: '1402/QĐ-UBND',
    // Not before the compilation, which is dated today.
    decisionDate: businessDateOf(new Date()),
  });
  const afterPlan = { minPosition: expectOk('approve plan', planApproved).position };
  await get('/plans', people.auditor, afterPlan);
  await get('/plans/2022', people.auditor, afterPlan);
  await get('/plans/2024', people.districtOfficer, afterPlan);

  // A project through every step, with refusals on the way.
  const project = `/projects/${
    expectOk(
      'register',
      await post('/projects', people.districtOfficer, {
        planYear: 2024,
        district: people.district,
        title: 'Hỗ trợ máy dệt cho cơ sở thổ cẩm',
        activityType: 'training',
        beneficiary: { name: 'Cơ sở dệt thổ cẩm Tân Phú', address: 'Ấp 3, xã Phú Lập' },
        requestedFundingVnd: 200_000_000,
        counterpartFundingVnd: 50_000_000,
        fundingSource: 'local',
        targets: [
          { indicator: 'trainees', target: 40 },
          { indicator: 'workshops', target: 2 },
        ],
        plannedStart: '2024-03-01',
        plannedEnd: '2024-11-30',
        description: 'Lớp đào tạo khởi sự doanh nghiệp',
      }),
    ).id
  }`;
  await post(`${project}/approval`, people.approver, {
    decisionNo: '1/QĐ',
    decisionDate: DAY.decision,
    approvedFundingVnd: 1,
  }); // 409: not appraised yet
  await post(`${project}/appraisal/start`, people.center, undefined, { ifMatch: 7 }); // 412
  await post(`${project}/appraisal/start`, people.center);
  await post(`${project}/appraisal/result`, people.center, {
    outcome: 'revision_requested',
    notes: 'Bổ sung hồ sơ',
  });
  await post(`${project}/resubmit`, people.districtOfficer, { requestedFundingVnd: 190_000_000 });
  const started = await post(`${project}/appraisal/start`, people.center);
  // Once the read models hold the step (the actions are read from them).
  await get(`${project}/actions`, people.center, {
    minPosition: expectOk('start', started).position,
  });
  await post(`${project}/appraisal/result`, people.center, {
    outcome: 'passed',
    notes: 'Hội đồng thẩm định thống nhất',
    appraisedFundingVnd: 180_000_000,
  });
  await post(`${project}/approval`, people.approver, {
    decisionNo: '1234/QĐ-UBND',
    decisionDate: DAY.decision,
    approvedFundingVnd: 999_000_000,
  }); // 422: above the appraised funding
  await post(`${project}/approval`, people.approver, {
    decisionNo: '1234/QĐ-UBND',
    decisionDate: DAY.decision,
    approvedFundingVnd: 180_000_000,
  });
  await post(`${project}/execution/start`, people.center, { startedOn: DAY.started });
  await post(`${project}/progress-reports`, people.districtOfficer, {
    period: '2024-06',
    reportedOn: '2024-06-24',
    achievements: [{ indicator: 'trainees', value: 25 }],
  });
  await post(`${project}/disbursements`, people.finance, {
    kind: 'advance',
    amountVnd: 50_000_000,
    paidOn: DAY.advance,
    voucherNo: 'UNC-01',
  });
  await post(`${project}/inspections`, people.center, {
    inspectedOn: DAY.inspected,
    findings: 'Lớp học đúng kế hoạch',
    outcome: 'satisfactory',
  });
  await post(`${project}/adjustments`, people.approver, {
    decisionNo: '88/QĐ-SCT',
    reason: 'Điều chỉnh theo thực tế',
    plannedEnd: '2024-12-20',
  });
  await post(`${project}/acceptance`, people.center, {
    acceptedOn: DAY.accepted,
    notes: 'Nghiệm thu đạt yêu cầu',
  });
  await post(`${project}/disbursements`, people.finance, {
    kind: 'payment',
    amountVnd: 130_000_000,
    paidOn: DAY.payment,
    voucherNo: 'UNC-02',
  });
  await post(`${project}/beneficiary/correction`, people.center, {
    beneficiary: { name: 'Cơ sở dệt thổ cẩm Tân Phú', address: 'Ấp 4, xã Phú Lập' },
    reason: 'Sửa địa chỉ theo đề nghị của chủ cơ sở',
  });
  const settled = await post(`${project}/settlement`, people.finance, {
    settledAmountVnd: 180_000_000,
    settledOn: DAY.settled,
    decisionNo: '15/QĐ-TTKC',
  });
  const afterProject = { minPosition: expectOk('settle', settled).position };

  // Two more: one judged by a support norm and rejected, one cancelled and then erased.
  const other = async (overrides: Json = {}): Promise<string> =>
    `/projects/${
      expectOk(
        'register',
        await post('/projects', people.districtOfficer, {
          planYear: 2024,
          district: people.district,
          title: 'Hỗ trợ xây dựng mô hình trình diễn',
          activityType: 'training',
          beneficiary: { name: 'Hộ kinh doanh Trần Văn B' },
          requestedFundingVnd: 100_000_000,
          targets: [{ indicator: 'trainees', target: 10 }],
          plannedStart: '2024-03-01',
          plannedEnd: '2024-11-30',
          ...overrides,
        }),
      ).id
    }`;
  const rejected = await other({
    activityType: 'machinery',
    counterpartFundingVnd: 100_000_000,
    beneficiary: { name: 'Công ty TNHH Cơ khí Tân Phú', taxCode: '3600123456' },
    targets: [{ indicator: 'establishments_supported', target: 1 }],
  });
  await post(`${rejected}/appraisal/start`, people.center);
  await post(`${rejected}/appraisal/result`, people.center, {
    outcome: 'passed',
    notes: 'Đạt',
    appraisedFundingVnd: 90_000_000,
  });
  await post(`${rejected}/rejection`, people.approver, { reason: 'Không phù hợp kế hoạch' });
  const cancelled = await other();
  await post(`${cancelled}/cancellation`, people.approver, { reason: 'Cơ sở xin rút' });
  const erased = await post(`${cancelled}/personal-data/erasure`, people.admin, {
    legalBasis: 'Điều 14 Luật Bảo vệ dữ liệu cá nhân 2025',
    requestRef: 'Đơn số 12/2026',
  });
  const afterAll = { minPosition: expectOk('erase', erased).position };

  await get('/projects', people.center, { ...afterAll, planYear: 2024 });
  await get('/projects', people.districtOfficer, { ...afterAll, status: 'settled' });
  await get('/projects', people.center, { ...afterAll, q: 'dao tao', fundingSource: 'local' });
  await get(project, people.auditor, afterProject);
  await get(cancelled, people.auditor, afterAll);
  await get(rejected, people.auditor, afterAll);
  await get(`${project}/history`, people.auditor);
  await get(`${project}/state`, people.auditor, { asOfVersion: 5 });
  await get(`${project}/state`, people.auditor, { asOf: '2000-01-01' });
  await get(`${project}/state`, people.auditor);
  await get(`${project}/verify`, people.auditor);

  // Reports, the inbox and the review, in each representation they offer.
  const csv = { headers: { accept: 'text/csv' } };
  for (const groupBy of ['year', 'district', 'unit', 'activityType', 'fundingSource', 'programme'])
    await get('/reports/disbursement', people.auditor, { ...afterAll, groupBy });
  await get('/reports/disbursement', people.auditor, { groupBy: 'unit', rollUp: 'true' });
  await get('/reports/disbursement', people.auditor, { planYear: 2024 }, csv);
  for (const groupBy of ['indicator', 'district', 'unit', 'year'])
    await get('/reports/progress', people.auditor, { ...afterAll, groupBy });
  await get('/reports/progress', people.auditor, {}, csv);
  await get('/reports/plan-status', people.auditor, afterAll);
  await get('/reports/plan-status', people.auditor, { year: 2022 }, csv);
  await get('/inbox', people.center, afterAll);
  await get('/inbox', people.districtOfficer, afterAll);
  await get('/inbox', people.finance, {}, csv);
  await get(`/programs/${code}/review`, people.auditor, afterAll);
  await get(
    `/programs/${code}/review`,
    people.auditor,
    { from: 2022, to: 2022 },
    {
      headers: { accept: 'text/markdown' },
    },
  );

  // Reference data as of a date, and its changes.
  for (const what of ['units', 'activity-types', 'indicators', 'funding-sources', 'norm-sets'])
    await get(`/reference/${what}`, people.finance, { asOf: '2024-06-01' });
  await get('/reference/units', people.finance);
  await get('/reference/advance-cap', people.finance);
  await get('/reference/advance-cap', people.finance, { asOf: '1990-01-01' });
  await post('/reference/units', people.center, {
    code: '99001',
    name: 'Xã Thử Nghiệm',
    level: 'commune',
    kind: 'commune',
    parent: '75',
    effectiveFrom: '2027-01-01',
    basis,
  });
  await post('/reference/units/99001/end', people.admin, {
    successors: ['26068'],
    effectiveFrom: '2028-01-01',
    basis,
  });
  await post('/reference/indicators', people.center, {
    code: 'digital_firms',
    name: 'Cơ sở được hỗ trợ chuyển đổi số',
    unit: 'cơ sở',
    effectiveFrom: '2026-01-01',
    basis,
  });
  await post('/reference/activity-types', people.center, {
    code: 'digital_transformation',
    name: 'Hỗ trợ chuyển đổi số',
    effectiveFrom: '2026-01-01',
    basis,
  });
  await post('/reference/funding-sources', people.center, {
    code: 'sponsor',
    name: 'Nguồn tài trợ',
    effectiveFrom: '2026-01-01',
    basis,
  });
  await post('/reference/activity-types/training/rename', people.center, {
    name: 'Đào tạo nghề, truyền nghề',
    effectiveFrom: '2027-01-01',
    basis,
  });
  await post('/reference/indicators/digital_firms/rename', people.center, {
    name: 'Doanh nghiệp chuyển đổi số',
    unit: 'doanh nghiệp',
    effectiveFrom: '2027-01-01',
    basis,
  });
  await post('/reference/funding-sources/sponsor/rename', people.center, {
    name: 'Nguồn xã hội hóa',
    effectiveFrom: '2027-01-01',
    basis,
  });
  await post('/reference/activity-types/digital_transformation/end', people.center, {
    effectiveFrom: '2029-01-01',
    basis,
  });
  await post('/reference/indicators/digital_firms/end', people.center, {
    effectiveFrom: '2029-01-01',
    basis,
  });
  await post('/reference/funding-sources/sponsor/end', people.center, {
    effectiveFrom: '2029-01-01',
    basis,
  });
  await post('/reference/norm-sets', people.center, {
    id: 'DN-22-2023',
    scope: 'provincial',
    effectiveFrom: '2030-01-01',
    basis,
    norms: [{ activityType: 'machinery', percent: 50, maxVnd: 100_000_000, per: 'cơ sở' }],
  });
  await post('/reference/advance-caps', people.center, {
    percent: 60,
    effectiveFrom: '2030-01-01',
    basis,
  });
  await get('/reference/changes', people.auditor);
  await get('/reference/norm-sets', people.finance, { asOf: '2030-06-01' });
  await get('/reference/advance-cap', people.finance, { asOf: '2030-06-01' });

  // The reminders and a rebuild of the read models (admin).
  await post('/reminders/scan', people.admin, { asOf: '2024-12-31' });
  await get('/reminders/failed', people.admin);
  await get('/admin/projections/rebuild', people.admin); // 404: none since the start
  await post('/admin/projections/rebuild', people.admin);
  await waitForRebuild(get, people.admin);

  // Refusals every route shares.
  await get('/projects', '');
  await get('/projects', 'not-a-token');
  await post('/programs', people.auditor, {});
  await get('/projects/00000000-0000-4000-8000-000000000000', people.auditor);
  await get('/projects/not-a-uuid', people.auditor);
  await get('/plans/1999', people.auditor);
  await get('/programs/NONE-2021-2025', people.auditor);
  await post('/projects', people.districtOfficer, { title: 7 });
  await post('/projects', people.districtOfficer, undefined, {
    rawBody: 'plain words',
    contentType: 'text/plain',
  });
  await post('/projects', people.districtOfficer, undefined, { rawBody: '{"title": ' });
  await post('/reference/advance-caps', people.center, {
    percent: 60,
    effectiveFrom: '2030-01-01',
  });
  await post('/reference/indicators/no_such_code/rename', people.center, {
    name: 'Không có',
    unit: 'cái',
    effectiveFrom: '2027-01-01',
    basis,
  });
  await post('/programs/NONE-2021-2025/budget-changes', people.admin, {
    year: 2022,
    amountVnd: 1,
    decisionNo: '1/QĐ',
    reason: 'Không có',
  });
  await post('/plans/1999/compile', people.center);
  await get('/projects/00000000-0000-4000-8000-000000000000/history', people.auditor);
  await get(`${project}/state`, people.auditor, { asOfVersion: 2, asOf: '2024-01-01' });
  await post('/reminders/scan', people.admin, { asOf: 'yesterday' });
  await post('/projects', people.districtOfficer, undefined, {
    rawBody: JSON.stringify({ title: 'x'.repeat(1024 * 1024) }),
  });
  return exchanges;
}

async function waitForRebuild(
  get: (path: string, token: string) => Promise<Json>,
  token: string,
): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answer = (await get('/admin/projections/rebuild', token)) as { job?: { state?: string } };
    if (answer.job?.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The rebuild did not finish in 5 s');
}
