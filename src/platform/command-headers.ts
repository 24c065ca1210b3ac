import { ValidationProblem } from '../http/problem-details';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

function invalidHeader(field: string, message: string, constraint: string): ValidationProblem {
  return new ValidationProblem([{ field, message, constraint }]);
}

/** The Idempotency-Key header: any string up to 200 characters (API.md). */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw invalidHeader('Idempotency-Key', 'must be given once', 'headerOnce');
  if (value.length === 0 || value.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw invalidHeader(
      'Idempotency-Key',
      `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      'headerLength',
    );
  }
  return value;
}

/** If-Match: the version the caller saw, as a number or an entity tag ("3", W/"3"). */
export function parseIfMatch(value: string | string[] | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw invalidHeader('If-Match', 'must be given once', 'headerOnce');
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) throw invalidHeader('If-Match', 'must be the version number returned earlier', 'ifMatch');
  return Number(match[1]);
}

/** minPosition on queries: a global log position (a decimal string of a bigint). */
export function parseMinPosition(value: unknown): bigint | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) {
    throw invalidHeader('minPosition', 'must be a position returned by a command', 'minPosition');
  }
  return BigInt(value);
}
