import { problemOf, registrationBody } from '../support/http';
import { useTestServer } from '../support/suite-server';
import { unitOfficerToken } from '../support/unit-officer-token';

/**
 * The administrative units as of a date, over HTTP, for every signed-in role: the districts
 * of Đồng Nai until 30/06/2025, its commune-level units from 01/07/2025.
 */

const { server, api, people } = useTestServer({ planYears: [2023, 2026] });

const unitsAsOf = async (asOf: string | undefined, token = people.districtOfficer) =>
  api.get('/reference/units', { asOf }, { token });

describe('GET /reference/units', () => {
  it('reads, as of a date before 1 July 2025, the province of districts', async () => {
    const response = await unitsAsOf('2023-05-19');
    expect(response.status).toBe(200);
    expect(response.body.asOf).toBe('2023-05-19');
    const bienHoa = response.body.items.find((u: { code: string }) => u.code === '731');
    expect(bienHoa).toEqual({
      code: '731',
      name: 'Thành phố Biên Hòa',
      level: 'district',
      kind: 'provincial_city',
      parent: '75',
      validTo: '2025-06-30',
      successors: expect.arrayContaining(['26068', '26041']),
      formerKeys: ['bien-hoa'],
      source: expect.stringContaining('Tổng cục Thống kê'),
      verified: true,
    });
  });

  it('reads, as of a later date, the communes and wards under the province, and no district', async () => {
    const response = await unitsAsOf('2026-01-01');
    const items = response.body.items as { code: string; level: string; parent?: string }[];
    expect(items.filter((u) => u.level === 'district')).toEqual([]);
    expect(items.filter((u) => u.parent === '75')).toHaveLength(95);
    expect(items.find((u) => u.code === '26068')).toMatchObject({
      name: 'Phường Biên Hòa',
      level: 'commune',
      kind: 'ward',
      validFrom: '2025-07-01',
    });
  });

  it('answers every role, as of today when no date is given', async () => {
    for (const token of [people.auditor, people.finance, people.admin]) {
      const response = await unitsAsOf(undefined, token);
      expect(response.status).toBe(200);
      expect(response.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(response.body.items.length).toBeGreaterThan(0);
    }
  });

  it('refuses a date that is no date, naming the field', async () => {
    const response = await unitsAsOf('2025-02-30');
    expect(problemOf(response)).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
    });
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });
});

describe('registering by the unit of the year', () => {
  const officerOf = (unit: string) =>
    server.token('district_officer', { sub: `officer-${unit}`, district: unit });
  const register = async (unit: string, planYear: number) =>
    api.post(
      '/projects',
      registrationBody(unit, {
        planYear,
        plannedStart: `${planYear}-03-01`,
        plannedEnd: `${planYear}-11-30`,
      }),
      { token: await officerOf(unit) },
    );

  it('takes a 2023 project from a district and a 2026 project from a commune', async () => {
    expect((await register('tan-phu', 2023)).status).toBe(201);
    expect((await register('26116', 2026)).status).toBe(201);
  });

  it("refuses a district's 2026 registration: the district no longer exists (422 naming it)", async () => {
    const refused = await register('tan-phu', 2026);
    expect(problemOf(refused)).toMatchObject({ status: 422, code: 'unit_not_in_force' });
    expect(refused.body.errors).toEqual([
      { field: 'district', message: expect.stringContaining('Huyện Tân Phú') },
    ]);
  });

  it("refuses a district's registration to the 2026 plan, and takes the commune's", async () => {
    const district = await api.post(
      '/plans/2026/registrations',
      { projectIds: [] },
      { token: await officerOf('xuan-loc') },
    );
    expect(problemOf(district)).toMatchObject({ status: 422, code: 'unit_not_in_force' });
    const commune = await api.post(
      '/plans/2026/registrations',
      { projectIds: [] },
      { token: await officerOf('26425') },
    );
    expect(commune.status).toBe(200);
  });
});

describe('the officer of a unit, by the names since communes register', () => {
  const unitOfficer = (unit: string) => unitOfficerToken(server, unit, 'Cán bộ xã Cẩm Mỹ');

  it('registers for its own unit, and not for another', async () => {
    const token = await unitOfficer('26341');
    const body = (unit: string) =>
      registrationBody(unit, {
        planYear: 2026,
        plannedStart: '2026-03-01',
        plannedEnd: '2026-11-30',
      });
    expect((await api.post('/projects', body('26341'), { token })).status).toBe(201);
    expect((await api.post('/projects', body('26116'), { token })).status).toBe(403);
  });
});

