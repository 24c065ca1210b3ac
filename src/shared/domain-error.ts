/**
 * A broken business rule, or a step that the current state does not allow.
 * `code` is stable (clients and tests match on it); `kind` decides the HTTP status:
 * - `invalid_state`: the step is not allowed in the current state (409);
 * - `rule`: a business rule is broken (422);
 * - `not_found`: the subject does not exist (404).
 * `field` names the input that broke the rule, when there is one.
 */
export type DomainErrorKind = 'invalid_state' | 'rule' | 'not_found';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidState = (code: string, message: string): DomainError =>
  new DomainError(code, message, 'invalid_state');

export const ruleBroken = (code: string, message: string, field?: string): DomainError =>
  new DomainError(code, message, 'rule', field);
