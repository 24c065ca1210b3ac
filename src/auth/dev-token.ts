import { SignJWT } from 'jose';
import { DEFAULT_MAX_TOKEN_AGE_SECONDS, type AuthSettings, type NodeEnv } from '../config/settings';
import type { Role } from '../shared/actor';

/**
 * Development tokens, signed with the server's own HS256 secret (AUTH_JWT_SECRET or the dev
 * secret file), for `npm run token`, demos and end-to-end tests. Not for production identities:
 * with AUTH_JWKS_URL the identity provider issues tokens.
 */
export interface DevTokenRequest {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly district?: string;
  /** Lifetime in seconds. */
  readonly ttlSeconds: number;
}

/** The district a district officer gets when none is given. */
export const DEFAULT_DEV_DISTRICT = 'bien-hoa';

const TTL = /^(\d+)([smhd]?)$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** Parses `90`, `90s`, `30m`, `8h`, `7d` into seconds; throws on anything else. */
export function parseTtl(text: string): number {
  const match = TTL.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0)
    throw new Error(`--ttl must be a duration such as 30m, 8h or 7d, got "${text}"`);
  return seconds;
}

/**
 * Refuses a lifetime the server would refuse (longer than AUTH_MAX_TOKEN_AGE): outside
 * production `allowLongLifetime` mints it anyway, for a server configured with a longer
 * maximum; in production never, so no token outlives a working day there.
 */
export function checkLifetime(
  ttlSeconds: number,
  auth: AuthSettings,
  options: { readonly nodeEnv: NodeEnv; readonly allowLongLifetime?: boolean },
): void {
  const max = auth.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
  if (ttlSeconds <= max) return;
  const longer = `--ttl of ${ttlSeconds} s is longer than AUTH_MAX_TOKEN_AGE (${max} s)`;
  if (options.nodeEnv === 'production')
    throw new Error(`${longer}: refused in production, where the server refuses such tokens`);
  if (!options.allowLongLifetime)
    throw new Error(
      `${longer}: a server with these settings refuses it; --allow-long-lifetime mints it anyway`,
    );
}

/** Signs a token the server accepts; `now` (epoch seconds) is given so tests can fix it. */
export async function signDevToken(
  auth: AuthSettings,
  request: DevTokenRequest,
  now: number,
): Promise<string> {
  if (auth.kind !== 'hs256')
    throw new Error('AUTH_JWKS_URL is set: tokens come from the identity provider, not from here');
  const district =
    request.district ??
    (request.roles.includes('district_officer') ? DEFAULT_DEV_DISTRICT : undefined);
  let jwt = new SignJWT({
    name: request.name,
    roles: [...request.roles],
    ...(district !== undefined && { district }),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + request.ttlSeconds);
  if (auth.issuer !== undefined) jwt = jwt.setIssuer(auth.issuer);
  if (auth.audience !== undefined) jwt = jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.secret));
}
