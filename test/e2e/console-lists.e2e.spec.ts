import type { Json } from '../support/http';
import { DAY, expectStatus } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';
import { addDays, businessDateOf } from '../../src/shared/business-date';

/**
 * What the console's lists and project page read from the server (issue 12): the inbox's due
 * dates by the reminder rules, the projects list searched by title and filtered by funding
 * source, and the advance cap left on the project page. The projects are dated in 2024, so
 * their deadlines have passed; a project registered today is not yet late.
 */

const { api, people, steps } = useTestServer();
const today = businessDateOf(new Date());
const marker = `Q${process.pid}`;

let minPosition: string | undefined;
const get = async (path: string, token: string, query: Record<string, string | number> = {}) =>
  expectStatus(path, await api.get(path, { minPosition, ...query }, { token }), 200);

describe('the inbox', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.registered = (await steps.register()).id;
    ids.underAppraisal = (await steps.fresh('under_appraisal')).id;
    ids.inExecution = (await steps.fresh('in_execution')).id;
    const accepted = await steps.fresh('accepted');
    ids.accepted = accepted.id;
    minPosition = accepted.position;
  });

  const itemOf = (items: Json[], id: string) => items.find((i: Json) => i.id === id);

  it('dates each step by the reminder rules and marks the late ones', async () => {
    const center = (await get('/inbox', people.center)).items;
    // Appraisal pending: reminded when more than 15 days have passed since registration.
    expect(itemOf(center, ids.registered)).toMatchObject({
      action: 'start_appraisal',
      dueDate: addDays(today, 16),
      overdue: false,
    });
    // No rule watches an appraisal under way.
    expect(itemOf(center, ids.underAppraisal)).toMatchObject({
      action: 'record_appraisal_result',
      dueDate: null,
      overdue: false,
    });
    // Overdue from the day after the planned end (30/11/2024), no grace days by default.
    expect(itemOf(center, ids.inExecution)).toMatchObject({
      action: 'accept',
      dueDate: '2024-12-01',
      overdue: true,
    });
    // No rule's date for compiling the plan.
    expect(center.find((i: Json) => i.action === 'compile_plan')).toMatchObject({
      dueDate: null,
      overdue: false,
    });
  });

  it('dates a settlement by the earlier of its deadlines: the dossier 15 days after acceptance', async () => {
    const finance = (await get('/inbox', people.finance)).items;
    expect(DAY.accepted).toBe('2024-11-28');
    expect(itemOf(finance, ids.accepted)).toMatchObject({
      action: 'settle',
      dueDate: '2024-12-13',
      overdue: true,
    });
  });

  it('carries them in the CSV too', async () => {
    const response = await api.get(
      '/inbox',
      { minPosition },
      {
        token: people.center,
        headers: { accept: 'text/csv' },
      },
    );
    expect(response.status).toBe(200);
    const [header, ...rows] = response.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header.endsWith(',updatedAt,dueDate,overdue')).toBe(true);
    expect(rows.find((r) => r.includes(ids.inExecution))).toMatch(/,2024-12-01,true$/);
  });
});

describe('the projects list', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.national = (
      await steps.register({
        title: `Hội chợ Hàng Việt Đồng Nai ${marker}`,
        fundingSource: 'national',
      })
    ).id;
    const local = await steps.register({
      title: `Đào tạo nghề dệt thổ cẩm ${marker}`,
      fundingSource: 'local',
      beneficiary: { name: `Hội chợ ${marker}` },
    });
    ids.local = local.id;
    minPosition = local.position;
  });

  const found = async (query: Record<string, string>) => {
    const { items, total } = await get('/projects', people.center, query);
    expect(total).toBe(items.length);
    return items.map((p: Json) => p.id).sort();
  };

  it('searches the title ignoring case and diacritics', async () => {
    expect(await found({ q: `hoi cho hang viet dong nai ${marker.toLowerCase()}` })).toEqual([
      ids.national,
    ]);
    expect(await found({ q: `HỘI CHỢ HÀNG VIỆT` })).toContain(ids.national);
    expect(await found({ q: `DAO TAO NGHE DET THO CAM ${marker}` })).toEqual([ids.local]);
  });

  it('does not search the beneficiary, which is sealed in the vault', async () => {
    // The local project's beneficiary is named "Hội chợ <marker>"; only the title matches.
    expect(await found({ q: `hội chợ ${marker}` })).toEqual([]);
  });

  it('filters by funding source beside the search', async () => {
    expect(await found({ q: marker, fundingSource: 'national' })).toEqual([ids.national]);
    expect(await found({ q: marker, fundingSource: 'local' })).toEqual([ids.local]);
    expect(await found({ q: marker })).toEqual([ids.national, ids.local].sort());
  });

  it('refuses a blank search and a malformed funding source, naming the field', async () => {
    for (const [query, field] of [
      [{ q: '   ' }, 'q'],
      [{ fundingSource: 'Ngân sách' }, 'fundingSource'],
    ] as const) {
      const response = await api.get('/projects', query, { token: people.center });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });
});

describe('the project page', () => {
  it('has no advance cap before approval', async () => {
    const { id, position } = await steps.register();
    minPosition = position;
    expect(await get(`/projects/${id}`, people.center)).toMatchObject({
      advanceCapVnd: null,
      advanceCapLeftVnd: null,
    });
  });

  it('gives the cap in force today of the approved funding and what advances left of it', async () => {
    const { id } = await steps.fresh('in_execution', 180_000_000);
    minPosition = (await steps.disburse(id, 'advance', 50_000_000, DAY.advance)).position;
    const project = await get(`/projects/${id}`, people.finance);
    // 70 % (ADVANCE_CAP_PERCENT's default) of 180,000,000 đồng.
    expect(project).toMatchObject({ advanceCapVnd: 126_000_000, advanceCapLeftVnd: 76_000_000 });
    // The same figure the advance form is limited to.
    const advance = project.availableActions.find((a: Json) => a.action === 'record_advance');
    expect(advance.fields.find((f: Json) => f.name === 'amountVnd').max).toBe(76_000_000);
  });

  it('leaves nothing, never less, once the cap is reached', async () => {
    const { id } = await steps.fresh('in_execution', 180_000_000);
    minPosition = (await steps.disburse(id, 'advance', 126_000_000, DAY.advance)).position;
    expect(await get(`/projects/${id}`, people.finance)).toMatchObject({
      advanceCapVnd: 126_000_000,
      advanceCapLeftVnd: 0,
    });
  });
});
