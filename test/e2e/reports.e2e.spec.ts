import { DEFAULT_REFERENCE_DATA } from '../../src/reference-data/default-reference-data';
import { registeringKeysIn, unitCodeOf } from '../../src/reference-data/registering-units';
import { addDays, businessDateOf, yearOf } from '../../src/shared/business-date';
import type { HttpResponse, Json } from '../support/http';
import { useTestServer } from '../support/suite-server';

/**
 * Reports over HTTP against sums the test computes itself. Two programmes, plans for three
 * years, projects in four districts ending in every state that matters to money (settled,
 * accepted with a recovery, in execution with advances, cancelled with money partly
 * recovered, rejected, and the steps before approval). Every step the test takes also goes
 * into its own ledger; each report row must equal, to the đồng, what the ledger sums to.
 *
 * Dates follow the real clock: the steps are dated last year, the oldest plan's deadline
 * has passed and the newest plan's is a month ahead.
 */

const today = businessDateOf(new Date());
const Y = yearOf(today);
const D = {
  decision: `${Y - 1}-03-01`,
  started: `${Y - 1}-03-10`,
  advance: `${Y - 1}-03-20`,
  secondAdvance: `${Y - 1}-05-05`,
  reported: `${Y - 1}-04-24`,
  period: `${Y - 1}-04`,
  accepted: `${Y - 1}-10-30`,
  payment: `${Y - 1}-11-10`,
  recovery: `${Y - 1}-11-20`,
  settled: `${Y - 1}-12-10`,
};
const A = `RA-${process.pid}`; // years Y-2 .. Y
const B = `RB-${process.pid}`; // years Y+1 .. Y+2
const LIVE = ['approved', 'in_execution', 'accepted', 'settled'];

const { server, api } = useTestServer({ planYears: [] });

/**
 * Who registers in a year: a district until 2025, after 1 July 2025 a commune of its territory
 * (Xã Xuân Lộc, Xã Tân Phú, Xã Cẩm Mỹ, Phường Biên Hòa). The years follow the clock, so which
 * of the two registers depends on when the suite runs.
 */
const COMMUNE_OF: Record<string, string> = {
  'xuan-loc': '26425',
  'tan-phu': '26116',
  'cam-my': '26341',
  'bien-hoa': '26068',
};
const unitIn = (district: string, year: number): string =>
  year <= 2025 ? district : COMMUNE_OF[district];
/** The units expected to register for a year's plan. */
const unitsOf = (year: number): string[] => registeringKeysIn(DEFAULT_REFERENCE_DATA, year);
const t: Record<string, string> = {};

