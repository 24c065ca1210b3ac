import { createHmac } from 'node:crypto';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { registrationBody, type HttpResponse, type Json } from '../support/http';
import { useTestServer } from '../support/suite-server';

/**
 * Forged, stale and malformed bearer tokens against the real server (HS256 with a shared
 * secret): every one is answered 401 application/problem+json with a Bearer challenge, on a
 * query and on a command, and the command appends nothing. A well-formed token signed with the
 * server's secret is accepted, so each refusal is about the token and not the route.
 */

const { server, api } = useTestServer({ failOnErrorLogs: false });
let secret: Uint8Array;

const now = () => Math.floor(Date.now() / 1000);
const claims = { name: 'Trần Thị Kẻ Giả', roles: ['center_officer', 'admin'] };

beforeAll(async () => {
  const auth = server.settings.auth;
  if (auth.kind !== 'hs256') throw new Error('the test server signs with HS256');
  secret = new TextEncoder().encode(auth.secret);
});

/** A token exactly like a good one, with the given changes to how it is built. */
async function hs(
  options: {
    alg?: string;
    key?: Uint8Array;
    sub?: string | null;
    exp?: number | null;
    iat?: number | null;
    nbf?: number;
    header?: Json;
  } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({
    alg: options.alg ?? 'HS256',
    typ: 'JWT',
    ...options.header,
  });
  if (options.iat !== null) jwt = jwt.setIssuedAt(options.iat ?? now() - 10);
  if (options.sub !== null) jwt = jwt.setSubject(options.sub ?? 'attacker-1');
  if (options.exp !== null) jwt = jwt.setExpirationTime(options.exp ?? now() + 600);
  if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf);
  return jwt.sign(options.key ?? secret);
}

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const payload = () => ({ sub: 'attacker-1', ...claims, iat: now(), exp: now() + 600 });

