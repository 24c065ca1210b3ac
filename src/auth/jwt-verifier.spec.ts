import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { loadSettings, type AuthSettings } from '../config/settings';
import {
  ProblemException,
  ServiceUnavailableProblem,
  UnauthorizedProblem,
} from '../http/problem-details';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'hs256-test-secret-0123456789abcdefghijkl';
const now = () => Math.floor(Date.now() / 1000);
const claims = { name: 'Phạm Văn Duyệt', roles: ['approver'] };

function hs256(auth: Partial<AuthSettings> = {}): JwtVerifier {
  return new JwtVerifier({
    auth: { kind: 'hs256', secret: SECRET, secretSource: 'env', ...auth } as AuthSettings,
  });
}

async function sign(
  payload: JWTPayload,
  key: Uint8Array | CryptoKey,
  header: { alg: string; kid?: string },
  setup?: (jwt: SignJWT) => SignJWT,
): Promise<string> {
  let jwt = new SignJWT(payload)
    .setProtectedHeader(header)
    .setSubject('u1')
    .setIssuedAt()
    .setExpirationTime('10m');
  if (setup) jwt = setup(jwt);
  return jwt.sign(key);
}

const secretKey = (secret = SECRET) => new TextEncoder().encode(secret);

/** A token signed with the shared secret, with every claim `sign` sets but `missing`. */
function signedWithout(missing: 'exp' | 'iat' | 'sub'): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' });
  if (missing !== 'sub') jwt = jwt.setSubject('u1');
  if (missing !== 'iat') jwt = jwt.setIssuedAt();
  if (missing !== 'exp') jwt = jwt.setExpirationTime('10m');
  return jwt.sign(secretKey());
}
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function refusal(verifier: JwtVerifier, token: string): Promise<ProblemException> {
  const error: unknown = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return error as ProblemException;
}

async function expectUnauthorized(
  verifier: JwtVerifier,
  token: string,
  code = 'invalid_token',
): Promise<void> {
  const error = await refusal(verifier, token);
  expect(error).toBeInstanceOf(UnauthorizedProblem);
  expect(error.getStatus()).toBe(401);
  expect(error.problem.code).toBe(code);
}

