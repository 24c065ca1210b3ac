import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import {
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_MAX_TOKEN_AGE_SECONDS,
  SETTINGS,
  type AuthSettings,
  type Settings,
} from '../config/settings';
import { ServiceUnavailableProblem, UnauthorizedProblem } from '../http/problem-details';
import { principalFromClaims, type Principal } from './principal';

/** The only algorithm the shared secret signs with. */
export const HS256_ALGORITHMS = ['HS256'] as const;

/**
 * What an identity provider's keys may sign with: asymmetric only. `none` and HS* are never
 * accepted with a JWKS (an HS* token "signed" with a public key would otherwise pass).
 */
export const JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

/** Tolerated clock difference between us and the issuer, by default (AUTH_CLOCK_SKEW sets it). */
export const CLOCK_TOLERANCE_SECONDS = DEFAULT_CLOCK_SKEW_SECONDS;

/** Seconds before a client should retry when the identity provider's keys cannot be fetched. */
const JWKS_RETRY_AFTER_SECONDS = 10;

// Errors of the JWKS fetch that say the token is wrong, not that the provider is down.
const TOKEN_FAULTS_FROM_KEY_LOOKUP = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWK_INVALID',
]);

class KeySourceUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super('The identity provider keys cannot be fetched');
  }
}

/**
 * Verifies bearer tokens and turns them into principals. Only the configured algorithms and
 * key are accepted, `exp`, `iat` and `sub` are required, and `nbf`, `iss` and `aud` are
 * checked. A token older than AUTH_MAX_TOKEN_AGE, claiming a longer lifetime, or issued in the
 * future (beyond AUTH_CLOCK_SKEW) is refused: a leaked or over-long token serves a working day
 * at most. Every refusal is a 401 UnauthorizedProblem; an unreachable JWKS is a 503.
 */
@Injectable()
export class JwtVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;
  private readonly maxTokenAgeSeconds: number;

  constructor(@Inject(SETTINGS) settings: Pick<Settings, 'auth'>) {
    const auth: AuthSettings = settings.auth;
    this.maxTokenAgeSeconds = auth.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    this.options = {
      algorithms: auth.kind === 'hs256' ? [...HS256_ALGORITHMS] : [...JWKS_ALGORITHMS],
      // maxTokenAge makes jose require `iat` and refuse one in the future beyond the tolerance.
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: this.maxTokenAgeSeconds,
      clockTolerance: auth.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
      ...(auth.issuer !== undefined && { issuer: auth.issuer }),
      ...(auth.audience !== undefined && { audience: auth.audience }),
    };
    // The HS256 key is imported once: from raw bytes jose would import it on every request.
    this.key =
      auth.kind === 'hs256'
        ? createSecretKey(Buffer.from(auth.secret, 'utf8'))
        : keyLookup(auth.jwksUrl);
  }

  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      // Two calls so TypeScript picks the overload for each kind of key.
      payload = (
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, this.options)
          : await jwtVerify(token, this.key, this.options)
      ).payload;
    } catch (error) {
      throw refusal(error);
    }
    // jose has checked both are numbers. A 100-year token is refused now, not in 8 hours.
    if ((payload.exp as number) - (payload.iat as number) > this.maxTokenAgeSeconds)
      throw new UnauthorizedProblem(
        'The token claims a lifetime longer than the server accepts',
        'invalid_token',
      );
    const principal = principalFromClaims(payload);
    if (!principal) throw new UnauthorizedProblem('The token names no subject', 'invalid_token');
    return principal;
  }
}

function keyLookup(jwksUrl: string): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(new URL(jwksUrl), {
    timeoutDuration: 5000,
    cooldownDuration: 30_000,
  });
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_FAULTS_FROM_KEY_LOOKUP.has(error.code))
        throw error;
      throw new KeySourceUnavailable(error);
    }
  };
}

function refusal(error: unknown): Error {
  if (error instanceof KeySourceUnavailable) {
    return new ServiceUnavailableProblem(
      'The identity provider cannot be reached; try again later',
      JWKS_RETRY_AFTER_SECONDS,
      'identity_provider_unavailable',
    );
  }
  if (error instanceof errors.JWTExpired)
    return new UnauthorizedProblem(
      error.claim === 'iat'
        ? 'The token is older than the server accepts; get a new one'
        : 'The token has expired',
      'token_expired',
    );
  if (
    error instanceof errors.JWTClaimValidationFailed &&
    error.claim === 'iat' &&
    error.reason === 'check_failed'
  )
    return new UnauthorizedProblem('The token is issued in the future', 'invalid_token');
  if (error instanceof errors.JOSEError)
    return new UnauthorizedProblem('The token is not valid', 'invalid_token');
  // A bug of ours, not the caller's token: let the filter log it as a 500.
  return error instanceof Error ? error : new Error(String(error));
}
