import type { ErrorParams } from '../shared/domain-error';

/**
 * Why the application refused a command or a query, in its own terms. Only src/http/ turns
 * these into status codes (problem-details.ts); the application never names HTTP.
 * - `not_found`: no such subject, or one the caller may not see (it must not learn it exists);
 * - `forbidden`: the caller is known but may not do this to this subject;
 * - `conflict`: another change won the race, and deciding again did not settle it;
 * - `precondition_failed`: the caller decided on a version that is no longer the subject's;
 * - `rule_broken`: a rule across aggregates, checked by the application, is broken.
 * The decisions of the domain itself are DomainErrors (src/shared/domain-error.ts).
 */
export type ApplicationErrorKind =
  'not_found' | 'forbidden' | 'conflict' | 'precondition_failed' | 'rule_broken';

export class ApplicationError extends Error {
  constructor(
    readonly kind: ApplicationErrorKind,
    /** Stable, snake_case: what clients and specs match on. */
    readonly code: string,
    message: string,
    /** The input that broke the rule, when there is one. */
    readonly field?: string,
    /** The values the message names, for the problem catalogues (see DomainError). */
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends ApplicationError {
  constructor(code: string, message: string) {
    super('not_found', code, message);
  }
}

export class ForbiddenError extends ApplicationError {
  constructor(code: string, message: string) {
    super('forbidden', code, message);
  }
}

/** The version the caller decided on (If-Match) is not the subject's. */
export class StaleVersionError extends ApplicationError {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      'precondition_failed',
      'version_mismatch',
      `If-Match names version ${expected}, but the current version is ${actual}`,
      undefined,
      { expected, actual },
    );
  }
}

/** Concurrent changes kept winning the race for the subject's stream, attempt after attempt. */
export class ConcurrentChangeError extends ApplicationError {
  constructor() {
    super(
      'conflict',
      'concurrent_change',
      'The subject was changed by another request at the same time; read it again and retry',
    );
  }
}

/**
 * The command id of an earlier, different command: over HTTP, an Idempotency-Key reused for
 * another request body (the command id is derived from the key).
 */
export class CommandIdReusedError extends ApplicationError {
  constructor() {
    super(
      'rule_broken',
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request',
    );
  }
}