describe('with the shared HS256 secret', () => {
  const verifier = hs256();

  it('turns a valid token into its principal', async () => {
    const token = await sign({ ...claims, district: 'bien-hoa', extra: 'ignored' }, secretKey(), {
      alg: 'HS256',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'u1',
      name: 'Phạm Văn Duyệt',
      roles: ['approver'],
      district: 'bien-hoa',
    });
  });

  it('refuses an expired token, saying so', async () => {
    const token = await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
      jwt.setIssuedAt(now() - 3600).setExpirationTime(now() - 60),
    );
    await expectUnauthorized(verifier, token, 'token_expired');
  });

  it('refuses a token that is not valid yet (nbf)', async () => {
    const token = await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
      jwt.setNotBefore(now() + 600),
    );
    await expectUnauthorized(verifier, token);
  });

  it('refuses a token signed with another key', async () => {
    await expectUnauthorized(
      verifier,
      await sign(claims, secretKey('another-secret-0123456789abcdefghijklmn'), { alg: 'HS256' }),
    );
  });

  it('refuses another algorithm, even with the right secret', async () => {
    await expectUnauthorized(verifier, await sign(claims, secretKey(), { alg: 'HS512' }));
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: 'u1', exp: now() + 600 })}.`;
    await expectUnauthorized(verifier, token);
  });

  it('refuses a token with the signature of another payload', async () => {
    const [header, , signature] = (await sign(claims, secretKey(), { alg: 'HS256' })).split('.');
    const forged = `${header}.${b64({ sub: 'u1', roles: ['admin'], exp: now() + 600 })}.${signature}`;
    await expectUnauthorized(verifier, forged);
  });

  it.each([
    ['an expiry', 'exp'],
    ['a subject', 'sub'],
  ] as const)('refuses a token without %s', async (_what, claim) => {
    await expectUnauthorized(verifier, await signedWithout(claim));
  });

  it.each([['not-a-jwt'], ['a.b.c'], ['..'], [`${b64({ alg: 'HS256' })}.not-json.sig`]])(
    'refuses the malformed token %p',
    async (token) => {
      await expectUnauthorized(verifier, token);
    },
  );

  describe('the age of a token', () => {
    it('refuses a token valid for 100 years, however freshly issued', async () => {
      const token = await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
        jwt.setIssuedAt(now()).setExpirationTime(now() + 100 * 365 * 86_400),
      );
      await expectUnauthorized(verifier, token);
    });

    it('refuses a token issued longer ago than the maximum age (8 h), though not expired', async () => {
      const token = await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
        jwt.setIssuedAt(now() - 9 * 3600).setExpirationTime(now() + 600),
      );
      await expectUnauthorized(verifier, token, 'token_expired');
    });

    it('refuses a token issued in the future beyond the clock skew', async () => {
      const token = await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
        jwt.setIssuedAt(now() + 600).setExpirationTime(now() + 1200),
      );
      await expectUnauthorized(verifier, token);
    });

    it('accepts one issued a few seconds ahead, within the clock skew', async () => {
      const token = await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
        jwt.setIssuedAt(now() + 10).setExpirationTime(now() + 600),
      );
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'u1' });
    });

    it('refuses a token without an issued-at', async () => {
      await expectUnauthorized(verifier, await signedWithout('iat'));
    });

    it('follows AUTH_MAX_TOKEN_AGE and AUTH_CLOCK_SKEW', async () => {
      const short = hs256({ maxTokenAgeSeconds: 3600, clockSkewSeconds: 0 });
      await expectUnauthorized(
        short,
        await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
          jwt.setIssuedAt(now() - 2 * 3600).setExpirationTime(now() + 600),
        ),
        'token_expired',
      );
      await expectUnauthorized(
        short,
        await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
          jwt.setIssuedAt(now() + 10).setExpirationTime(now() + 600),
        ),
      );
      await expectUnauthorized(
        short,
        await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) => jwt.setExpirationTime('2h')),
      );
    });
  });

  describe('when an issuer and audience are configured', () => {
    const strict = hs256({ issuer: 'https://id.khuyencong.example', audience: 'khuyencong-api' });

    it('accepts a token for us from our issuer', async () => {
      const token = await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
        jwt.setIssuer('https://id.khuyencong.example').setAudience('khuyencong-api'),
      );
      await expect(strict.verify(token)).resolves.toMatchObject({ sub: 'u1' });
    });

    it('refuses a token from another issuer or for another audience', async () => {
      await expectUnauthorized(
        strict,
        await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
          jwt.setIssuer('https://evil.example').setAudience('khuyencong-api'),
        ),
      );
      await expectUnauthorized(
        strict,
        await sign(claims, secretKey(), { alg: 'HS256' }, (jwt) =>
          jwt.setIssuer('https://id.khuyencong.example').setAudience('other-api'),
        ),
      );
    });
  });
});

describe('with a remote JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
  let ec: { privateKey: CryptoKey; publicKey: CryptoKey };
  let publicRsaJwk: JWK;
  let verifier: JwtVerifier;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256', { extractable: true });
    ec = await generateKeyPair('ES256');
    publicRsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' };
    const keys = [
      publicRsaJwk,
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((request, response) => {
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    verifier = new JwtVerifier({ auth: { kind: 'jwks', jwksUrl } });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts an RS256 token signed by a key of the set', async () => {
    const token = await sign(claims, rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'u1',
      name: 'Phạm Văn Duyệt',
      roles: ['approver'],
    });
  });

  it('accepts an ES256 token signed by a key of the set', async () => {
    await expect(
      verifier.verify(await sign(claims, ec.privateKey, { alg: 'ES256', kid: 'ec-1' })),
    ).resolves.toMatchObject({ sub: 'u1' });
  });

  it('refuses a token signed by a key outside the set', async () => {
    const stranger = await generateKeyPair('RS256');
    await expectUnauthorized(
      verifier,
      await sign(claims, stranger.privateKey, { alg: 'RS256', kid: 'rsa-1' }),
    );
    await expectUnauthorized(
      verifier,
      await sign(claims, stranger.privateKey, { alg: 'RS256', kid: 'unknown-kid' }),
    );
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const publicKeyBytes = new TextEncoder().encode(JSON.stringify(publicRsaJwk));
    await expectUnauthorized(
      verifier,
      await sign(claims, publicKeyBytes, { alg: 'HS256', kid: 'rsa-1' }),
    );
  });

  it('refuses an unsigned token', async () => {
    await expectUnauthorized(
      verifier,
      `${b64({ alg: 'none', kid: 'rsa-1' })}.${b64({ sub: 'u1', exp: now() + 600 })}.`,
    );
  });

  it('refuses an expired token signed by a key of the set', async () => {
    const token = await sign(claims, rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }, (jwt) =>
      jwt.setIssuedAt(now() - 3600).setExpirationTime(now() - 60),
    );
    await expectUnauthorized(verifier, token, 'token_expired');
  });

  describe('with production settings', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://id.khuyencong.example/.well-known/jwks.json',
    };

    it('refuses to start without AUTH_ISSUER and AUTH_AUDIENCE', () => {
      expect(() => loadSettings(production)).toThrow(/^AUTH_ISSUER is required in production/);
      expect(() =>
        loadSettings({ ...production, AUTH_ISSUER: 'https://id.khuyencong.example' }),
      ).toThrow(/^AUTH_AUDIENCE is required in production/);
    });

    it('refuses a token of the key set from https://evil for another audience, and accepts ours', async () => {
      const { auth } = loadSettings({
        ...production,
        AUTH_ISSUER: 'https://id.khuyencong.example',
        AUTH_AUDIENCE: 'khuyencong-api',
      });
      // Production takes the key set over https only; the test serves the same keys on loopback.
      const strict = new JwtVerifier({ auth: { ...auth, jwksUrl } as AuthSettings });
      const signed = (iss: string, aud: string) =>
        sign(claims, rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }, (jwt) =>
          jwt.setIssuer(iss).setAudience(aud),
        );
      await expectUnauthorized(strict, await signed('https://evil', 'evil-api'));
      await expectUnauthorized(strict, await signed('https://evil', 'khuyencong-api'));
      await expectUnauthorized(strict, await signed('https://id.khuyencong.example', 'evil-api'));
      await expect(
        strict.verify(await signed('https://id.khuyencong.example', 'khuyencong-api')),
      ).resolves.toMatchObject({ sub: 'u1' });
    });
  });

  it('answers 503, not 401, when the key set cannot be fetched', async () => {
    const down = new JwtVerifier({
      auth: { kind: 'jwks', jwksUrl: jwksUrl.replace('jwks.json', 'missing.json') },
    });
    const error = await refusal(
      down,
      await sign(claims, rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }),
    );
    expect(error).toBeInstanceOf(ServiceUnavailableProblem);
    expect(error.getStatus()).toBe(503);
  });
});
