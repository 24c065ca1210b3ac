import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { SETTINGS, type AuthSettings, type Settings } from '../config/settings';
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

/** Tolerated clock difference between us and whoever issued the token. */
export const CLOCK_TOLERANCE_SECONDS = 5;

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
 * key are accepted, `exp` and `sub` are required, and `nbf`, `iss` and `aud` are checked.
 * Every refusal is a 401 UnauthorizedProblem; an unreachable JWKS is a 503.
 */
@Injectable()
export class JwtVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;

  constructor(@Inject(SETTINGS) settings: Pick<Settings, 'auth'>) {
    const auth: AuthSettings = settings.auth;
    this.options = {
      algorithms: auth.kind === 'hs256' ? [...HS256_ALGORITHMS] : [...JWKS_ALGORITHMS],
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
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
    return new UnauthorizedProblem('The token has expired', 'token_expired');
  if (error instanceof errors.JOSEError)
    return new UnauthorizedProblem('The token is not valid', 'invalid_token');
  // A bug of ours, not the caller's token: let the filter log it as a 500.
  return error instanceof Error ? error : new Error(String(error));
}
