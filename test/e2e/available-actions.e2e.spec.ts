import { randomUUID } from 'node:crypto';
import type { Json } from '../support/http';
import { expectStatus } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * A project walked from registration to settlement using only the actions the server offers
 * each person (issue 12): each form filled in at its limits (the most money allowed, today),
 * posted with If-Match and an Idempotency-Key, and accepted; a step past a limit is refused.
 */

const { api, people } = useTestServer();

type Person = keyof Pick<
  typeof people,
  'districtOfficer' | 'center' | 'approver' | 'finance' | 'auditor'
>;

/** The log position of the last command: reads wait for it (read your writes). */
let minPosition: string | undefined;
/** The body of the last form posted. */
let lastBody: Record<string, unknown> = {};

async function offered(id: string, who: Person): Promise<{ version: number; items: Json[] }> {
  const query = { minPosition };
  const detail = expectStatus(
    'project',
    await api.get(`/projects/${id}`, query, { token: people[who] }),
    200,
  );
  const actions = expectStatus(
    'actions',
    await api.get(`/projects/${id}/actions`, query, { token: people[who] }),
    200,
  );
  // The two answers agree.
  expect(actions).toEqual({ id, version: detail.version, items: detail.availableActions });
  return actions;
}

/** A form filled in as a careful person would: the most each limit allows. */
function filled(action: Json): Record<string, unknown> {
  const body: Record<string, unknown> = { ...action.body };
  for (const field of action.fields) {
    if (!field.required) continue;
    switch (field.type) {
      case 'vnd':
      case 'integer':
        body[field.name] = field.max ?? field.min;
        break;
      case 'date':
      case 'period':
        body[field.name] = field.max;
        break;
      case 'text':
        body[field.name] = `${action.label}: đủ điều kiện`;
        break;
      case 'choice':
        body[field.name] = field.choices[0].value;
        break;
      case 'achievements':
        body[field.name] = field.choices.map((c: Json) => ({ indicator: c.value, value: 10 }));
        break;
    }
  }
  return body;
}

async function take(id: string, who: Person, name: string): Promise<Json> {
  const { version, items } = await offered(id, who);
  const action = items.find((a: Json) => a.action === name);
  expect({ name, offered: items.map((a: Json) => a.action) }).toEqual({
    name,
    offered: expect.arrayContaining([name]),
  });
  lastBody = filled(action);
  const response = await api.post(`${action.path}`, lastBody, {
    token: people[who],
    ifMatch: version,
    idempotencyKey: randomUUID(),
  });
  const result = expectStatus(name, response, 200);
  minPosition = result.position;
  return result;
}

it('walks a project from registration to settlement by the offered actions only', async () => {
  const registered = expectStatus(
    'register',
    await api.post(
      '/projects',
      {
        planYear: 2024,
        district: people.district,
        title: 'Hỗ trợ máy dệt',
        activityType: 'training',
        beneficiary: { name: 'Cơ sở dệt Tân Phú' },
        requestedFundingVnd: 200_000_000,
        counterpartFundingVnd: 50_000_000,
        targets: [{ indicator: 'trainees', target: 40 }],
        plannedStart: '2024-03-01',
        plannedEnd: '2024-11-30',
      },
      { token: people.districtOfficer },
    ),
    201,
  );
  const { id } = registered;
  minPosition = registered.position;
  // Nobody but the Center (start) and the approver (cancel) has anything to do yet.
  expect((await offered(id, 'districtOfficer')).items).toEqual([]);
  expect((await offered(id, 'auditor')).items).toEqual([]);
  expect((await offered(id, 'approver')).items.map((a: Json) => a.action)).toEqual(['cancel']);

  await take(id, 'center', 'start_appraisal');
  await take(id, 'center', 'pass_appraisal');
  // The appraiser may not approve; the approver may, up to what was appraised.
  const approval = (await offered(id, 'approver')).items.find((a: Json) => a.action === 'approve');
  const appraised = expectStatus(
    'p',
    await api.get(`/projects/${id}`, { minPosition }, { token: people.auditor }),
    200,
  );
  expect(approval.fields.find((f: Json) => f.name === 'approvedFundingVnd').max).toBe(
    appraised.appraisedFundingVnd,
  );
  await take(id, 'approver', 'approve');
  await take(id, 'center', 'start_execution');
  await take(id, 'districtOfficer', 'report_progress');
  const advanced = await take(id, 'finance', 'record_advance');
  // The cap is reached: no advance is offered, and one đồng more is refused.
  expect((await offered(id, 'finance')).items.map((a: Json) => a.action)).not.toContain(
    'record_advance',
  );
  const more = await api.post(
    `/projects/${id}/disbursements`,
    {
      kind: 'advance',
      amountVnd: 1,
      paidOn: lastBody.paidOn,
      voucherNo: 'UNC-2',
    },
    { token: people.finance, ifMatch: advanced.version, idempotencyKey: randomUUID() },
  );
  expect(more.body).toMatchObject({ status: 422, code: 'advance_cap_exceeded' });
  await take(id, 'center', 'accept');
  await take(id, 'finance', 'record_payment');
  const settled = await take(id, 'finance', 'settle');
  expect(settled.status).toBe('settled');
  for (const who of ['districtOfficer', 'center', 'approver', 'finance', 'auditor'] as const)
    expect((await offered(id, who)).items).toEqual([]);
});

it('offers the plan steps: the unit its registration, the Center the compilation', async () => {
  const plan = (who: Person) => api.get('/plans/2024', { minPosition }, { token: people[who] });
  const unit = expectStatus('plan', await plan('districtOfficer'), 200);
  expect(unit.availableActions.map((a: Json) => a.action)).toEqual(['submit_registration']);
  const [submit] = unit.availableActions;
  const response = await api.post(
    submit.path,
    { projectIds: submit.fields[0].choices.map((c: Json) => c.value) },
    { token: people.districtOfficer, idempotencyKey: randomUUID() },
  );
  minPosition = expectStatus('submit', response, 200).position;
  expect(
    expectStatus('plan', await plan('center'), 200).availableActions.map((a: Json) => a.action),
  ).toEqual(['compile']);
  expect(expectStatus('plan', await plan('auditor'), 200).availableActions).toEqual([]);
});
