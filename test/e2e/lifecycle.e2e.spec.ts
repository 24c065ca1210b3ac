import { registrationBody, type Json } from '../support/http';
import {
  DAY,
  expectStatus,
  NAMES,
  peopleOf,
  ProjectSteps,
  type CommandResult,
} from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * The lifecycle of a support project over HTTP, each step by the role that takes it, on the
 * real server and a real SQLite file; then lists, reports, the side paths (revision,
 * rejection, cancellation) and what auditors read back.
 */

const { server, api, people, steps } = useTestServer();

async function project(id: string, after: CommandResult, token = people.auditor): Promise<Json> {
  return expectStatus(
    'read project',
    await api.get(`/projects/${id}`, { minPosition: after.position }, { token }),
    200,
  );
}

describe('a project carried from registration to settlement', () => {
  const requested = 200_000_000;
  const appraised = 180_000_000;
  const approved = 170_000_000;
  const advance = 119_000_000; // exactly 70% of the approved funding
  const adjusted = 175_000_000;
  let id: string;
  let last: CommandResult;
  const versions: string[] = [];

  /** Checks a command's answer: the next version, the status it moved to, a log position. */
  const record = (result: CommandResult, status: string, eventType: string) => {
    versions.push(eventType);
    expect(result).toEqual({
      id,
      version: versions.length,
      status,
      position: expect.stringMatching(/^\d+$/),
    });
    last = result;
  };

  it('is registered by the district officer of its district', async () => {
    const body = registrationBody('tan-phu', { requestedFundingVnd: requested });
    const response = await api.post('/projects', body, { token: people.districtOfficer });
    expect(response.status).toBe(201);
    id = response.body.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    record(response.body, 'registered', 'ProjectRegistered');
  });

  it('goes under appraisal and passes with the appraised funding, by the center', async () => {
    record(await steps.startAppraisal(id), 'under_appraisal', 'AppraisalStarted');
    record(await steps.passAppraisal(id, appraised), 'appraised', 'AppraisalPassed');
    const seen = await project(id, last);
    expect(seen).toMatchObject({
      status: 'appraised',
      requestedFundingVnd: requested,
      appraisedFundingVnd: appraised,
      approvedFundingVnd: null,
      disbursementRate: null,
    });
  });

  it('is approved by an approver who neither registered nor appraised it', async () => {
    record(await steps.approve(id, approved), 'approved', 'ProjectApproved');
    expect(await project(id, last)).toMatchObject({
      approvedFundingVnd: approved,
      disbursedVnd: 0,
      disbursementRate: 0,
      approvalDecisionNo: '1234/QĐ-UBND',
    });
  });

  it('starts execution, by the center', async () => {
    record(await steps.startExecution(id), 'in_execution', 'ExecutionStarted');
  });

  it('takes monthly progress reports, a second report for a month replacing the first', async () => {
    record(
      await steps.reportProgress(id, '2024-05', [
        { indicator: 'trainees', value: 15 },
        { indicator: 'workshops', value: 1 },
      ]),
      'in_execution',
      'ProgressReported',
    );
    record(
      await steps.reportProgress(id, '2024-05', [{ indicator: 'trainees', value: 20 }]),
      'in_execution',
      'ProgressReported',
    );
    record(
      await steps.reportProgress(id, '2024-06', [
        { indicator: 'trainees', value: 12 },
        { indicator: 'workshops', value: 1 },
      ]),
      'in_execution',
      'ProgressReported',
    );
    const seen = await project(id, last);
    // May counts 20 trainees and no workshop (the replacement), June 12 and 1.
    expect(seen.targets).toEqual([
      { indicator: 'trainees', target: 40, achieved: 32 },
      { indicator: 'workshops', target: 2, achieved: 1 },
    ]);
    expect(seen.progressRate).toBeCloseTo((32 / 40 + 1 / 2) / 2, 4);
  });

  it('refuses an advance above 70% of the approved funding, then takes one of exactly 70%', async () => {
    const over = await api.post(
      `/projects/${id}/disbursements`,
      { kind: 'advance', amountVnd: advance + 1, paidOn: DAY.advance, voucherNo: 'UNC-1' },
      { token: people.finance },
    );
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('advance_cap_exceeded');
    record(
      await steps.disburse(id, 'advance', advance, DAY.advance),
      'in_execution',
      'AdvanceDisbursed',
    );
    const seen = await project(id, last);
    expect(seen).toMatchObject({
      advancesVnd: advance,
      disbursedVnd: advance,
      disbursementRate: 0.7,
    });
  });

  it('is inspected by the center and adjusted by the approver', async () => {
    record(await steps.inspect(id), 'in_execution', 'InspectionRecorded');
    record(
      await steps.adjust(id, { approvedFundingVnd: adjusted }),
      'in_execution',
      'ProjectAdjusted',
    );
    const seen = await project(id, last);
    expect(seen.approvedFundingVnd).toBe(adjusted);
    expect(seen.disbursementRate).toBeCloseTo(advance / adjusted, 4);
  });

  it('is accepted by the center, paid the rest and settled by finance with the net disbursed amount', async () => {
    record(await steps.accept(id), 'accepted', 'ProjectAccepted');
    record(
      await steps.disburse(id, 'payment', adjusted - advance, DAY.payment),
      'accepted',
      'PaymentDisbursed',
    );
    const wrong = await api.post(
      `/projects/${id}/settlement`,
      { settledAmountVnd: adjusted - 1, settledOn: DAY.settled, decisionNo: '15/QĐ' },
      { token: people.finance },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('settlement_mismatch');
    record(await steps.settle(id, adjusted), 'settled', 'ProjectSettled');
  });

  it('takes no further step once settled (409), appending nothing', async () => {
    const refused = [
      await api.post(
        `/projects/${id}/disbursements`,
        { kind: 'recovery', amountVnd: 1_000, paidOn: DAY.settled, voucherNo: 'PT-1' },
        { token: people.finance },
      ),
      await api.post(
        `/projects/${id}/cancellation`,
        { reason: 'Quá muộn' },
        { token: people.approver },
      ),
      await api.post(
        `/projects/${id}/settlement`,
        { settledAmountVnd: adjusted, settledOn: DAY.settled, decisionNo: '16/QĐ' },
        { token: people.finance },
      ),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409]);
    const { events } = expectStatus(
      'history',
      await api.get(`/projects/${id}/history`, {}, { token: people.auditor }),
      200,
    );
    expect(events).toHaveLength(versions.length);
  });

  it('shows the settled project with its money, rates and targets', async () => {
    const seen = await project(id, last, people.districtOfficer);
    expect(seen).toMatchObject({
      id,
      version: versions.length,
      status: 'settled',
      planYear: 2024,
      district: 'tan-phu',
      activityType: 'training',
      requestedFundingVnd: requested,
      appraisedFundingVnd: appraised,
      approvedFundingVnd: adjusted,
      advancesVnd: advance,
      paymentsVnd: adjusted - advance,
      disbursedVnd: adjusted,
      settledVnd: adjusted,
      amountToRecoverVnd: 0,
      disbursementRate: 1,
      plannedStart: '2024-03-01',
      plannedEnd: '2024-11-30',
      settledOn: DAY.settled,
    });
    expect(Date.parse(seen.updatedAt)).not.toBeNaN();
    expect(seen.targets.map((t: Json) => t.achieved)).toEqual([32, 1]);
  });

  it('keeps the whole story in its history: versions 1..n, who did each step, and a linked hash chain', async () => {
    const { events } = expectStatus(
      'history',
      await api.get(`/projects/${id}/history`, {}, { token: people.auditor }),
      200,
    );
    expect(events.map((e: Json) => e.version)).toEqual(versions.map((_, i) => i + 1));
    expect(events.map((e: Json) => e.type)).toEqual(versions);
    const roleOf: Record<string, string> = {
      ProjectRegistered: 'district_officer',
      AppraisalStarted: 'center_officer',
      AppraisalPassed: 'center_officer',
      ProjectApproved: 'approver',
      ExecutionStarted: 'center_officer',
      ProgressReported: 'district_officer',
      AdvanceDisbursed: 'finance_officer',
      InspectionRecorded: 'center_officer',
      ProjectAdjusted: 'approver',
      ProjectAccepted: 'center_officer',
      PaymentDisbursed: 'finance_officer',
      ProjectSettled: 'finance_officer',
    };
    for (const event of events) {
      const role = roleOf[event.type] as keyof typeof NAMES;
      expect(event.actor).toEqual({ sub: people.subs[role], name: NAMES[role], role });
      expect(event.commandId).toMatch(/^[0-9a-f-]{36}$/);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(event.recordedAt)).not.toBeNaN();
      expect(event.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(new Set(events.map((e: Json) => e.commandId)).size).toBe(events.length);
    expect(events[0].prevHash).toBe('0'.repeat(64));
    events
      .slice(1)
      .forEach((event: Json, i: number) => expect(event.prevHash).toBe(events[i].hash));
    // Steps that carry their own date happened on it, whatever day they were recorded.
    expect(events.find((e: Json) => e.type === 'ProjectApproved').occurredOn).toBe(DAY.decision);
    expect(events.find((e: Json) => e.type === 'ProjectSettled').occurredOn).toBe(DAY.settled);
  });

  it('replays its state as of any version', async () => {
    for (const [version, status] of [
      [1, 'registered'],
      [3, 'appraised'],
      [4, 'approved'],
      [versions.indexOf('AdvanceDisbursed') + 1, 'in_execution'],
      [versions.length, 'settled'],
    ] as const) {
      const replayed = expectStatus(
        'state',
        await api.get(`/projects/${id}/state`, { asOfVersion: version }, { token: people.auditor }),
        200,
      );
      expect(replayed.version).toBe(version);
      expect(replayed.state.status).toBe(status);
    }
    const atAdvance = await api.get(
      `/projects/${id}/state`,
      { asOfVersion: versions.indexOf('AdvanceDisbursed') + 1 },
      { token: people.auditor },
    );
    expect(atAdvance.body.state).toMatchObject({
      approvedFundingVnd: approved,
      netDisbursedVnd: advance,
    });
  });

  it('replays its state as of an instant: the events recorded by then', async () => {
    const { events } = (await api.get(`/projects/${id}/history`, {}, { token: people.auditor }))
      .body;
    const state = async (query: Record<string, string | number>) =>
      expectStatus(
        'state',
        await api.get(`/projects/${id}/state`, query, { token: people.auditor }),
        200,
      );
    for (const type of ['ProjectApproved', 'AdvanceDisbursed', 'ProjectSettled']) {
      const instant = events.find((e: Json) => e.type === type).recordedAt;
      const recordedBy = events.filter(
        (e: Json) => Date.parse(e.recordedAt) <= Date.parse(instant),
      ).length;
      const asOf = await state({ asOf: instant });
      expect(asOf.version).toBe(recordedBy);
      expect(asOf).toEqual(await state({ asOfVersion: recordedBy }));
    }
    expect(await state({ asOf: '2020-01-01T00:00:00Z' })).toMatchObject({
      version: 0,
      state: null,
    });
    const now = await state({ asOf: new Date().toISOString() });
    expect(now.version).toBe(versions.length);
    expect(now.state.status).toBe('settled');
  });

  it('verifies as an intact chain', async () => {
    const verification = expectStatus(
      'verify',
      await api.get(`/projects/${id}/verify`, {}, { token: people.auditor }),
      200,
    );
    expect(verification).toEqual({
      valid: true,
      eventsChecked: versions.length,
      firstBrokenVersion: null,
    });
  });
});

describe('the side paths', () => {
  it('goes back to registered when the district resubmits after a revision request', async () => {
    const { id } = await steps.fresh('under_appraisal');
    const revision = await api.post(
      `/projects/${id}/appraisal/result`,
      { outcome: 'revision_requested', notes: 'Bổ sung dự toán chi tiết' },
      { token: people.center },
    );
    expect(revision.status).toBe(200);
    expect(revision.body.status).toBe('revision_requested');
    const resubmitted = await api.post(
      `/projects/${id}/resubmit`,
      { requestedFundingVnd: 150_000_000, title: 'Đào tạo khởi sự (bổ sung)' },
      { token: people.districtOfficer },
    );
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ id, version: 4, status: 'registered' });
    const seen = await project(id, resubmitted.body);
    expect(seen).toMatchObject({
      status: 'registered',
      requestedFundingVnd: 150_000_000,
      title: 'Đào tạo khởi sự (bổ sung)',
    });
    // The project can go round again.
    expect((await steps.startAppraisal(id)).status).toBe('under_appraisal');
  });

  it('ends rejected when the appraisal rejects it', async () => {
    const { id } = await steps.fresh('under_appraisal');
    const rejected = await api.post(
      `/projects/${id}/appraisal/result`,
      { outcome: 'rejected', notes: 'Không đạt tiêu chí' },
      { token: people.center },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect((await project(id, rejected.body)).status).toBe('rejected');
    const approval = await api.post(
      `/projects/${id}/approval`,
      { decisionNo: '1/QĐ', decisionDate: DAY.decision, approvedFundingVnd: 1 },
      { token: people.approver },
    );
    expect(approval.status).toBe(409);
  });

  it('ends rejected when the approver rejects it, with the reason shown', async () => {
    const { id } = await steps.fresh('appraised');
    const rejected = await api.post(
      `/projects/${id}/rejection`,
      { reason: 'Trùng lặp với đề án khác' },
      { token: people.approver },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(await project(id, rejected.body)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Trùng lặp với đề án khác',
      approvedFundingVnd: null,
    });
  });

  it('shows the amount to recover when a project with an advance is cancelled, and less after a recovery', async () => {
    const approved = 100_000_000;
    const { id } = await steps.fresh('in_execution', approved);
    await steps.disburse(id, 'advance', 60_000_000, DAY.advance);
    const cancelled = await steps.cancel(id, 'Cơ sở ngừng hoạt động');
    expect(cancelled.status).toBe('cancelled');
    expect(await project(id, cancelled)).toMatchObject({
      status: 'cancelled',
      disbursedVnd: 60_000_000,
      amountToRecoverVnd: 60_000_000,
      cancellationReason: 'Cơ sở ngừng hoạt động',
    });
    const recovered = await steps.disburse(id, 'recovery', 25_000_000, DAY.payment);
    expect(recovered.status).toBe('cancelled');
    expect(await project(id, recovered)).toMatchObject({
      recoveredVnd: 25_000_000,
      disbursedVnd: 35_000_000,
      amountToRecoverVnd: 35_000_000,
    });
    const tooMuch = await api.post(
      `/projects/${id}/disbursements`,
      { kind: 'recovery', amountVnd: 35_000_001, paidOn: DAY.payment, voucherNo: 'PT-9' },
      { token: people.finance },
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('recovery_exceeds_disbursed');
  });
});

describe('lists and reports', () => {
  /** What the test did to each project, from which it computes what lists and reports must show. */
  interface Made {
    readonly id: string;
    readonly planYear: number;
    readonly district: string;
    readonly activityType: string;
    readonly status: string;
    readonly approvedVnd: number;
    readonly disbursedVnd: number;
    readonly settledVnd: number;
  }
  const made: Made[] = [];
  let position = '0';

  beforeAll(async () => {
    const xuanLoc = new ProjectSteps(api, await peopleOf(server, 'xuan-loc'));
    const track = (result: CommandResult) => {
      if (BigInt(result.position) > BigInt(position)) position = result.position;
      return result;
    };
    const note = (result: CommandResult, what: Omit<Made, 'id' | 'status'>) =>
      made.push({ id: result.id, status: result.status, ...what });

    // Years of their own, so projects made by the other tests do not count here.
    const a = await steps.fresh('in_execution', 100_000_000, { planYear: 2019 });
    note(track(await steps.disburse(a.id, 'advance', 30_000_000, DAY.advance)), {
      planYear: 2019,
      district: 'tan-phu',
      activityType: 'training',
      approvedVnd: 100_000_000,
      disbursedVnd: 30_000_000,
      settledVnd: 0,
    });

    const b = await xuanLoc.fresh('in_execution', 80_000_000, { planYear: 2019 });
    await xuanLoc.disburse(b.id, 'advance', 50_000_000, DAY.advance);
    await xuanLoc.accept(b.id);
    await xuanLoc.disburse(b.id, 'payment', 30_000_000, DAY.payment);
    note(track(await xuanLoc.settle(b.id, 80_000_000)), {
      planYear: 2019,
      district: 'xuan-loc',
      activityType: 'training',
      approvedVnd: 80_000_000,
      disbursedVnd: 80_000_000,
      settledVnd: 80_000_000,
    });

    const c = await steps.fresh('registered', 0, { planYear: 2019, activityType: 'workshop' });
    note(track(c), {
      planYear: 2019,
      district: 'tan-phu',
      activityType: 'workshop',
      approvedVnd: 0,
      disbursedVnd: 0,
      settledVnd: 0,
    });

    const d = await xuanLoc.fresh('in_execution', 60_000_000, {
      planYear: 2019,
      activityType: 'workshop',
    });
    await xuanLoc.disburse(d.id, 'advance', 20_000_000, DAY.advance);
    note(track(await xuanLoc.cancel(d.id)), {
      planYear: 2019,
      district: 'xuan-loc',
      activityType: 'workshop',
      approvedVnd: 60_000_000,
      disbursedVnd: 20_000_000,
      settledVnd: 0,
    });

    const e = await steps.fresh('in_execution', 90_000_000, { planYear: 2020 });
    note(track(e), {
      planYear: 2020,
      district: 'tan-phu',
      activityType: 'training',
      approvedVnd: 90_000_000,
      disbursedVnd: 0,
      settledVnd: 0,
    });

    const f = await xuanLoc.fresh('appraised', 50_000_000, {
      planYear: 2020,
      activityType: 'trade_fair',
    });
    note(track(f), {
      planYear: 2020,
      district: 'xuan-loc',
      activityType: 'trade_fair',
      approvedVnd: 0,
      disbursedVnd: 0,
      settledVnd: 0,
    });
  });

  const list = async (query: Record<string, string | number>) =>
    expectStatus(
      'list',
      await api.get('/projects', { minPosition: position, ...query }, { token: people.auditor }),
      200,
    );
  const idsOf = (items: Json[]) => items.map((item) => item.id).sort();
  const madeIds = (keep: (m: Made) => boolean) =>
    made
      .filter(keep)
      .map((m) => m.id)
      .sort();

  it('lists the projects of a plan year', async () => {
    const { items, total } = await list({ planYear: 2019 });
    expect(total).toBe(4);
    expect(idsOf(items)).toEqual(madeIds((m) => m.planYear === 2019));
  });

  it('filters by status, district and activity type', async () => {
    expect(idsOf((await list({ planYear: 2019, status: 'in_execution' })).items)).toEqual(
      madeIds((m) => m.planYear === 2019 && m.status === 'in_execution'),
    );
    expect(idsOf((await list({ planYear: 2019, status: 'cancelled' })).items)).toEqual(
      madeIds((m) => m.planYear === 2019 && m.status === 'cancelled'),
    );
    expect(idsOf((await list({ planYear: 2019, district: 'xuan-loc' })).items)).toEqual(
      madeIds((m) => m.planYear === 2019 && m.district === 'xuan-loc'),
    );
    expect(idsOf((await list({ activityType: 'trade_fair', planYear: 2020 })).items)).toEqual(
      madeIds((m) => m.activityType === 'trade_fair'),
    );
    const combined = await list({
      planYear: 2019,
      district: 'tan-phu',
      activityType: 'workshop',
      status: 'registered',
    });
    expect(combined.total).toBe(1);
    expect(combined.items[0]).toMatchObject({
      district: 'tan-phu',
      activityType: 'workshop',
      status: 'registered',
      planYear: 2019,
    });
  });

  it('pages through a list, each project once, with the total on every page', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => list({ planYear: 2019, pageSize: 3, page })),
    );
    expect(pages.map((p) => p.total)).toEqual([4, 4, 4]);
    expect(pages.map((p) => p.items.length)).toEqual([3, 1, 0]);
    expect(idsOf(pages.flatMap((p) => p.items))).toEqual(madeIds((m) => m.planYear === 2019));
  });

  /** Sums per group as API.md and the report define them: approved counts only where it still stands. */
  function expectedRows(groupOf: (m: Made) => string, keep: (m: Made) => boolean) {
    const live = ['approved', 'in_execution', 'accepted', 'settled'];
    const rows = new Map<
      string,
      {
        key: string;
        projects: number;
        approvedVnd: number;
        disbursedVnd: number;
        settledVnd: number;
      }
    >();
    for (const m of made.filter(keep)) {
      const key = groupOf(m);
      const row = rows.get(key) ?? {
        key,
        projects: 0,
        approvedVnd: 0,
        disbursedVnd: 0,
        settledVnd: 0,
      };
      row.projects += 1;
      row.approvedVnd += live.includes(m.status) ? m.approvedVnd : 0;
      row.disbursedVnd += m.disbursedVnd;
      row.settledVnd += m.settledVnd;
      rows.set(key, row);
    }
    return [...rows.values()]
      .sort((x, y) => x.key.localeCompare(y.key))
      .map((row) => ({
        ...row,
        rate:
          row.approvedVnd === 0
            ? null
            : Math.round((row.disbursedVnd / row.approvedVnd) * 10_000) / 10_000,
      }));
  }

  it('reports disbursement by district for a plan year, with the sums of its projects', async () => {
    const report = expectStatus(
      'report',
      await api.get(
        '/reports/disbursement',
        { groupBy: 'district', planYear: 2019, minPosition: position },
        { token: people.finance },
      ),
      200,
    );
    const expected = expectedRows(
      (m) => m.district,
      (m) => m.planYear === 2019,
    );
    // By district, each row names the unit by its official code too.
    const codes: Record<string, string> = { 'tan-phu': '734', 'xuan-loc': '741' };
    expect(report.rows).toEqual(expected.map((row) => ({ ...row, unit: codes[row.key] })));
    expect(report.total).toMatchObject({
      projects: 4,
      approvedVnd: expected.reduce((sum, r) => sum + r.approvedVnd, 0),
      disbursedVnd: expected.reduce((sum, r) => sum + r.disbursedVnd, 0),
      settledVnd: expected.reduce((sum, r) => sum + r.settledVnd, 0),
    });
  });

  it('reports disbursement by year, each year with the sums of its projects', async () => {
    const report = expectStatus(
      'report',
      await api.get(
        '/reports/disbursement',
        { groupBy: 'year', minPosition: position },
        { token: people.approver },
      ),
      200,
    );
    const ours = report.rows.filter((row: Json) => row.key === '2019' || row.key === '2020');
    expect(ours).toEqual(
      expectedRows(
        (m) => String(m.planYear),
        () => true,
      ),
    );
    // The total is the sum of every row, this test's years and the others.
    for (const field of ['projects', 'approvedVnd', 'disbursedVnd', 'settledVnd']) {
      expect(report.total[field]).toBe(
        report.rows.reduce((sum: number, row: Json) => sum + row[field], 0),
      );
    }
  });
});
