import { problemOf, registrationBody } from '../support/http';
import { DAY } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * The reference data the Center edits, over HTTP: every change a command with the day it takes
 * effect and its legal basis, recorded as events, read as of any date; the rules in force on a
 * decision's date judge it, and a change never re-judges what was decided before it.
 */

const { server, api, people, steps } = useTestServer({ planYears: [2024] });

const basis = { document: '22/2023/QĐ-UBND', date: '2023-05-19', title: 'Quyết định' };

const changes = async () =>
  (await api.get('/reference/changes', {}, { token: people.auditor })).body.items as {
    type: string;
    version: number;
    actor: { role: string };
    data: Record<string, unknown>;
  }[];

describe('the first version', () => {
  it('is the shipped reference data, recorded once as the first event of the stream', async () => {
    const items = await changes();
    expect(items[0]).toMatchObject({
      version: 1,
      type: 'ReferenceDataLoaded',
      actor: { role: 'admin' },
      data: { source: 'shipped', province: '75', normSets: ['TTLT-26-2014', 'TT-28-2018'] },
    });
    expect(items.filter((item) => item.type === 'ReferenceDataLoaded')).toHaveLength(1);
  });
});

describe('units, activity types, indicators and funding sources over time', () => {
  it('reads a unit established from a date only from that date on', async () => {
    const established = await api.post(
      '/reference/units',
      {
        code: '99001',
        name: 'Xã Thử Nghiệm',
        level: 'commune',
        kind: 'commune',
        parent: '75',
        effectiveFrom: '2027-01-01',
        basis: { document: '1/NQ-UBTVQH16', date: '2026-11-30' },
      },
      { token: people.center },
    );
    expect(established.status).toBe(201);
    const codesOn = async (asOf: string) =>
      (
        (await api.get('/reference/units', { asOf }, { token: people.auditor })).body.items as {
          code: string;
        }[]
      ).map((unit) => unit.code);
    expect(await codesOn('2026-12-31')).not.toContain('99001');
    expect(await codesOn('2027-01-01')).toContain('99001');
  });

  it('ends a unit: gone from the day given, its successors named', async () => {
    const ended = await api.post(
      '/reference/units/99001/end',
      {
        successors: ['26068'],
        effectiveFrom: '2028-01-01',
        basis: { document: '2/NQ-UBTVQH16', date: '2026-12-01' },
      },
      { token: people.admin },
    );
    expect(ended.status).toBe(200);
    const on = async (asOf: string) =>
      (
        (await api.get('/reference/units', { asOf }, { token: people.auditor })).body.items as {
          code: string;
          validTo?: string;
          successors: string[];
        }[]
      ).find((unit) => unit.code === '99001');
    expect(await on('2027-12-31')).toMatchObject({ validTo: '2027-12-31', successors: ['26068'] });
    expect(await on('2028-01-01')).toBeUndefined();
  });

  it('marks the norms the Center must set itself, where the set in force ships none', async () => {
    const items = (
      await api.get('/reference/activity-types', { asOf: '2026-01-01' }, { token: people.center })
    ).body.items as { code: string; norm: unknown; normToSet?: string }[];
    expect(items.find((item) => item.code === 'consulting')).toMatchObject({
      norm: null,
      normToSet: expect.stringContaining('Trung tâm nạp mức'),
    });
    expect(items.find((item) => item.code === 'machinery')?.normToSet).toBeUndefined();
  });

  it('renames an activity type from a date, and reads the old name before it', async () => {
    const renamed = await api.post(
      '/reference/activity-types/training/rename',
      { name: 'Đào tạo nghề, truyền nghề', effectiveFrom: '2027-01-01', basis },
      { token: people.center },
    );
    expect(renamed.status).toBe(200);
    const nameOn = async (asOf: string) =>
      (
        (await api.get('/reference/activity-types', { asOf }, { token: people.districtOfficer }))
          .body.items as { code: string; name: string }[]
      ).find((type) => type.code === 'training')?.name;
    expect(await nameOn('2026-12-31')).toBe('Đào tạo nghề, khởi sự doanh nghiệp, quản lý');
    expect(await nameOn('2027-01-01')).toBe('Đào tạo nghề, truyền nghề');
  });

  it('adds an indicator and a funding source from their dates, and ends one', async () => {
    const token = people.center;
    expect(
      (
        await api.post(
          '/reference/indicators',
          {
            code: 'digital_firms',
            name: 'Cơ sở được hỗ trợ chuyển đổi số',
            unit: 'cơ sở',
            effectiveFrom: '2026-01-01',
            basis,
          },
          { token },
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post(
          '/reference/funding-sources',
          { code: 'Not A Code', name: 'Nguồn thử', effectiveFrom: '2026-01-01', basis },
          { token },
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await api.post(
          '/reference/funding-sources',
          { code: 'sponsor', name: 'Nguồn tài trợ', effectiveFrom: '2026-01-01', basis },
          { token },
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post(
          '/reference/funding-sources/sponsor/end',
          { effectiveFrom: '2027-01-01', basis },
          { token },
        )
      ).status,
    ).toBe(200);
    const codes = async (path: string, asOf: string) =>
      (
        (await api.get(path, { asOf }, { token: people.finance })).body.items as { code: string }[]
      ).map((item) => item.code);
    expect(await codes('/reference/indicators', '2025-12-31')).not.toContain('digital_firms');
    expect(await codes('/reference/indicators', '2026-01-01')).toContain('digital_firms');
    expect(await codes('/reference/funding-sources', '2026-06-01')).toEqual([
      'local',
      'national',
      'sponsor',
    ]);
    expect(await codes('/reference/funding-sources', '2027-01-01')).toEqual(['local', 'national']);
  });
});

describe('changes are the Center’s and rest on a decision', () => {
  const aCap = { percent: 60, effectiveFrom: '2030-01-01', basis };

  it('refuses anyone but an admin or the Center, and changes nothing', async () => {
    const before = (await changes()).length;
    for (const token of [people.districtOfficer, people.approver, people.finance, people.auditor]) {
      expect((await api.post('/reference/advance-caps', aCap, { token })).status).toBe(403);
    }
    expect((await changes()).length).toBe(before);
  });

  it('refuses a change without its legal basis, naming the field', async () => {
    const response = await api.post(
      '/reference/advance-caps',
      { percent: 60, effectiveFrom: '2030-01-01' },
      { token: people.center },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'basis' })]),
    );
  });

  it('refuses a decision signed after today, naming basis.date', async () => {
    const response = await api.post(
      '/reference/advance-caps',
      { ...aCap, basis: { document: '9/QĐ-UBND', date: '2999-01-01' } },
      { token: people.center },
    );
    expect(problemOf(response)).toMatchObject({ status: 422, code: 'legal_basis_in_future' });
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'basis.date' })]);
  });

  it('refuses a unit code that is in use on the day given', async () => {
    const response = await api.post(
      '/reference/units',
      {
        code: '26068',
        name: 'Phường Trùng',
        level: 'commune',
        kind: 'ward',
        parent: '75',
        effectiveFrom: '2026-01-01',
        basis,
      },
      { token: people.center },
    );
    expect(problemOf(response)).toMatchObject({ status: 422, code: 'unit_code_in_use' });
  });
});