/** HS256 over any header, with the server's secret. */
function signedByHand(header: Json): string {
  const signingInput = `${b64(header)}.${b64(payload())}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** Swaps the payload of a genuine token for another, keeping the genuine signature. */
function withPayload(token: string, changed: Json): string {
  const [header, , signature] = token.split('.');
  return `${header}.${b64(changed)}.${signature}`;
}

async function headOfLog(): Promise<string> {
  const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as Json;
  return health.eventStore.head;
}

function expectUnauthorized(response: HttpResponse): void {
  expect({
    status: response.status,
    contentType: response.contentType.split(';', 1)[0],
    bodyStatus: response.body?.status,
    challenge: response.headers.get('www-authenticate'),
  }).toEqual({
    status: 401,
    contentType: 'application/problem+json',
    bodyStatus: 401,
    challenge: expect.stringMatching(/^Bearer/),
  });
}

describe('a well-formed token signed with the server secret', () => {
  it('is accepted on a query and on a command', async () => {
    const token = await hs();
    expect((await api.get('/projects', {}, { token })).status).toBe(200);
    expect((await api.post('/projects', registrationBody('tan-phu'), { token })).status).toBe(201);
  });

  it('is accepted when signed by hand as the forgeries below are, so they fail for what they change', async () => {
    expect(
      (await api.get('/projects', {}, { token: signedByHand({ alg: 'HS256', typ: 'JWT' }) }))
        .status,
    ).toBe(200);
  });
});

const forgeries: readonly (readonly [string, () => Promise<string>])[] = [
  ['alg "none" with no signature', async () => new UnsecuredJWT(payload()).encode()],
  [
    'alg "none" under a genuine signature',
    async () =>
      `${b64({ alg: 'none', typ: 'JWT' })}.${(await hs()).split('.')[1]}.${(await hs()).split('.')[2]}`,
  ],
  [
    'alg "None" (other casing) with no signature',
    async () => `${b64({ alg: 'None', typ: 'JWT' })}.${b64(payload())}.`,
  ],
  [
    'alg "NONE" with no signature',
    async () => `${b64({ alg: 'NONE', typ: 'JWT' })}.${b64(payload())}.`,
  ],
  ['HS512 with the right secret', () => hs({ alg: 'HS512' })],
  ['HS384 with the right secret', () => hs({ alg: 'HS384' })],
  [
    'RS256 signed with a key of its own',
    async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('attacker-1')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    },
  ],
  [
    'ES256 signed with a key of its own',
    async () => {
      const { privateKey } = await generateKeyPair('ES256');
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('attacker-1')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    },
  ],
  [
    'HS256 with a wrong key',
    () =>
      hs({ key: new TextEncoder().encode('another-secret-that-is-also-long-enough-for-hs256') }),
  ],
  [
    'HS256 with the secret plus one character',
    () => hs({ key: new Uint8Array([...secret, 0x21]) }),
  ],
  ['expired a minute ago', () => hs({ exp: now() - 60 })],
  ['expired a year ago', () => hs({ exp: now() - 365 * 86_400 })],
  ['not valid before a minute from now', () => hs({ nbf: now() + 60 })],
  ['without a subject', () => hs({ sub: null })],
  ['with an empty subject', () => hs({ sub: '' })],
  ['without an expiry', () => hs({ exp: null })],
  ['valid for 100 years', () => hs({ exp: now() + 100 * 365 * 86_400 })],
  [
    'issued nine hours ago (past the 8 h maximum age), not yet expired',
    () => hs({ iat: now() - 9 * 3600, exp: now() + 600 }),
  ],
  ['issued ten minutes in the future', () => hs({ iat: now() + 600, exp: now() + 1200 })],
  ['without an issued-at', () => hs({ iat: null })],
  [
    // jose will not sign with an unknown critical header, so this one is signed by hand.
    'with a critical header the server does not know',
    async () => signedByHand({ alg: 'HS256', typ: 'JWT', crit: ['x-unknown'], 'x-unknown': true }),
  ],
  [
    'a genuine token whose payload was changed (roles raised)',
    async () => withPayload(await hs(), { ...payload(), roles: ['approver', 'finance_officer'] }),
  ],
  [
    'a genuine token whose expiry was pushed back',
    async () => withPayload(await hs({ exp: now() - 60 }), { ...payload(), exp: now() + 86_400 }),
  ],
  [
    'a genuine token with its signature cut off',
    async () => `${(await hs()).split('.').slice(0, 2).join('.')}.`,
  ],
  [
    'a genuine token with only two parts',
    async () => (await hs()).split('.').slice(0, 2).join('.'),
  ],
  ['a token with four parts', async () => `${await hs()}.AAAA`],
  ['garbage', async () => 'not-a-jwt'],
  ['three dots of nothing', async () => '..'],
  [
    'base64 of a JSON that is not a JWT',
    async () => `${b64('{"hello":1}')}.${b64('[]')}.${b64('x')}`,
  ],
  [
    'a payload that is not JSON',
    async () => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64('not json')}.AAAA`,
  ],
  // Under Node's 16 KB header limit, so it reaches the verifier (above it Node answers 431 itself).
  ['a very long token', async () => `${b64({ alg: 'HS256' })}.${'A'.repeat(8_000)}.AAAA`],
];

describe.each(forgeries)('a token that is %s', (_name, make) => {
  let token: string;

  beforeAll(async () => {
    token = await make();
  });

  it('is refused on a query with 401 problem+json and a Bearer challenge', async () => {
    expectUnauthorized(await api.get('/projects', {}, { token }));
  });

  it('is refused on a command with 401, and the command appends nothing', async () => {
    const head = await headOfLog();
    expectUnauthorized(await api.post('/projects', registrationBody('tan-phu'), { token }));
    expect(await headOfLog()).toBe(head);
  });
});

describe('an Authorization header that is not a bearer token', () => {
  const headers: readonly (readonly [string, string])[] = [
    ['missing', ''],
    ['the word Bearer alone', 'Bearer'],
    ['Bearer and a space', 'Bearer '],
    ['Basic credentials', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['two tokens', 'Bearer a.b.c Bearer d.e.f'],
    ['a token with a newline-like escape', 'Bearer a.b.c\\nX-Injected: 1'],
  ];

  it('is refused with a 4xx, never a 5xx, when it is larger than the server takes', async () => {
    const response = await api.get(
      '/projects',
      {},
      { headers: { authorization: `Bearer ${'A'.repeat(40_000)}` } },
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each(headers)('is refused with 401 when %s', async (_name, value) => {
    const response = await api.get(
      '/projects',
      {},
      value === '' ? {} : { headers: { authorization: value } },
    );
    expectUnauthorized(response);
  });
});
