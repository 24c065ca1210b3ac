import { signDevToken } from '../../src/auth/dev-token';
import { useTestServer } from '../support/suite-server';
import type { TestServer } from '../support/test-server';

/**
 * Rate limiting over real HTTP (finding 8 of issue 9): one budget per signed-in user (the
 * verified `sub`), one per client address otherwise; the client address comes from
 * X-Forwarded-For only when TRUST_PROXY names the proxy; a refused token never spends a
 * user's budget; the queue dashboard and the API docs are limited like the API.
 */

const LIMIT = 4;
const PROJECTS = '/api/v1/projects';

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly retryAfter: string | null;
  readonly body: string;
}

async function hit(
  server: TestServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body: await response.text(),
  };
}

async function statuses(
  server: TestServer,
  times: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await hit(server, path, headers)).status);
  return seen;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('rate limiting behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
  const { server } = useTestServer({
    planYears: [],
    env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: '127.0.0.1' },
    failOnErrorLogs: false,
  });

  it('gives two users behind the same proxy address a bucket each', async () => {
    const proxy = from('198.51.100.7');
    const alice = await server.token('auditor');
    const bob = await server.token('auditor');
    expect(await statuses(server, LIMIT, PROJECTS, { ...proxy, ...bearer(alice) })).toEqual(
      Array(LIMIT).fill(200),
    );
    const over = await hit(server, PROJECTS, { ...proxy, ...bearer(alice) });
    expect(over.status).toBe(429);
    expect(over.type).toContain('application/problem+json');
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(over.body)).toMatchObject({ status: 429, code: 'rate_limited' });

    expect((await hit(server, PROJECTS, { ...proxy, ...bearer(bob) })).status).toBe(200);
  });

  it('counts anonymous clients by the forwarded address of the trusted proxy', async () => {
    expect(await statuses(server, LIMIT + 1, '/health', from('203.0.113.1'))).toEqual([
      ...Array(LIMIT).fill(200),
      429,
    ]);
    expect((await hit(server, '/health', from('203.0.113.2'))).status).toBe(200);
  });

  it('does not let 401s spend a user their budget: a forged token counts against the address', async () => {
    const sub = 'victim-of-forgery';
    const forged = await signDevToken(
      { kind: 'hs256', secret: 'not-the-server-secret-but-long-enough-0123', secretSource: 'env' },
      { sub, name: 'Giả mạo', roles: ['admin'], ttlSeconds: 600 },
      Math.floor(Date.now() / 1000),
    );
    const flood = await statuses(server, LIMIT + 3, PROJECTS, {
      ...from('198.51.100.9'),
      ...bearer(forged),
    });
    expect(flood.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
    expect(flood.slice(LIMIT)).toEqual([429, 429, 429]);

    // Same address, same sub, now with a real token: its own bucket, untouched.
    const real = await server.token('auditor', { sub });
    expect(
      await statuses(server, LIMIT, PROJECTS, { ...from('198.51.100.9'), ...bearer(real) }),
    ).toEqual(Array(LIMIT).fill(200));
  });

  it('limits the API docs and the queue dashboard too', async () => {
    expect(await statuses(server, LIMIT + 1, '/api/docs-json', from('203.0.113.50'))).toEqual([
      ...Array(LIMIT).fill(200),
      429,
    ]);
    const docs = await hit(server, '/api/docs', from('203.0.113.51'));
    expect(docs.status).toBe(200);
    expect((await statuses(server, LIMIT, '/api/docs', from('203.0.113.51'))).slice(-1)).toEqual([
      429,
    ]);

    const admin = await server.token('admin');
    const board = await statuses(server, LIMIT + 1, '/admin/queues/api/queues', {
      ...from('203.0.113.52'),
      ...bearer(admin),
    });
    expect(board).toEqual([...Array(LIMIT).fill(200), 429]);
    const over = await hit(server, '/admin/queues', from('203.0.113.53'));
    expect(over.status).toBe(401);
    const refused = await statuses(server, LIMIT, '/admin/queues', from('203.0.113.53'));
    expect(refused.slice(-1)).toEqual([429]);
  });
});

describe('rate limiting without a trusted proxy (TRUST_PROXY unset)', () => {
  const { server } = useTestServer({
    planYears: [],
    env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    failOnErrorLogs: false,
  });

  it('ignores X-Forwarded-For, counts one budget per address across routes, and keeps signed-in users answering', async () => {
    const seen: number[] = [];
    for (let i = 0; i <= LIMIT; i++)
      seen.push((await hit(server, '/health', from(`192.0.2.${i + 1}`))).status);
    expect(seen).toEqual([...Array(LIMIT).fill(200), 429]);

    // The address's budget is spent: on another route too, and with or without a bad token.
    expect((await hit(server, PROJECTS)).status).toBe(429);
    expect((await hit(server, PROJECTS, bearer('not.a.token'))).status).toBe(429);

    const user = await server.token('auditor');
    expect(await statuses(server, LIMIT, PROJECTS, bearer(user))).toEqual(Array(LIMIT).fill(200));
  });
});