describe('the rules in force on the date of the decision', () => {
  const machinery = {
    activityType: 'machinery',
    requestedFundingVnd: 200_000_000,
    counterpartFundingVnd: 200_000_000,
    targets: [{ indicator: 'establishments_supported', target: 1 }],
  };

  it('judges approvals after a norm change by the new norm, and leaves the earlier one as it was, on replay too', async () => {
    const earlier = await steps.register(machinery);
    await steps.startAppraisal(earlier.id);
    await steps.passAppraisal(earlier.id, 200_000_000);
    await steps.approve(earlier.id, 200_000_000);

    const recorded = await api.post(
      '/reference/norm-sets',
      {
        id: 'DN-22-2023',
        scope: 'provincial',
        effectiveFrom: '2024-01-01',
        basis,
        norms: [{ activityType: 'machinery', percent: 50, maxVnd: 100_000_000, per: 'cơ sở' }],
      },
      { token: people.center },
    );
    expect(recorded.status).toBe(201);
    const sets = await api.get(
      '/reference/norm-sets',
      { asOf: '2024-06-01' },
      { token: people.auditor },
    );
    expect(sets.body.inForce).toBe('DN-22-2023');
    const provincial = (sets.body.items as { id: string; norms: Record<string, unknown> }[]).find(
      (set) => set.id === 'DN-22-2023',
    );
    // Carried over: the norms of TT-28-2018 it does not name are still judged by.
    expect(Object.keys(provincial!.norms)).toEqual(
      expect.arrayContaining(['machinery', 'demonstration_model']),
    );

    const later = await steps.register(machinery);
    await steps.startAppraisal(later.id);
    const tooMuch = await api.post(
      `/projects/${later.id}/appraisal/result`,
      { outcome: 'passed', notes: 'Hội đồng thẩm định', appraisedFundingVnd: 200_000_000 },
      { token: people.center },
    );
    expect(problemOf(tooMuch)).toMatchObject({ status: 422 });
    expect(tooMuch.body.errors).toEqual([
      expect.objectContaining({ field: 'appraisedFundingVnd' }),
    ]);
    await steps.passAppraisal(later.id, 100_000_000);
    const approved = await steps.approve(later.id, 100_000_000);

    const normOf = async (id: string) =>
      (
        await api.get(
          `/projects/${id}`,
          { minPosition: approved.position },
          { token: people.auditor },
        )
      ).body.supportNorm;
    const judge = async () => {
      expect(await normOf(earlier.id)).toMatchObject({
        normSet: 'TT-28-2018',
        maxVnd: 300_000_000,
      });
      expect(await normOf(later.id)).toMatchObject({
        normSet: 'DN-22-2023',
        legalBasis: 'Quyết định 22/2023/QĐ-UBND',
        maxVnd: 100_000_000,
      });
    };
    await judge();
    await server.restart();
    await judge();
    const rebuilt = await api.post('/admin/projections/rebuild', undefined, {
      token: await server.token('admin'),
    });
    expect(rebuilt.status).toBeLessThan(300);
    // Replayed from the log, the earlier project still holds the norm it was judged by.
    const replayed = await api.get(`/projects/${earlier.id}/state`, {}, { token: people.auditor });
    expect(replayed.status).toBe(200);
    expect(JSON.stringify(replayed.body)).toContain('TT-28-2018');
    expect(JSON.stringify(replayed.body)).not.toContain('DN-22-2023');
    await judge();
  });

  it('caps advances by the cap in force on the day paid', async () => {
    const recorded = await api.post(
      '/reference/advance-caps',
      { percent: 50, effectiveFrom: '2024-05-01', basis },
      { token: people.center },
    );
    expect(recorded.status).toBe(201);
    const capOn = async (asOf: string) =>
      (await api.get('/reference/advance-cap', { asOf }, { token: people.finance })).body;
    expect(await capOn('2024-04-30')).toMatchObject({ percent: 70, effectiveFrom: null });
    expect(await capOn('2024-05-01')).toMatchObject({ percent: 50, effectiveFrom: '2024-05-01' });

    const before = await steps.fresh('in_execution', 180_000_000);
    await steps.disburse(before.id, 'advance', 120_000_000, '2024-04-20');

    const after = await steps.fresh('in_execution', 180_000_000);
    const over = await api.post(
      `/projects/${after.id}/disbursements`,
      { kind: 'advance', amountVnd: 100_000_000, paidOn: DAY.advance, voucherNo: 'UNC-1' },
      { token: people.finance },
    );
    expect(problemOf(over)).toMatchObject({ status: 422, code: 'advance_cap_exceeded' });
    await steps.disburse(after.id, 'advance', 90_000_000, DAY.advance);
  });
});

