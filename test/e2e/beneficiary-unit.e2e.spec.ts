import { problemOf, registrationBody } from '../support/http';
import { useTestServer } from '../support/suite-server';

/**
 * Where the beneficiary's establishment is, as a unit code (issue 11): `beneficiaryUnit`, a
 * commune-level unit of the plan year within the registering unit's territory, beside the
 * beneficiary (which is personal data, sealed into the vault), shown with its name.
 */

const { api, people } = useTestServer({ planYears: [2024] });

describe("a beneficiary's unit", () => {
  it('is recorded at registration and shown with its name on the detail, the list and the state', async () => {
    const registered = await api.post(
      '/projects',
      registrationBody('tan-phu', { beneficiaryUnit: '26119' }),
      { token: people.districtOfficer },
    );
    expect(registered.status).toBe(201);
    const { id, position } = registered.body;
    const shown = { beneficiaryUnit: '26119', beneficiaryUnitName: 'Xã Dak Lua' };

    const detail = await api.get(
      `/projects/${id}`,
      { minPosition: position },
      { token: people.auditor },
    );
    expect(detail.body).toMatchObject({ district: 'tan-phu', unit: '734', ...shown });
    expect(detail.body.beneficiary).not.toHaveProperty('beneficiaryUnit');
    const list = await api.get(
      '/projects',
      { unit: '734', pageSize: 100 },
      { token: people.auditor },
    );
    expect(list.body.items).toContainEqual(expect.objectContaining({ id, ...shown }));
    const state = await api.get(`/projects/${id}/state`, {}, { token: people.auditor });
    expect(state.body.state).toMatchObject(shown);
  });

  it('is null on a registration without one', async () => {
    const registered = await api.post('/projects', registrationBody('tan-phu'), {
      token: people.districtOfficer,
    });
    const detail = await api.get(
      `/projects/${registered.body.id}`,
      { minPosition: registered.body.position },
      { token: people.auditor },
    );
    expect(detail.body).toMatchObject({ beneficiaryUnit: null, beneficiaryUnitName: null });
  });

  it("refuses a unit outside the registering district's territory, naming the field, and records nothing", async () => {
    const refused = await api.post(
      '/projects',
      registrationBody('tan-phu', { beneficiaryUnit: '26053' }),
      { token: people.districtOfficer },
    );
    expect(problemOf(refused)).toMatchObject({
      status: 422,
      code: 'beneficiary_unit_outside_territory',
    });
    expect(refused.body.errors).toEqual([
      { field: 'beneficiaryUnit', message: expect.stringContaining('Phường Bửu Hòa') },
    ]);
  });

  it('can be changed by a resubmission, within the territory only', async () => {
    const registered = await api.post('/projects', registrationBody('tan-phu'), {
      token: people.districtOfficer,
    });
    const { id } = registered.body;
    expect(
      (await api.post(`/projects/${id}/appraisal/start`, {}, { token: people.center })).status,
    ).toBe(200);
    const revision = await api.post(
      `/projects/${id}/appraisal/result`,
      { outcome: 'revision_requested', notes: 'Ghi rõ địa điểm cơ sở' },
      { token: people.center },
    );
    expect(revision.status).toBe(200);
    const outside = await api.post(
      `/projects/${id}/resubmit`,
      { beneficiaryUnit: '26485' },
      { token: people.districtOfficer },
    );
    expect(problemOf(outside)).toMatchObject({ status: 422 });
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'beneficiaryUnit' })]);
    const resubmitted = await api.post(
      `/projects/${id}/resubmit`,
      { beneficiaryUnit: '26119' },
      { token: people.districtOfficer },
    );
    expect(resubmitted.status).toBe(200);
    const detail = await api.get(
      `/projects/${id}`,
      { minPosition: resubmitted.body.position },
      { token: people.auditor },
    );
    expect(detail.body).toMatchObject({
      beneficiaryUnit: '26119',
      beneficiaryUnitName: 'Xã Dak Lua',
    });
  });

  it('refuses a value that is no code with 400, naming the field', async () => {
    const refused = await api.post(
      '/projects',
      registrationBody('tan-phu', { beneficiaryUnit: 'Xã Dak Lua' }),
      { token: people.districtOfficer },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'beneficiaryUnit' })]);
  });
});
