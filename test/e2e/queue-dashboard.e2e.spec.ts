import { useTestServer } from '../support/suite-server';

/**
 * The queue dashboard's browser session over real HTTP (finding 11 of issue 9): a sign-in
 * route sets the admin cookie (HttpOnly, SameSite=Strict, Path=/admin/queues, Secure over
 * TLS, bounded), every state-changing request must come from our own origin, and a bad or
 * malformed cookie is a 401 problem, never a 500.
 */

const BOARD = '/admin/queues';
const COOKIE = 'kc_admin_token';

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly headers: Headers;
  readonly body: string;
}

// Tokens may live a week here, so the cookie's own cap of a working day is what is tested.
const { server } = useTestServer({
  planYears: [],
  env: { TRUST_PROXY: '127.0.0.1', AUTH_MAX_TOKEN_AGE: '7d' },
  failOnErrorLogs: false,
});
let admin: string;
let own: string;

async function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body,
    redirect: 'manual',
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body: await response.text(),
  };
}

const queuePath = (action: string) =>
  `${BOARD}/api/queues/${server.settings.queuePrefix}-reminders/${action}`;
const cookie = (value: string) => ({ cookie: `${COOKIE}=${value}` });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

function signIn(token: string, headers: Record<string, string> = { origin: own }) {
  return send('POST', `${BOARD}/sign-in`, { ...form, ...headers }, `token=${token}`);
}

function problem(answer: Answer, status: number, code?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.type).toContain('application/problem+json');
  if (code !== undefined) expect(JSON.parse(answer.body)).toMatchObject({ status, code });
}

beforeAll(async () => {
  admin = await server.token('admin');
  own = server.baseUrl;
});

describe('signing in to the queue dashboard', () => {
  it('serves a sign-in form that posts the token in the body, not the URL', async () => {
    const page = await send('GET', `${BOARD}/sign-in`);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body).toMatch(/<form method="post" action="\/admin\/queues\/sign-in">/);
    expect(page.body).toContain('type="password" name="token"');
  });

  it('sets an HttpOnly, SameSite=Strict cookie for the dashboard path, with a bounded lifetime', async () => {
    const answer = await signIn(admin);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(BOARD);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie.startsWith(`${COOKIE}=${admin};`)).toBe(true);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\/admin\/queues(;|$)/);
    expect(setCookie).not.toMatch(/; Secure/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1]);
    // The token lives an hour: the cookie no longer than that.
    expect(maxAge).toBeGreaterThan(3500);
    expect(maxAge).toBeLessThanOrEqual(3600);

    const board = await send('GET', `${BOARD}/api/queues`, cookie(admin));
    expect(board.status).toBe(200);
  });

  it('caps the cookie at a working day for a long-lived token', async () => {
    const long = await server.token('admin', { ttlSeconds: 6 * 24 * 3600 });
    const setCookie = (await signIn(long)).headers.get('set-cookie') ?? '';
    expect(Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1])).toBe(8 * 3600);
  });

  it('marks the cookie Secure when the request came over TLS through the trusted proxy', async () => {
    const answer = await signIn(admin, {
      'x-forwarded-proto': 'https',
      origin: own.replace('http:', 'https:'),
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('set-cookie')).toMatch(/; Secure/i);
  });

  it('accepts the token as a bearer header or in JSON too', async () => {
    const byHeader = await send('POST', `${BOARD}/sign-in`, {
      origin: own,
      authorization: `Bearer ${admin}`,
    });
    expect(byHeader.status).toBe(303);
    const byJson = await send(
      'POST',
      `${BOARD}/sign-in`,
      { origin: own, 'content-type': 'application/json' },
      JSON.stringify({ token: admin }),
    );
    expect(byJson.status).toBe(303);
  });

  it('refuses a missing token (400 naming it), a bad one (401) and a non-admin (403), setting no cookie', async () => {
    const missing = await send('POST', `${BOARD}/sign-in`, { ...form, origin: own }, 'token=');
    problem(missing, 400);
    expect(JSON.parse(missing.body).errors).toEqual([expect.objectContaining({ field: 'token' })]);
    problem(await signIn(`${admin.slice(0, -4)}AAAA`), 401);
    problem(await signIn('%E0%A4%A'), 401);
    const approver = await signIn(await server.token('approver'));
    problem(approver, 403, 'role_not_allowed');
    expect(approver.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a sign-in posted from another site', async () => {
    const answer = await signIn(admin, { origin: 'http://evil.example' });
    problem(answer, 403, 'cross_origin_request');
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('signs out by clearing the cookie', async () => {
    const answer = await send('POST', `${BOARD}/sign-out`, { origin: own, ...cookie(admin) });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${BOARD}/sign-in`);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${COOKIE}=;`));
    expect(setCookie).toMatch(/Max-Age=0/i);
    expect(setCookie).toMatch(/; Path=\/admin\/queues(;|$)/);
  });
});

describe('state-changing requests to the dashboard', () => {
  afterEach(async () => {
    await send('PUT', queuePath('resume'), { authorization: `Bearer ${admin}` });
  });

  it('refuses a pause from another Origin with the admin cookie (403 problem)', async () => {
    problem(
      await send('PUT', queuePath('pause'), { origin: 'http://evil.example', ...cookie(admin) }),
      403,
      'cross_origin_request',
    );
  });

  it('refuses one whose Sec-Fetch-Site or Referer names another site, or that says nothing', async () => {
    problem(
      await send('PUT', queuePath('pause'), { 'sec-fetch-site': 'cross-site', ...cookie(admin) }),
      403,
    );
    problem(
      await send('PUT', queuePath('pause'), {
        referer: 'http://evil.example/page',
        ...cookie(admin),
      }),
      403,
    );
    problem(await send('PUT', queuePath('pause'), cookie(admin)), 403);
  });

  it('allows one from our own origin, and a script with its bearer token', async () => {
    expect((await send('PUT', queuePath('pause'), { origin: own, ...cookie(admin) })).status).toBe(
      200,
    );
    expect(
      (await send('PUT', queuePath('resume'), { referer: `${own}${BOARD}`, ...cookie(admin) }))
        .status,
    ).toBe(200);
    expect(
      (await send('PUT', queuePath('pause'), { authorization: `Bearer ${admin}` })).status,
    ).toBe(200);
  });
});

describe('bad dashboard cookies', () => {
  it.each([
    ['a broken percent escape', '%E0%A4%A'],
    ['a lone percent sign', '%'],
    ['a quote', '"'],
    ['no value', ''],
    ['not a JWT', 'hello'],
    ['a JWT signed by someone else', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('answers %s with a 401 problem', async (_what, value) => {
    problem(await send('GET', `${BOARD}/api/queues`, cookie(value)), 401);
    problem(await send('GET', BOARD, cookie(value)), 401);
  });
});
