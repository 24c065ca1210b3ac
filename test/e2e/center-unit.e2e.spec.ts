import { problemOf, registrationBody } from '../support/http';
import { useTestServer } from '../support/suite-server';
import { unitOfficerToken } from '../support/unit-officer-token';

/**
 * The Center is a registering unit of its own (issue 11): its tasks (nhiệm vụ) are registered
 * under the province's code, 75, in every plan year, by its officers only; it is never among
 * the units expected to submit a registration to a plan, and reports show it on its own row.
 */

const { server, api, people } = useTestServer({ planYears: [2023, 2026] });

const centerTask = (planYear: number) =>
  registrationBody('75', {
    planYear,
    activityType: 'trade_fair',
    targets: [{ indicator: 'trade_fairs', target: 2 }],
    plannedStart: `${planYear}-03-01`,
    plannedEnd: `${planYear}-11-30`,
  });

const unitOfficer = (unit: string) => unitOfficerToken(server, unit);

describe("the Center's own unit", () => {
  let position = '0';

  it("takes the Center's tasks for a year of districts and for a year of communes, answering unit 75", async () => {
    for (const planYear of [2023, 2026]) {
      const registered = await api.post('/projects', centerTask(planYear), {
        token: people.center,
      });
      expect(registered.status).toBe(201);
      position = registered.body.position;
      const project = await api.get(
        `/projects/${registered.body.id}`,
        { minPosition: position },
        { token: people.auditor },
      );
      expect(project.body).toMatchObject({ planYear, district: '75', unit: '75' });
    }
  });

  it("refuses a unit officer's registration under it, and never binds a token to it", async () => {
    const refused = await api.post('/projects', centerTask(2026), {
      token: await unitOfficer('75'),
    });
    expect(problemOf(refused)).toMatchObject({ status: 403, code: 'role_not_allowed' });
    const plan = await api.post(
      '/plans/2026/registrations',
      { projectIds: [] },
      { token: await unitOfficer('75') },
    );
    expect(plan.status).toBe(403);
  });

  it('is not among the units a plan expects, nor in the plan-status report', async () => {
    const plan = await api.get('/plans/2026', { minPosition: position }, { token: people.auditor });
    const units = (plan.body.districts as { district: string }[]).map((d) => d.district);
    expect(units).toHaveLength(95);
    expect(units).not.toContain('75');
    const report = await api.get(
      '/reports/plan-status',
      { year: 2023, minPosition: position },
      { token: people.auditor },
    );
    const rows = report.body.rows as { district: string }[];
    expect(rows).toHaveLength(11);
    expect(rows.map((r) => r.district)).not.toContain('75');
  });

  it('shows on a row of its own in the disbursement report by unit, as registered and rolled up', async () => {
    for (const rollUp of [undefined, 'true']) {
      const report = await api.get(
        '/reports/disbursement',
        { groupBy: 'unit', rollUp, minPosition: position },
        { token: people.auditor },
      );
      expect(report.status).toBe(200);
      expect(report.body.rows).toContainEqual(expect.objectContaining({ key: '75', projects: 2 }));
    }
  });
});

// After the report's counts above: these add projects of their own.
describe("the Center's own tasks after a revision request", () => {
  it("is resubmitted by the Center after a revision request, and only the Center's own tasks are", async () => {
    const revise = async (id: string) => {
      const token = people.center;
      expect((await api.post(`/projects/${id}/appraisal/start`, undefined, { token })).status).toBe(
        200,
      );
      const body = { outcome: 'revision_requested', notes: 'Bổ sung dự toán' };
      expect((await api.post(`/projects/${id}/appraisal/result`, body, { token })).status).toBe(
        200,
      );
    };
    const task = await api.post('/projects', centerTask(2026), { token: people.center });
    await revise(task.body.id);
    const resubmitted = await api.post(
      `/projects/${task.body.id}/resubmit`,
      { requestedFundingVnd: 150_000_000 },
      { token: people.center },
    );
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('registered');

    const proposal = await api.post(
      '/projects',
      registrationBody('tan-phu', {
        planYear: 2023,
        plannedStart: '2023-03-01',
        plannedEnd: '2023-11-30',
      }),
      { token: people.districtOfficer },
    );
    await revise(proposal.body.id);
    const refused = await api.post(
      `/projects/${proposal.body.id}/resubmit`,
      { requestedFundingVnd: 150_000_000 },
      { token: people.center },
    );
    expect(problemOf(refused)).toMatchObject({
      status: 403,
      code: 'resubmitted_by_registering_unit',
    });
    const history = await api.get(
      `/projects/${proposal.body.id}/history`,
      {},
      { token: people.auditor },
    );
    expect(history.body.events.at(-1).type).toBe('RevisionRequested');
  });
});