describe('the other reference data as of a date', () => {
  const read = async (path: string, asOf: string) =>
    api.get(`/reference/${path}`, { asOf }, { token: people.auditor });

  it('gives each activity type the norm in force on the date, with its legal basis', async () => {
    const [in2017, in2024] = [
      await read('activity-types', '2017-06-01'),
      await read('activity-types', '2024-06-01'),
    ];
    const machinery = (body: { items: { code: string }[] }) =>
      body.items.find((t) => t.code === 'machinery');
    expect(in2017.body.normSet).toMatchObject({ id: 'TTLT-26-2014', effectiveFrom: '2014-04-08' });
    expect(machinery(in2017.body)).toMatchObject({
      name: 'Ứng dụng máy móc thiết bị tiên tiến',
      norm: { percent: 50, maxVnd: 200_000_000, per: 'cơ sở' },
    });
    expect(in2024.body.normSet).toMatchObject({ id: 'TT-28-2018' });
    expect(machinery(in2024.body)).toMatchObject({ norm: { percent: 50, maxVnd: 300_000_000 } });
    expect(in2024.body.items.find((t: { code: string }) => t.code === 'training')).toMatchObject({
      norm: null,
    });
  });

  it('lists the indicators and the funding sources', async () => {
    expect((await read('indicators', '2024-06-01')).body.items).toContainEqual({
      code: 'trainees',
      name: 'Học viên đào tạo khởi sự doanh nghiệp, quản lý',
      unit: 'học viên',
    });
    expect(
      (await read('funding-sources', '2024-06-01')).body.items.map((s: { code: string }) => s.code),
    ).toEqual(['local', 'national']);
  });
});

describe('the field unit, beside district', () => {
  const body = (fields: Record<string, string>, planYear: number) => {
    const { district: _ignored, ...rest } = registrationBody('x', {
      planYear,
      plannedStart: `${planYear}-03-01`,
      plannedEnd: `${planYear}-11-30`,
    });
    return { ...rest, ...fields };
  };
  const districtOfficer = (district: string) =>
    server.token('district_officer', { sub: `officer-by-code-${district}`, district });

  it('names the unit by its code, a district by its official code too, recorded under its key', async () => {
    const commune = await api.post('/projects', body({ unit: '26116' }, 2026), {
      token: await districtOfficer('26116'),
    });
    expect(commune.status).toBe(201);
    // Huyện Tân Phú's official code is 734; its registrations are recorded as tan-phu.
    const district = await api.post('/projects', body({ unit: '734' }, 2023), {
      token: await districtOfficer('734'),
    });
    expect(district.status).toBe(201);
    const found = await api.get(
      `/projects/${district.body.id}`,
      { minPosition: district.body.position },
      { token: people.auditor },
    );
    expect(found.body).toMatchObject({ district: 'tan-phu', unit: '734' });
    const listed = await api.get(
      '/projects',
      { unit: '734', planYear: 2023 },
      { token: people.auditor },
    );
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(district.body.id);
    expect(listed.body.items.every((p: { unit: string }) => p.unit === '734')).toBe(true);
  });

  it("shows a plan's registrations with each unit's code", async () => {
    const plan = await api.get('/plans/2026', {}, { token: people.auditor });
    expect(plan.body.districts).toContainEqual(
      expect.objectContaining({ district: '26425', unit: '26425' }),
    );
    const old = await api.get('/plans/2023', {}, { token: people.auditor });
    expect(old.body.districts).toContainEqual(
      expect.objectContaining({ district: 'tan-phu', unit: '734' }),
    );
  });

  it("gives the unit's code in the plan-status report and the inbox", async () => {
    const rows = (await api.get('/reports/plan-status', { year: 2023 }, { token: people.auditor }))
      .body.rows as { district: string; unit: string }[];
    expect(rows).toContainEqual(expect.objectContaining({ district: 'tan-phu', unit: '734' }));
    const inbox = await api.get('/inbox', {}, { token: await districtOfficer('26116') });
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ action: 'submit_registration', id: '2026', unit: '26116' }),
    );
  });

  it('refuses a unit and a district that name different units, naming unit', async () => {
    const both = await api.post('/projects', body({ unit: '26116', district: 'tan-phu' }, 2026), {
      token: people.center,
    });
    expect(problemOf(both)).toMatchObject({ status: 400 });
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'unit' })]);
  });
});

// Over the projects the registrations above recorded (a 2023 district's, a 2026 commune's).
describe('the disbursement report by unit', () => {
  const rowsOf = async (query: Record<string, string>) =>
    (
      await api.get(
        '/reports/disbursement',
        { groupBy: 'unit', ...query },
        { token: people.auditor },
      )
    ).body.rows as { key: string; projects: number; split?: boolean; rolledUp?: boolean }[];

  it('groups by the unit as registered: the 2023 district and the 2026 commune apart', async () => {
    const [in2023, in2026] = [
      await rowsOf({ planYear: '2023' }),
      await rowsOf({ planYear: '2026' }),
    ];
    expect(in2023.map((r) => r.key)).toContain('tan-phu');
    expect(in2026.map((r) => r.key)).toContain('26116');
    expect(in2023.concat(in2026).every((r) => r.split === undefined)).toBe(true);
  });

  it("rolled up to today's units, keeps a split district as it was, marked, and a commune as it is", async () => {
    const rows = await rowsOf({ rollUp: 'true' });
    expect(rows.find((r) => r.key === 'tan-phu')).toMatchObject({ split: true, rolledUp: false });
    expect(rows.find((r) => r.key === '26116')).toMatchObject({ split: false, rolledUp: false });
  });
});
