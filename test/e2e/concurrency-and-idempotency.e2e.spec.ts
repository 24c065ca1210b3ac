import { registrationBody, type HttpResponse, type Json } from '../support/http';
import { DAY, expectStatus } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * Requests that race, retries of the same request, and If-Match: one decision wins, the rest
 * are told why, and a retried command never appends twice.
 */

const { server, api, people, steps } = useTestServer();

async function history(id: string): Promise<Json[]> {
  return expectStatus(
    'history',
    await api.get(`/projects/${id}/history`, {}, { token: people.auditor }),
    200,
  ).events;
}

async function logHead(): Promise<bigint> {
  return BigInt(((await (await fetch(`${server.baseUrl}/health`)).json()) as Json).eventStore.head);
}

const inspection = (findings = 'Đúng tiến độ') => ({
  inspectedOn: DAY.inspected,
  findings,
  outcome: 'satisfactory',
});

describe('when 20 approvers approve the same project at once', () => {
  let id: string;
  let responses: HttpResponse[];

  beforeAll(async () => {
    id = (await steps.fresh('appraised', 150_000_000)).id;
    const approvers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.token('approver', { sub: `racing-approver-${i}` }),
      ),
    );
    responses = await Promise.all(
      approvers.map((token, i) =>
        api.post(
          `/projects/${id}/approval`,
          {
            decisionNo: `${100 + i}/QĐ-UBND`,
            decisionDate: DAY.decision,
            approvedFundingVnd: 150_000_000 - i,
          },
          { token },
        ),
      ),
    );
  });

  it('approves it exactly once and answers the other 19 with 409', () => {
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.contentType).toMatch(/^application\/problem\+json/);
      expect(refused.body.status).toBe(409);
    }
    const winner = responses.find((r) => r.status === 200);
    expect(winner?.body).toMatchObject({ id, version: 4, status: 'approved' });
  });

  it("records one ProjectApproved, the winner's", async () => {
    const events = await history(id);
    const approvals = events.filter((e) => e.type === 'ProjectApproved');
    expect(approvals).toHaveLength(1);
    expect(events).toHaveLength(4);
    const winner = responses.findIndex((r) => r.status === 200);
    expect(approvals[0].actor.sub).toBe(`racing-approver-${winner}`);
    expect(approvals[0].data.approvedFundingVnd).toBe(150_000_000 - winner);
  });
});

describe('when 20 steps that can all be taken arrive at once, without If-Match', () => {
  it('re-decides each against the fresh state and records all 20', async () => {
    const { id, version } = await steps.fresh('in_execution');
    const officers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.token('center_officer', { sub: `busy-inspector-${i}` }),
      ),
    );
    const responses = await Promise.all(
      officers.map((token, i) =>
        api.post(`/projects/${id}/inspections`, inspection(`Đợt ${i}`), { token }),
      ),
    );
    expect(responses.map((r) => `${r.status} ${r.body?.code ?? ''}`.trim())).toEqual(
      Array<string>(20).fill('200'),
    );
    expect(responses.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => version + 1 + i),
    );
    const events = await history(id);
    expect(events.filter((e) => e.type === 'InspectionRecorded')).toHaveLength(20);
  });
});

