import { decodeJwt } from 'jose';
import type { AuthSettings } from '../config/settings';
import { checkLifetime, parseTtl, signDevToken } from './dev-token';
import { JwtVerifier } from './jwt-verifier';

const auth: AuthSettings = {
  kind: 'hs256',
  secret: 'dev-token-secret-0123456789abcdefghijklmn',
  secretSource: 'dev-file',
  issuer: 'kc-dev',
  audience: 'kc-api',
};
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('development tokens', () => {
  it('verify with the server verifier built from the same settings', async () => {
    const token = await signDevToken(
      auth,
      { sub: 'u7', name: 'Trần Văn A', roles: ['approver', 'auditor'], ttlSeconds: 600 },
      nowSeconds(),
    );
    await expect(new JwtVerifier({ auth }).verify(token)).resolves.toEqual({
      sub: 'u7',
      name: 'Trần Văn A',
      roles: ['approver', 'auditor'],
    });
  });

  it('do not verify with another secret', async () => {
    const token = await signDevToken(
      auth,
      { sub: 'u7', name: 'A', roles: ['approver'], ttlSeconds: 600 },
      nowSeconds(),
    );
    await expect(
      new JwtVerifier({
        auth: { ...auth, secret: 'some-other-secret-0123456789abcdefghijkl' },
      }).verify(token),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('give a district officer the default district when none is given', async () => {
    const token = await signDevToken(
      auth,
      { sub: 'd1', name: 'D', roles: ['district_officer'], ttlSeconds: 600 },
      nowSeconds(),
    );
    await expect(new JwtVerifier({ auth }).verify(token)).resolves.toMatchObject({
      roles: ['district_officer'],
      district: 'bien-hoa',
    });
  });

  it('expire after the lifetime asked for', async () => {
    const token = await signDevToken(
      auth,
      { sub: 'u7', name: 'A', roles: ['admin'], district: 'vinh-cuu', ttlSeconds: 8 * 3600 },
      1_700_000_000,
    );
    expect(decodeJwt(token)).toMatchObject({
      iat: 1_700_000_000,
      exp: 1_700_000_000 + 8 * 3600,
      district: 'vinh-cuu',
      iss: 'kc-dev',
      aud: 'kc-api',
    });
  });

  it('cannot be made when an identity provider issues tokens', async () => {
    await expect(
      signDevToken(
        { kind: 'jwks', jwksUrl: 'https://id.example/jwks' },
        { sub: 'u', name: 'n', roles: ['admin'], ttlSeconds: 60 },
        0,
      ),
    ).rejects.toThrow(/AUTH_JWKS_URL/);
  });
});

describe('parseTtl', () => {
  it.each([
    ['90', 90],
    ['45s', 45],
    ['30m', 1800],
    ['8h', 28800],
    ['7d', 604800],
  ])('reads %p as %p seconds', (text, seconds) => {
    expect(parseTtl(text)).toBe(seconds);
  });

  it.each([['0'], ['8 hours'], ['-5m'], ['1.5h'], ['']])('refuses %p', (text) => {
    expect(() => parseTtl(text)).toThrow(/^--ttl /);
  });
});

describe('checkLifetime (npm run token)', () => {
  const eightHours = { ...auth, maxTokenAgeSeconds: 8 * 3600 };
  const century = 100 * 365 * 86_400;

  it('lets a lifetime up to AUTH_MAX_TOKEN_AGE through, in every environment', () => {
    for (const nodeEnv of ['development', 'test', 'production'] as const)
      expect(() => checkLifetime(8 * 3600, eightHours, { nodeEnv })).not.toThrow();
  });

  it('refuses a longer lifetime, naming the maximum and the way round it', () => {
    expect(() => checkLifetime(century, eightHours, { nodeEnv: 'development' })).toThrow(
      /^--ttl .*AUTH_MAX_TOKEN_AGE \(28800 s\).*--allow-long-lifetime/,
    );
  });

  it('mints a longer one outside production when told to', () => {
    expect(() =>
      checkLifetime(century, eightHours, { nodeEnv: 'development', allowLongLifetime: true }),
    ).not.toThrow();
  });

  it('refuses a longer one in production, even when told to', () => {
    expect(() =>
      checkLifetime(century, eightHours, { nodeEnv: 'production', allowLongLifetime: true }),
    ).toThrow(/^--ttl .*production/);
  });

  it('uses the default maximum (8 h) when the settings name none', () => {
    expect(() => checkLifetime(8 * 3600 + 1, auth, { nodeEnv: 'test' })).toThrow(/^--ttl /);
  });
});
