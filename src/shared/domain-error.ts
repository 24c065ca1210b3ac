/**
 * A broken business rule, or a step that the current state does not allow.
 * `code` is stable (clients and tests match on it); `kind` decides the HTTP status:
 * - `invalid_state`: the step is not allowed in the current state (409);
 * - `rule`: a business rule is broken (422);
 * - `not_found`: the subject does not exist (404).
 * `field` names the input that broke the rule, when there is one. `params` holds the values
 * the message speaks of (amounts as whole đồng, dates YYYY-MM-DD), so the problem can be told
 * in another language (src/http/problem-catalogue.vi.ts) without parsing the English text.
 */
export type DomainErrorKind = 'invalid_state' | 'rule' | 'not_found';

/** Values a message names: amounts (whole VND), dates (YYYY-MM-DD), codes, lists of codes. */
export type ErrorParams = Readonly<Record<string, string | number | readonly string[]>>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly field?: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidState = (code: string, message: string, params?: ErrorParams): DomainError =>
  new DomainError(code, message, 'invalid_state', undefined, params);

export const ruleBroken = (
  code: string,
  message: string,
  field?: string,
  params?: ErrorParams,
): DomainError => new DomainError(code, message, 'rule', field, params);