describe('after a restart', () => {
  it('keeps every change and never loads the first version again', async () => {
    const before = await changes();
    await server.restart();
    const after = await changes();
    expect(after).toEqual(before);
    expect(after.filter((item) => item.type === 'ReferenceDataLoaded')).toHaveLength(1);
    expect(after.map((item) => item.type)).toEqual(
      expect.arrayContaining([
        'UnitEstablished',
        'UnitEnded',
        'CatalogueEntryRecorded',
        'NormSetRecorded',
        'AdvanceCapSet',
      ]),
    );
  });
});

describe('what a proposal for a plan year may name', () => {
  const register = (overrides: Record<string, unknown>) =>
    api.post('/projects', registrationBody(people.district, overrides), {
      token: people.districtOfficer,
    });

  it('takes a funding source the Center recorded, in force in the plan year', async () => {
    const token = people.center;
    const recorded = await api.post(
      '/reference/funding-sources',
      {
        code: 'province_extra',
        name: 'Ngân sách tỉnh bổ sung',
        effectiveFrom: '2024-01-01',
        basis,
      },
      { token },
    );
    expect(recorded.status).toBe(201);
    const registered = await register({ fundingSource: 'province_extra' });
    expect(registered.status).toBe(201);
    const project = await api.get(
      `/projects/${registered.body.id}`,
      { minPosition: registered.body.position },
      { token: people.auditor },
    );
    expect(project.body.fundingSource).toBe('province_extra');
  });

  it('refuses an activity type or a funding source not in force in the plan year, naming it', async () => {
    const token = people.center;
    const ended = await api.post(
      '/reference/activity-types/showroom/end',
      { effectiveFrom: '2024-01-01', basis },
      { token },
    );
    expect(ended.status).toBe(200);
    const showroom = await register({ activityType: 'showroom' });
    expect(problemOf(showroom)).toMatchObject({ status: 422, code: 'activity_type_not_in_force' });
    expect(showroom.body.errors).toEqual([expect.objectContaining({ field: 'activityType' })]);
    // `sponsor` was in force in 2026 only (above).
    const sponsor = await register({ fundingSource: 'sponsor' });
    expect(problemOf(sponsor)).toMatchObject({ status: 422, code: 'funding_source_not_in_force' });
    expect(sponsor.body.errors).toEqual([expect.objectContaining({ field: 'fundingSource' })]);
  });
});