describe('If-Match', () => {
  it('refuses a stale version with 412 and appends nothing', async () => {
    const { id, version } = await steps.fresh('in_execution');
    const headBefore = await logHead();
    const stale = await api.post(`/projects/${id}/inspections`, inspection(), {
      token: people.center,
      ifMatch: version - 1,
    });
    expect(stale.status).toBe(412);
    expect(stale.contentType).toMatch(/^application\/problem\+json/);
    expect(stale.body.status).toBe(412);
    expect(await logHead()).toBe(headBefore);
    expect(await history(id)).toHaveLength(version);
  });

  it('accepts the current version, as a number or an entity tag', async () => {
    const { id, version } = await steps.fresh('in_execution');
    const first = await api.post(`/projects/${id}/inspections`, inspection(), {
      token: people.center,
      ifMatch: version,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(version + 1);
    const second = await api.post(`/projects/${id}/inspections`, inspection('Lần 2'), {
      token: people.center,
      ifMatch: `"${version + 1}"`,
    });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(version + 2);
    // The version the first answer gave is stale now.
    const late = await api.post(`/projects/${id}/inspections`, inspection('Lần 3'), {
      token: people.center,
      ifMatch: first.body.version,
    });
    expect(late.status).toBe(412);
    expect(await history(id)).toHaveLength(version + 2);
  });

  it('lets only one of two requests made on the same version through', async () => {
    const { id, version } = await steps.fresh('in_execution');
    const both = await Promise.all([
      api.post(`/projects/${id}/inspections`, inspection('A'), {
        token: people.center,
        ifMatch: version,
      }),
      api.post(`/projects/${id}/inspections`, inspection('B'), {
        token: people.center,
        ifMatch: version,
      }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(await history(id)).toHaveLength(version + 1);
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated command with the same status and body, appending one event', async () => {
    const { id, version } = await steps.fresh('in_execution');
    const send = () =>
      api.post(`/projects/${id}/inspections`, inspection(), {
        token: people.center,
        idempotencyKey: `inspection-${id}`,
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    const events = await history(id);
    expect(events).toHaveLength(version + 1);
    expect(events.filter((e) => e.type === 'InspectionRecorded')).toHaveLength(1);
  });

  it('refuses the same key sent again with a different body (422) and appends nothing', async () => {
    const { id, version } = await steps.fresh('in_execution');
    const key = `reused-${id}`;
    const first = await api.post(`/projects/${id}/inspections`, inspection('Đúng tiến độ'), {
      token: people.center,
      idempotencyKey: key,
    });
    expect(first.status).toBe(200);
    const head = await logHead();
    const reused = await api.post(`/projects/${id}/inspections`, inspection('Chậm tiến độ'), {
      token: people.center,
      idempotencyKey: key,
    });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({
      code: 'idempotency_key_reused',
      errors: [{ field: 'Idempotency-Key' }],
    });
    expect(await logHead()).toBe(head);
    expect(await history(id)).toHaveLength(version + 1);
  });

  it('still answers the same after later steps have moved the project on', async () => {
    const { id } = await steps.fresh('in_execution');
    const key = `advance-${id}`;
    const body = {
      kind: 'advance',
      amountVnd: 10_000_000,
      paidOn: DAY.advance,
      voucherNo: 'UNC-5',
    };
    const first = await api.post(`/projects/${id}/disbursements`, body, {
      token: people.finance,
      idempotencyKey: key,
    });
    await steps.inspect(id);
    const again = await api.post(`/projects/${id}/disbursements`, body, {
      token: people.finance,
      idempotencyKey: key,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const advances = (await history(id)).filter((e) => e.type === 'AdvanceDisbursed');
    expect(advances).toHaveLength(1);
  });

  it('appends once when the same command is sent five times at once', async () => {
    const { id, version } = await steps.fresh('in_execution');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post(`/projects/${id}/inspections`, inspection(), {
          token: people.center,
          idempotencyKey: `burst-${id}`,
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await history(id)).toHaveLength(version + 1);
  });

  it('registers one project when a registration is repeated with the same key', async () => {
    const body = registrationBody('tan-phu');
    const headBefore = await logHead();
    const send = () =>
      api.post('/projects', body, {
        token: people.districtOfficer,
        idempotencyKey: 'registration-retry-1',
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await logHead()).toBe(headBefore + 1n);
    const list = expectStatus(
      'list',
      await api.get(
        '/projects',
        { minPosition: again.body.position, pageSize: 200 },
        { token: people.auditor },
      ),
      200,
    );
    expect(list.items.filter((p: Json) => p.title === body.title).map((p: Json) => p.id)).toEqual([
      first.body.id,
    ]);
    expect(await history(first.body.id)).toHaveLength(1);
  });

  it('keeps keys apart per caller: the same key from two officers registers two projects', async () => {
    const other = await server.token('district_officer', { district: 'tan-phu' });
    const key = 'shared-key-between-two-officers';
    const mine = await api.post('/projects', registrationBody('tan-phu'), {
      token: people.districtOfficer,
      idempotencyKey: key,
    });
    const theirs = await api.post('/projects', registrationBody('tan-phu'), {
      token: other,
      idempotencyKey: key,
    });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});