function ok(response: HttpResponse, status = 200): Json {
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status} ${response.text}`);
  return response.body;
}

/** What the test knows of each project from the steps it took. */
interface Line {
  id: string;
  title: string;
  district: string;
  planYear: number;
  programme: string;
  activityType: string;
  fundingSource: 'local' | 'national';
  status: string;
  approvedVnd: number;
  netVnd: number;
  settledVnd: number;
  targets: Record<string, number>;
  achieved: Record<string, number>;
}

const ledger: Line[] = [];
let lastPosition = '0';

async function step(
  line: Line,
  path: string,
  body: unknown,
  token: string,
  status: string,
): Promise<void> {
  const answer = ok(await api.post(`/projects/${line.id}/${path}`, body, { token }));
  expect(answer.status).toBe(status);
  line.status = status;
  lastPosition = answer.position;
}

async function register(fields: {
  title: string;
  district: string;
  planYear: number;
  activityType: string;
  fundingSource?: 'local' | 'national';
  requestedFundingVnd: number;
  counterpartFundingVnd?: number;
  targets: Record<string, number>;
}): Promise<Line> {
  const { targets, fundingSource = 'local', ...rest } = fields;
  const body = {
    ...rest,
    fundingSource,
    beneficiary: { name: `Cơ sở CNNT ${fields.district}` },
    targets: Object.entries(targets).map(([indicator, target]) => ({ indicator, target })),
    plannedStart: `${Y - 1}-03-01`,
    plannedEnd: `${Y - 1}-12-31`,
  };
  const answer = ok(
    await api.post('/projects', body, { token: t[fields.district] ?? t.center }),
    201,
  );
  const programme = fields.planYear <= Y ? A : B;
  const line: Line = {
    ...fields,
    fundingSource,
    id: answer.id,
    programme,
    status: 'registered',
    approvedVnd: 0,
    netVnd: 0,
    settledVnd: 0,
    achieved: {},
  };
  ledger.push(line);
  lastPosition = answer.position;
  return line;
}

const appraise = async (line: Line, amount: number) => {
  await step(line, 'appraisal/start', undefined, t.center, 'under_appraisal');
  await step(
    line,
    'appraisal/result',
    { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: amount },
    t.center,
    'appraised',
  );
};
const approve = async (line: Line, amount: number) => {
  await step(
    line,
    'approval',
    { decisionNo: '12/QĐ-UBND', decisionDate: D.decision, approvedFundingVnd: amount },
    t.approver,
    'approved',
  );
  line.approvedVnd = amount;
};
const start = (line: Line) =>
  step(line, 'execution/start', { startedOn: D.started }, t.center, 'in_execution');
const report = async (line: Line, achievements: Record<string, number>) => {
  const body = {
    period: D.period,
    reportedOn: D.reported,
    achievements: Object.entries(achievements).map(([indicator, value]) => ({ indicator, value })),
  };
  await step(line, 'progress-reports', body, t.center, line.status);
  for (const [indicator, value] of Object.entries(achievements))
    line.achieved[indicator] = (line.achieved[indicator] ?? 0) + value;
};
const money = async (
  line: Line,
  kind: 'advance' | 'payment' | 'recovery',
  amountVnd: number,
  paidOn: string,
) => {
  await step(
    line,
    'disbursements',
    { kind, amountVnd, paidOn, voucherNo: `UNC-${kind}-${amountVnd}` },
    t.finance,
    line.status,
  );
  line.netVnd += kind === 'recovery' ? -amountVnd : amountVnd;
};
const accept = (line: Line) =>
  step(
    line,
    'acceptance',
    { acceptedOn: D.accepted, notes: 'Nghiệm thu đạt' },
    t.center,
    'accepted',
  );
const settle = async (line: Line) => {
  await step(
    line,
    'settlement',
    { settledAmountVnd: line.netVnd, settledOn: D.settled, decisionNo: '15/QĐ-TTKC' },
    t.finance,
    'settled',
  );
  line.settledVnd = line.netVnd;
};

/** rate = numerator / denominator to 4 decimals; computed here in floating point, independently of the server's integers. */
const rateOf = (numerator: number, denominator: number) =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;

function expectedDisbursement(keyOf: (l: Line) => string, lines = ledger) {
  const groups = new Map<string, Line[]>();
  for (const line of lines) groups.set(keyOf(line), [...(groups.get(keyOf(line)) ?? []), line]);
  const sum = (key: string, group: Line[]) => {
    const approvedVnd = group
      .filter((l) => LIVE.includes(l.status))
      .reduce((a, l) => a + l.approvedVnd, 0);
    const disbursedVnd = group.reduce((a, l) => a + l.netVnd, 0);
    const settledVnd = group.reduce((a, l) => a + l.settledVnd, 0);
    return {
      key,
      projects: group.length,
      approvedVnd,
      disbursedVnd,
      settledVnd,
      rate: rateOf(disbursedVnd, approvedVnd),
    };
  };
  const rows = [...groups.entries()]
    .map(([key, group]) => sum(key, group))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  return { rows, total: sum('total', lines) };
}

/** Grouped by `keyOf`, or by indicator alone when there is no `keyOf`. */
function expectedProgress(keyOf: ((l: Line) => string) | undefined, lines = ledger) {
  const cells = new Map<
    string,
    { key: string; indicator: string; target: number; achieved: number }
  >();
  for (const line of lines.filter((l) => LIVE.includes(l.status))) {
    for (const indicator of new Set([
      ...Object.keys(line.targets),
      ...Object.keys(line.achieved),
    ])) {
      const key = keyOf ? keyOf(line) : indicator;
      const id = `${key}|${indicator}`;
      const cell = cells.get(id) ?? { key, indicator, target: 0, achieved: 0 };
      cell.target += line.targets[indicator] ?? 0;
      cell.achieved += line.achieved[indicator] ?? 0;
      cells.set(id, cell);
    }
  }
  return [...cells.values()]
    .map((c) => ({ ...c, rate: rateOf(c.achieved, c.target) }))
    .sort((a, b) =>
      a.key === b.key ? (a.indicator < b.indicator ? -1 : 1) : a.key < b.key ? -1 : 1,
    );
}

/** Rows by registering unit answer the unit's official code beside the key (`xuan-loc`: `741`). */
const withUnits = <Row extends { key: string }>(rows: Row[]) =>
  rows.map(({ key, ...rest }) => ({ key, unit: unitCodeOf(DEFAULT_REFERENCE_DATA, key), ...rest }));

const byKey = (rows: Json[]) =>
  [...rows].sort((a, b) =>
    a.key === b.key ? (a.indicator < b.indicator ? -1 : 1) : a.key < b.key ? -1 : 1,
  );

const lines: Record<string, Line> = {};

beforeAll(async () => {
  t.admin = await server.token('admin', { sub: 'admin' });
  t.center = await server.token('center_officer', { sub: 'center', name: 'Trần Thị Trung Tâm' });
  t.approver = await server.token('approver', { sub: 'approver' });
  t.finance = await server.token('finance_officer', { sub: 'finance' });
  t.auditor = await server.token('auditor', { sub: 'auditor' });
  t.both = await server.token('center_officer', { sub: 'both', alsoRoles: ['approver'] });
  for (const district of [
    'xuan-loc',
    'tan-phu',
    'cam-my',
    'bien-hoa',
    ...Object.values(COMMUNE_OF),
  ]) {
    t[district] = await server.token('district_officer', { sub: `do-${district}`, district });
  }

  ok(
    await api.post(
      '/programs',
      {
        code: A,
        name: 'Chương trình khuyến công A',
        fromYear: Y - 2,
        toYear: Y,
        budgets: [
          { year: Y - 2, amountVnd: 1_000_000_000 },
          { year: Y - 1, amountVnd: 1_500_000_000 },
          { year: Y, amountVnd: 2_000_000_000 },
        ],
        targets: [
          { indicator: 'trainees', target: 100 },
          { indicator: 'workshops', target: 10 },
          { indicator: 'establishments_supported', target: 5 },
        ],
      },
      { token: t.admin },
    ),
    201,
  );
  ok(
    await api.post(
      '/programs',
      {
        code: B,
        name: 'Chương trình khuyến công B',
        fromYear: Y + 1,
        toYear: Y + 2,
        budgets: [{ year: Y + 1, amountVnd: 3_000_000_000 }],
        targets: [],
      },
      { token: t.admin },
    ),
    201,
  );
  ok(
    await api.post(
      '/plans',
      { year: Y - 2, programCode: A, registrationDeadline: `${Y - 2}-05-20` },
      { token: t.center },
    ),
    201,
  );
  ok(
    await api.post(
      '/plans',
      { year: Y - 1, programCode: A, registrationDeadline: `${Y - 1}-05-20` },
      { token: t.center },
    ),
    201,
  );
  ok(
    await api.post(
      '/plans',
      { year: Y + 1, programCode: B, registrationDeadline: addDays(today, 30) },
      { token: t.center },
    ),
    201,
  );

  // Settled: an advance, acceptance, a payment, settlement.
  lines.settled = await register({
    title: 'Đào tạo khởi sự doanh nghiệp Xuân Lộc',
    district: unitIn('xuan-loc', Y - 2),
    planYear: Y - 2,
    activityType: 'training',
    requestedFundingVnd: 200_000_000,
    targets: { trainees: 40 },
  });
  await appraise(lines.settled, 200_000_000);
  await approve(lines.settled, 200_000_000);
  await start(lines.settled);
  await report(lines.settled, { trainees: 38 });
  await money(lines.settled, 'advance', 140_000_000, D.advance);
  await accept(lines.settled);
  await money(lines.settled, 'payment', 50_123_456, D.payment);
  await settle(lines.settled);

  // Accepted, with a payment and a recovery after it: not settled yet.
  lines.accepted = await register({
    title: 'Máy sấy nông sản, Tân Phú',
    district: unitIn('tan-phu', Y - 2),
    planYear: Y - 2,
    activityType: 'machinery',
    requestedFundingVnd: 250_000_000,
    counterpartFundingVnd: 300_000_000,
    targets: { establishments_supported: 1 },
  });
  await appraise(lines.accepted, 245_000_000);
  await approve(lines.accepted, 240_000_000);
  await start(lines.accepted);
  await report(lines.accepted, { establishments_supported: 1 });
  await money(lines.accepted, 'advance', 100_000_000, D.advance);
  await accept(lines.accepted);
  await money(lines.accepted, 'payment', 120_000_000, D.payment);
  await money(lines.accepted, 'recovery', 5_000_001, D.recovery);

  // In execution with two advances (national funding).
  lines.inExecution = await register({
    title: 'Hội chợ "Hàng Việt", Đồng Nai',
    district: unitIn('xuan-loc', Y - 1),
    planYear: Y - 1,
    activityType: 'trade_fair',
    fundingSource: 'national',
    requestedFundingVnd: 300_000_000,
    targets: { trade_fairs: 2 },
  });
  await appraise(lines.inExecution, 300_000_000);
  await approve(lines.inExecution, 300_000_000);
  await start(lines.inExecution);
  await report(lines.inExecution, { trade_fairs: 1 });
  await money(lines.inExecution, 'advance', 100_000_000, D.advance);
  await money(lines.inExecution, 'advance', 80_000_000, D.secondAdvance);

  // Cancelled after an advance, part of the money recovered since.
  lines.cancelled = await register({
    title: 'Hội thảo công nghệ mới Cẩm Mỹ',
    district: unitIn('cam-my', Y - 1),
    planYear: Y - 1,
    activityType: 'workshop',
    requestedFundingVnd: 150_000_000,
    targets: { workshops: 4 },
  });
  await appraise(lines.cancelled, 150_000_000);
  await approve(lines.cancelled, 150_000_000);
  await start(lines.cancelled);
  await report(lines.cancelled, { workshops: 1 });
  await money(lines.cancelled, 'advance', 60_000_000, D.advance);
  await step(
    lines.cancelled,
    'cancellation',
    { reason: 'Chưa có cơ sở pháp lý và đối tượng thụ hưởng đủ điều kiện' },
    t.approver,
    'cancelled',
  );
  await money(lines.cancelled, 'recovery', 25_000_000, today);

  // Rejected by the approver after appraisal.
  lines.rejected = await register({
    title: 'Đào tạo quản lý Tân Phú',
    district: unitIn('tan-phu', Y - 1),
    planYear: Y - 1,
    activityType: 'training',
    requestedFundingVnd: 100_000_000,
    targets: { trainees: 30 },
  });
  await appraise(lines.rejected, 90_000_000);
  await step(lines.rejected, 'rejection', { reason: 'Trùng nội dung' }, t.approver, 'rejected');

  // Approved, not started (programme B).
  lines.approved = await register({
    title: 'Phát sóng chuyên đề khuyến công',
    district: unitIn('bien-hoa', Y + 1),
    planYear: Y + 1,
    activityType: 'communication',
    requestedFundingVnd: 500_000_000,
    targets: { broadcast_topics: 24 },
  });
  await appraise(lines.approved, 500_000_000);
  await approve(lines.approved, 480_000_000);

  // Waiting at the steps before approval.
  lines.registered = await register({
    title: 'Đào tạo nghề Cẩm Mỹ',
    district: unitIn('cam-my', Y + 1),
    planYear: Y + 1,
    activityType: 'training',
    requestedFundingVnd: 80_000_000,
    targets: { trainees: 20 },
  });
  lines.revision = await register({
    title: 'Máy cắt CNC Xuân Lộc',
    district: unitIn('xuan-loc', Y - 1),
    planYear: Y - 1,
    activityType: 'machinery',
    requestedFundingVnd: 100_000_000,
    counterpartFundingVnd: 100_000_000,
    targets: { establishments_supported: 1 },
  });
  await step(lines.revision, 'appraisal/start', undefined, t.center, 'under_appraisal');
  await step(
    lines.revision,
    'appraisal/result',
    { outcome: 'revision_requested', notes: 'Bổ sung báo giá' },
    t.center,
    'revision_requested',
  );
  lines.underAppraisal = await register({
    title: 'Khảo sát học tập kinh nghiệm',
    district: unitIn('tan-phu', Y - 1),
    planYear: Y - 1,
    activityType: 'study_tour',
    requestedFundingVnd: 120_000_000,
    targets: { study_tours: 1 },
  });
  await step(lines.underAppraisal, 'appraisal/start', undefined, t.center, 'under_appraisal');
  lines.appraised = await register({
    title: 'Đào tạo Biên Hòa',
    district: unitIn('bien-hoa', Y - 1),
    planYear: Y - 1,
    activityType: 'training',
    requestedFundingVnd: 90_000_000,
    targets: { trainees: 25 },
  });
  await appraise(lines.appraised, 90_000_000);

  // Plans: Y-2 approved (both districts late), Y-1 compiled, Y+1 open with one district on time.
  ok(
    await api.post(
      `/plans/${Y - 2}/registrations`,
      { projectIds: [lines.settled.id] },
      { token: t[unitIn('xuan-loc', Y - 2)] },
    ),
  );
  ok(
    await api.post(
      `/plans/${Y - 2}/registrations`,
      { projectIds: [lines.accepted.id] },
      { token: t[unitIn('tan-phu', Y - 2)] },
    ),
  );
  ok(await api.post(`/plans/${Y - 2}/compile`, undefined, { token: t.center }));
  ok(
    await api.post(
      `/plans/${Y - 2}/approval`,
      { decisionNo: '1/QĐ-UBND', decisionDate: today },
      { token: t.approver },
    ),
  );
  ok(
    await api.post(
      `/plans/${Y - 1}/registrations`,
      { projectIds: [lines.cancelled.id] },
      { token: t[unitIn('cam-my', Y - 1)] },
    ),
  );
  ok(await api.post(`/plans/${Y - 1}/compile`, undefined, { token: t.center }));
  const last = ok(
    await api.post(
      `/plans/${Y + 1}/registrations`,
      { projectIds: [lines.approved.id] },
      { token: t[unitIn('bien-hoa', Y + 1)] },
    ),
  );
  lastPosition = last.position;
}, 120_000);

/** A CSV answer as sent: `fetch`'s text() drops a byte-order mark, so the bytes are decoded keeping it. */
async function getCsv(path: string, token: string, query: Record<string, string | number> = {}) {
  const params = new URLSearchParams(
    Object.entries({ minPosition: lastPosition, ...query }).map(([k, v]): [string, string] => [
      k,
      String(v),
    ]),
  );
  const response = await fetch(`${server.apiUrl}${path}?${params}`, {
    headers: { accept: 'text/csv', authorization: `Bearer ${token}` },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    bytes,
    text,
  };
}

const get = async (
  path: string,
  token: string,
  query: Record<string, string | number | undefined> = {},
  accept = 'application/json',
) => api.get(path, { minPosition: lastPosition, ...query }, { token, headers: { accept } });

describe('the disbursement report', () => {
  const groupings: [string, (l: Line) => string][] = [
    ['year', (l) => String(l.planYear)],
    ['district', (l) => l.district],
    ['activityType', (l) => l.activityType],
    ['fundingSource', (l) => l.fundingSource],
    ['programme', (l) => l.programme],
  ];

  it.each(groupings)('grouped by %s matches the ledger to the đồng', async (groupBy, keyOf) => {
    const report = ok(await get('/reports/disbursement', t.auditor, { groupBy }));
    const expected = expectedDisbursement(keyOf);
    expect(byKey(report.rows)).toEqual(
      groupBy === 'district' ? withUnits(expected.rows) : expected.rows,
    );
    expect(report.total).toEqual(expected.total);
  });

  it('counts approved funding of live projects only, and the net money out of every project', async () => {
    const { total } = ok(await get('/reports/disbursement', t.auditor));
    // Written out once by hand, so the ledger's own sums are checked too.
    expect(total.approvedVnd).toBe(200_000_000 + 240_000_000 + 300_000_000 + 480_000_000);
    expect(total.disbursedVnd).toBe(190_123_456 + 214_999_999 + 180_000_000 + 35_000_000);
    expect(total.settledVnd).toBe(190_123_456);
    expect(total.projects).toBe(10);
  });

  it('filters by programme and by plan year', async () => {
    const ofA = ok(
      await get('/reports/disbursement', t.auditor, { groupBy: 'district', programCode: A }),
    );
    expect(byKey(ofA.rows)).toEqual(
      withUnits(
        expectedDisbursement(
          (l) => l.district,
          ledger.filter((l) => l.programme === A),
        ).rows,
      ),
    );
    const year = ok(
      await get('/reports/disbursement', t.auditor, { groupBy: 'activityType', planYear: Y - 1 }),
    );
    const ofYear = expectedDisbursement(
      (l) => l.activityType,
      ledger.filter((l) => l.planYear === Y - 1),
    );
    expect(byKey(year.rows)).toEqual(ofYear.rows);
    expect(year.total).toEqual(ofYear.total);
  });

  it("shows a district officer its own district's figures only", async () => {
    const xuanLoc = unitIn('xuan-loc', Y - 2);
    const report = ok(await get('/reports/disbursement', t[xuanLoc], { groupBy: 'district' }));
    expect(report.rows).toEqual(
      withUnits(
        expectedDisbursement(
          (l) => l.district,
          ledger.filter((l) => l.district === xuanLoc),
        ).rows,
      ),
    );
  });

  it('comes as CSV with a byte-order mark, a header row and the same figures', async () => {
    const response = await getCsv('/reports/disbursement', t.auditor, { groupBy: 'district' });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/csv; charset=utf-8');
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = response.text.slice(1).trimEnd().split('\r\n');
    expect(header).toBe(
      'key,unit,projects,approvedVnd,disbursedVnd,settledVnd,rate,rolledUp,split',
    );
    const expected = expectedDisbursement((l) => l.district);
    const unitOf = (key: string) =>
      key === 'total' ? '' : unitCodeOf(DEFAULT_REFERENCE_DATA, key);
    expect(rows).toEqual(
      [...expected.rows, expected.total].map((r) =>
        [
          r.key,
          unitOf(r.key),
          r.projects,
          r.approvedVnd,
          r.disbursedVnd,
          r.settledVnd,
          r.rate ?? '',
          '',
          '',
        ].join(','),
      ),
    );
  });

  it('by unit rolled up, comes as CSV marking the rows rolled up or split', async () => {
    const json = ok(
      await get('/reports/disbursement', t.auditor, { groupBy: 'unit', rollUp: 'true' }),
    );
    const response = await getCsv('/reports/disbursement', t.auditor, {
      groupBy: 'unit',
      rollUp: 'true',
    });
    const [header, ...rows] = response.text.slice(1).trimEnd().split('\r\n');
    expect(header).toBe(
      'key,unit,projects,approvedVnd,disbursedVnd,settledVnd,rate,rolledUp,split',
    );
    expect(rows).toEqual(
      [...json.rows, json.total].map((r: Json) =>
        [
          r.key,
          r.unit ?? '',
          r.projects,
          r.approvedVnd,
          r.disbursedVnd,
          r.settledVnd,
          r.rate ?? '',
          r.rolledUp ?? '',
          r.split ?? '',
        ].join(','),
      ),
    );
    expect(json.rows.some((r: Json) => r.split === true)).toBe(true);
  });
});

describe('the progress report', () => {
  it.each([
    ['indicator', undefined],
    ['district', (l: Line) => l.district],
    ['year', (l: Line) => String(l.planYear)],
  ] as const)('grouped by %s matches the ledger (live projects only)', async (groupBy, keyOf) => {
    const report = ok(await get('/reports/progress', t.auditor, { groupBy }));
    const expected = expectedProgress(keyOf);
    expect(byKey(report.rows)).toEqual(groupBy === 'district' ? withUnits(expected) : expected);
  });

  it("grouped by indicator for a programme, compares with the programme's own targets", async () => {
    const report = ok(
      await get('/reports/progress', t.auditor, { groupBy: 'indicator', programCode: A }),
    );
    const achieved = (indicator: string) =>
      ledger
        .filter((l) => l.programme === A && LIVE.includes(l.status))
        .reduce((a, l) => a + (l.achieved[indicator] ?? 0), 0);
    expect(report.rows).toEqual([
      {
        key: 'establishments_supported',
        indicator: 'establishments_supported',
        target: 5,
        achieved: achieved('establishments_supported'),
        rate: rateOf(achieved('establishments_supported'), 5),
      },
      {
        key: 'trainees',
        indicator: 'trainees',
        target: 100,
        achieved: achieved('trainees'),
        rate: rateOf(achieved('trainees'), 100),
      },
      { key: 'workshops', indicator: 'workshops', target: 10, achieved: 0, rate: 0 },
      {
        key: 'trade_fairs',
        indicator: 'trade_fairs',
        target: 0,
        achieved: achieved('trade_fairs'),
        rate: null,
      },
    ]);
    // The cancelled workshop's reported progress is not a programme result.
    expect(achieved('workshops')).toBe(0);
  });

  it('groups by unit as by district, its older name', async () => {
    const byDistrict = ok(await get('/reports/progress', t.auditor, { groupBy: 'district' }));
    const byUnit = ok(await get('/reports/progress', t.auditor, { groupBy: 'unit' }));
    expect(byUnit.rows).toEqual(byDistrict.rows);
    expect(byUnit.rows.length).toBeGreaterThan(0);
  });

  it('comes as CSV too', async () => {
    const response = await getCsv('/reports/progress', t.auditor, { groupBy: 'district' });
    expect(response.text.startsWith('\uFEFFkey,unit,indicator,target,achieved,rate\r\n')).toBe(
      true,
    );
    expect(response.text.trimEnd().split('\r\n')).toHaveLength(
      1 + expectedProgress((l) => l.district).length,
    );
  });
});

describe('the plan status report', () => {
  it('shows each district of each plan as submitted, late or missing', async () => {
    const { rows } = ok(await get('/reports/plan-status', t.auditor));
    const status = (year: number, district: string) =>
      rows.find((r: Json) => r.year === year && r.district === district)?.status;
    expect(rows).toHaveLength([Y - 2, Y - 1, Y + 1].map(unitsOf).flat().length);
    expect([
      status(Y - 2, unitIn('xuan-loc', Y - 2)),
      status(Y - 2, unitIn('tan-phu', Y - 2)),
      status(Y - 2, unitIn('cam-my', Y - 2)),
    ]).toEqual(['late', 'late', 'missing']);
    expect([
      status(Y + 1, unitIn('bien-hoa', Y + 1)),
      status(Y + 1, unitIn('cam-my', Y + 1)),
    ]).toEqual(['submitted', 'missing']);
    expect(
      rows.find((r: Json) => r.year === Y - 1 && r.district === unitIn('cam-my', Y - 1)),
    ).toEqual({
      year: Y - 1,
      programCode: A,
      planStatus: 'compiled',
      registrationDeadline: `${Y - 1}-05-20`,
      district: unitIn('cam-my', Y - 1),
      // Huyện Cẩm Mỹ's official code, or Xã Cẩm Mỹ's.
      unit: Y - 1 <= 2025 ? '739' : '26341',
      status: 'late',
      submittedOn: today,
      submissions: 1,
      projects: 1,
    });
  });

  it('filters by year, and as CSV keeps the same rows', async () => {
    const { rows } = ok(await get('/reports/plan-status', t.auditor, { year: Y + 1 }));
    expect(rows.map((r: Json) => r.status).sort()).toEqual([
      ...Array(unitsOf(Y + 1).length - 1).fill('missing'),
      'submitted',
    ]);
    const csv = await getCsv('/reports/plan-status', t.auditor, { year: Y + 1 });
    const [header, ...lines] = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(unitsOf(Y + 1).length);
    // The unit's official code after the key it is recorded under, as in the JSON rows.
    expect(header).toBe(
      'year,programCode,planStatus,registrationDeadline,district,unit,status,submittedOn,submissions,projects',
    );
    expect(lines.map((line) => line.split(',').slice(4, 6).join(',')).sort()).toEqual(
      rows.map((r: Json) => `${r.district},${r.unit}`).sort(),
    );
  });
});

describe('the inbox', () => {
  const itemsOf = async (token: string) => {
    const { items, total } = ok(await get('/inbox', token));
    expect(total).toBe(items.length);
    return items.map((i: Json) => `${i.role} ${i.action} ${i.id}`).sort();
  };

  it('lists for the center what it has to appraise, start, accept and compile', async () => {
    expect(await itemsOf(t.center)).toEqual(
      [
        `center_officer start_appraisal ${lines.registered.id}`,
        `center_officer record_appraisal_result ${lines.underAppraisal.id}`,
        `center_officer start_execution ${lines.approved.id}`,
        `center_officer accept ${lines.inExecution.id}`,
        `center_officer compile_plan ${Y + 1}`,
      ].sort(),
    );
  });

  it('lists for the approver the appraised projects and the compiled plan', async () => {
    expect(await itemsOf(t.approver)).toEqual(
      [`approver approve_plan ${Y - 1}`, `approver decide_approval ${lines.appraised.id}`].sort(),
    );
  });

  it('lists for finance what to settle and what to recover', async () => {
    expect(await itemsOf(t.finance)).toEqual(
      [
        `finance_officer recover_funds ${lines.cancelled.id}`,
        `finance_officer settle ${lines.accepted.id}`,
      ].sort(),
    );
  });

  it("lists for a district officer its own district's revisions and the open plans it has not answered", async () => {
    // The revision is the unit's of Y-1; the open plan of Y+1 asks the unit of Y+1.
    const [ofRevision, ofOpenPlan] = [unitIn('xuan-loc', Y - 1), unitIn('xuan-loc', Y + 1)];
    const expected = [
      [ofRevision, `district_officer resubmit ${lines.revision.id}`],
      [ofOpenPlan, `district_officer submit_registration ${Y + 1}`],
    ];
    for (const unit of new Set([ofRevision, ofOpenPlan]))
      expect(await itemsOf(t[unit])).toEqual(
        expected
          .filter(([u]) => u === unit)
          .map(([, item]) => item)
          .sort(),
      );
    expect(await itemsOf(t[unitIn('bien-hoa', Y + 1)])).toEqual([]);
    expect(await itemsOf(t.auditor)).toEqual([]);
  });

  it('lists every role of a caller that holds two', async () => {
    const both = await itemsOf(t.both);
    expect(both).toEqual([...(await itemsOf(t.center)), ...(await itemsOf(t.approver))].sort());
  });

  it('comes as CSV with the Vietnamese titles intact', async () => {
    const response = await getCsv('/inbox', t.center);
    expect(response.contentType).toBe('text/csv; charset=utf-8');
    const text = response.text;
    expect(
      text.startsWith(
        '\uFEFFrole,action,subject,id,planYear,district,unit,status,title,updatedAt,dueDate,overdue\r\n',
      ),
    ).toBe(true);
    expect(text).toContain(
      `center_officer,accept,project,${lines.inExecution.id},${Y - 1},xuan-loc,741,in_execution,"Hội chợ ""Hàng Việt"", Đồng Nai",`,
    );
    expect(text).toContain(`Kế hoạch khuyến công năm ${Y + 1}`);
  });
});

describe('the programme review', () => {
  const ofA = () =>
    ledger.filter((l) => l.programme === A && l.planYear >= Y - 2 && l.planYear <= Y - 1);

  it('computes budget, disbursed, rate and shortfall from the events', async () => {
    const review = ok(await get(`/programs/${A}/review`, t.auditor, { from: Y - 2, to: Y - 1 }));
    const disbursed = ofA().reduce((a, l) => a + l.netVnd, 0);
    expect(review).toMatchObject({
      code: A,
      from: Y - 2,
      to: Y - 1,
      budgetVnd: 2_500_000_000,
      disbursedVnd: disbursed,
      shortfallVnd: 2_500_000_000 - disbursed,
      rate: rateOf(disbursed, 2_500_000_000),
      settledVnd: 190_123_456,
    });
    expect(review.years.map((y: Json) => [y.year, y.budgetVnd, y.disbursedVnd])).toEqual([
      [Y - 2, 1_000_000_000, lines.settled.netVnd + lines.accepted.netVnd],
      [Y - 1, 1_500_000_000, lines.inExecution.netVnd + lines.cancelled.netVnd],
    ]);
    expect(review.cancelledLines).toEqual([
      expect.objectContaining({
        projectId: lines.cancelled.id,
        title: 'Hội thảo công nghệ mới Cẩm Mỹ',
        reason: 'Chưa có cơ sở pháp lý và đối tượng thụ hưởng đủ điều kiện',
        amountToRecoverVnd: 35_000_000,
      }),
    ]);
    expect(review.indicators.find((i: Json) => i.indicator === 'trainees')).toEqual(
      expect.objectContaining({ target: 100, achieved: 38, rate: 0.38 }),
    );
  });

  it('reviews the later programme side by side, its year registered by a commune', async () => {
    const review = ok(await get(`/programs/${B}/review`, t.auditor, { from: Y + 1, to: Y + 1 }));
    const ofB = ledger.filter((l) => l.programme === B && l.planYear === Y + 1);
    expect(ofB.map((l) => l.district)).toContain(unitIn('bien-hoa', Y + 1));
    expect(review).toMatchObject({
      code: B,
      from: Y + 1,
      to: Y + 1,
      budgetVnd: 3_000_000_000,
      disbursedVnd: ofB.reduce((a, l) => a + l.netVnd, 0),
    });
  });

  it('reads as a Vietnamese report in Markdown', async () => {
    const response = await get(
      `/programs/${A}/review`,
      t.approver,
      { from: Y - 2, to: Y - 1 },
      'text/markdown',
    );
    expect(response.contentType).toBe('text/markdown; charset=utf-8');
    const disbursed = ofA().reduce((a, l) => a + l.netVnd, 0);
    const vi = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    expect(response.text).toContain(`**${vi(2_500_000_000)} đồng**`);
    expect(response.text).toContain(`**${vi(2_500_000_000 - disbursed)} đồng**`);
    expect(response.text).toContain('Chưa có cơ sở pháp lý và đối tượng thụ hưởng đủ điều kiện');
  });

  it('is for auditors, approvers, the center and admins only', async () => {
    expect((await get(`/programs/${A}/review`, t['xuan-loc'])).status).toBe(403);
    expect((await get(`/programs/${A}/review`, t.finance)).status).toBe(403);
    expect((await get('/programs/NO-SUCH/review', t.auditor)).status).toBe(404);
    expect((await get(`/programs/${A}/review`, t.auditor, { from: Y - 3 })).status).toBe(422);
  });
});
