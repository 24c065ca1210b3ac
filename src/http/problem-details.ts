import { HttpException, HttpStatus } from '@nestjs/common';
import { EventStoreBusyError, EventStoreUnavailableError } from '../event-store/event-store.port';
import {
  ApplicationError,
  CommandIdReusedError,
  type ApplicationErrorKind,
} from '../kernel/application-errors';
import { DomainError, type DomainErrorKind, type ErrorParams } from '../shared/domain-error';
import { inVietnamese, type ProblemLanguage, type ProblemSource } from './problem-catalogue.vi';

/**
 * Error bodies are RFC 9457 problem details (`application/problem+json`).
 *
 * Type URIs: every problem has `type` = PROBLEM_TYPE_BASE + a slug naming the kind of problem
 * (`https://khuyencong.example/problems/not-found`), never `about:blank`, so clients can switch
 * on `type` for every answer; `code` (snake_case, stable) narrows it, e.g. the DomainError code
 * `advance_above_cap` under `.../rule-broken`. The URIs identify; they need not resolve.
 */
export const PROBLEM_TYPE_BASE = 'https://khuyencong.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface FieldError {
  /** Path of the input, as a client writes it: `beneficiary.name`, `targets[0].indicator`. */
  readonly field: string;
  readonly message: string;
}

/**
 * A field error as the server knows it: besides what the client sees, the constraint it broke
 * (class-validator's name, `isInt`, or one of ours) and the values its message names, so the
 * catalogues can say it in another language. Only `field` and `message` are sent.
 */
export interface Violation extends FieldError {
  readonly constraint?: string;
  readonly params?: ErrorParams;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path the problem occurred on. */
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  readonly code?: string;
}

/** A problem ready to send: the body, extra headers, and whether it is a fault of ours to log. */
export interface ProblemResponse {
  readonly problem: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;
  readonly unexpected: boolean;
}

interface Kind {
  readonly slug: string;
  readonly title: string;
}

const KIND_BY_STATUS: Readonly<Record<number, Kind>> = {
  400: { slug: 'bad-request', title: 'Bad request' },
  401: { slug: 'unauthorized', title: 'Not authenticated' },
  403: { slug: 'forbidden', title: 'Not allowed' },
  404: { slug: 'not-found', title: 'Not found' },
  405: { slug: 'method-not-allowed', title: 'Method not allowed' },
  406: { slug: 'not-acceptable', title: 'Not acceptable' },
  408: { slug: 'request-timeout', title: 'Request timeout' },
  409: { slug: 'conflict', title: 'Conflict' },
  412: { slug: 'precondition-failed', title: 'Precondition failed' },
  413: { slug: 'payload-too-large', title: 'Request body too large' },
  414: { slug: 'uri-too-long', title: 'Request URI too long' },
  415: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { slug: 'rule-broken', title: 'Business rule broken' },
  429: { slug: 'too-many-requests', title: 'Too many requests' },
  431: { slug: 'headers-too-large', title: 'Request headers too large' },
  500: { slug: 'internal-error', title: 'Internal error' },
  503: { slug: 'service-unavailable', title: 'Service unavailable' },
};

const DOMAIN_KINDS: Readonly<Record<DomainErrorKind, Kind & { readonly status: number }>> = {
  invalid_state: {
    status: 409,
    slug: 'invalid-state',
    title: 'Step not allowed in the current state',
  },
  rule: { status: 422, slug: 'rule-broken', title: 'Business rule broken' },
  not_found: { status: 404, slug: 'not-found', title: 'Not found' },
};

/** The application's refusals (src/kernel/application-errors.ts) as HTTP statuses. */
const APPLICATION_KINDS: Readonly<
  Record<ApplicationErrorKind, { readonly status: number } & Partial<Kind>>
> = {
  not_found: { status: 404 },
  forbidden: { status: 403 },
  conflict: { status: 409, slug: 'version-conflict', title: 'Concurrent change' },
  precondition_failed: { status: 412 },
  rule_broken: { status: 422 },
};

function kindOf(status: number): Kind {
  return KIND_BY_STATUS[status] ?? { slug: `http-${status}`, title: `HTTP ${status}` };
}

export function problemType(slug: string): string {
  return PROBLEM_TYPE_BASE + slug;
}

/** Seconds a client should wait before retrying when the event store is down. */
export const EVENT_STORE_RETRY_AFTER_SECONDS = 5;
/** A write lock held by another process is usually brief (a shell, a backup): retry soon. */
export const EVENT_STORE_LOCKED_RETRY_AFTER_SECONDS = 2;
/** Used when a 429 arrives without its own Retry-After (the rate window is a minute). */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 60;

export interface ProblemOptions {
  /** Overrides the slug the status implies (see KIND_BY_STATUS). */
  readonly slug?: string;
  readonly title?: string;
  readonly code?: string;
  readonly errors?: readonly Violation[];
  readonly headers?: Readonly<Record<string, string>>;
  /** The values `detail` names, for the catalogues (see DomainError's). */
  readonly params?: ErrorParams;
}

/**
 * An HttpException that carries what its problem details need. Throw one of the subclasses
 * below from controllers, guards or handlers; the ProblemDetailsFilter sends it as is.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly detail: string,
    readonly problem: ProblemOptions = {},
  ) {
    super(detail, status);
    this.name = new.target.name;
  }
}

/** 400 with the fields that failed validation. */
export class ValidationProblem extends ProblemException {
  /** The field errors as the client sees them. */
  readonly errors: readonly FieldError[];

  constructor(violations: readonly Violation[]) {
    super(HttpStatus.BAD_REQUEST, 'The request is not valid; see errors', {
      slug: 'validation',
      title: 'Invalid request',
      code: 'validation_failed',
      errors: violations,
    });
    this.errors = violations.map(({ field, message }) => ({ field, message }));
  }
}

/** 401: no token, or one that does not verify. */
export class UnauthorizedProblem extends ProblemException {
  constructor(detail = 'A valid bearer token is required', code = 'unauthenticated') {
    super(HttpStatus.UNAUTHORIZED, detail, { code, headers: { 'www-authenticate': 'Bearer' } });
  }
}

/** 403: authenticated, but the role or district does not allow the step. */
export class ForbiddenProblem extends ProblemException {
  constructor(detail = 'Your roles do not allow this', code = 'forbidden', params?: ErrorParams) {
    super(HttpStatus.FORBIDDEN, detail, { code, params });
  }
}

/** 404: unknown, or not visible to the caller (which must not learn it exists). */
export class NotFoundProblem extends ProblemException {
  constructor(detail = 'Not found', code = 'not_found') {
    super(HttpStatus.NOT_FOUND, detail, { code });
  }
}

/** 503: a part the request needs is down (identity provider, event store); retry later. */
export class ServiceUnavailableProblem extends ProblemException {
  constructor(
    detail: string,
    retryAfterSeconds = EVENT_STORE_RETRY_AFTER_SECONDS,
    code = 'unavailable',
  ) {
    super(HttpStatus.SERVICE_UNAVAILABLE, detail, {
      code,
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
}

function build(
  status: number,
  detail: string,
  options: ProblemOptions,
  instance?: string,
): ProblemDetails {
  const kind = kindOf(status);
  return {
    type: problemType(options.slug ?? kind.slug),
    title: options.title ?? kind.title,
    status,
    detail,
    ...(instance !== undefined && { instance }),
    ...(options.errors && {
      errors: options.errors.map(({ field, message }) => ({ field, message })),
    }),
    ...(options.code && { code: options.code }),
  };
}

/** Nest's exceptions carry a string or `{ message: string | string[] }`. */
function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

/** Fastify's body parsing errors reach us as HttpExceptions caused by a FastifyError `FST_ERR_CTP_*`. */
function fastifyCode(exception: HttpException): string | undefined {
  const code = (exception.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('FST_') ? code : undefined;
}

function fromHttpException(exception: HttpException, instance?: string): ProblemResponse {
  const status = exception.getStatus();
  if (exception instanceof ProblemException) {
    return {
      problem: build(status, exception.detail, exception.problem, instance),
      headers: exception.problem.headers ?? {},
      unexpected: status >= 500,
    };
  }
  if (status >= 500) {
    // A 5xx that someone threw on purpose still says nothing about our internals.
    return {
      problem: build(
        status,
        status === 503
          ? 'The service is unavailable; try again later'
          : 'Something went wrong on our side',
        {},
        instance,
      ),
      headers: {},
      unexpected: status === 500,
    };
  }
  const headers: Record<string, string> = {};
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  const fastify = fastifyCode(exception);
  const options: ProblemOptions =
    fastify !== undefined && status === 400
      ? { slug: 'malformed-request', title: 'Malformed request', code: 'malformed_body' }
      : {};
  return {
    problem: build(status, messageOf(exception), options, instance),
    headers,
    unexpected: false,
  };
}

/**
 * The problem in English, as every client gets it unless it asks for Vietnamese.
 */
function englishProblemFor(error: unknown, instance?: string): ProblemResponse {
  if (error instanceof DomainError) {
    const kind = DOMAIN_KINDS[error.kind];
    const errors =
      error.field !== undefined ? [{ field: error.field, message: error.message }] : undefined;
    return {
      problem: build(
        kind.status,
        error.message,
        { slug: kind.slug, title: kind.title, code: error.code, errors },
        instance,
      ),
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof ApplicationError) {
    const { status, slug, title } = APPLICATION_KINDS[error.kind];
    // The command id is derived from the Idempotency-Key header: over HTTP, that is the input.
    const field = error instanceof CommandIdReusedError ? 'Idempotency-Key' : error.field;
    const errors = field !== undefined ? [{ field, message: error.message }] : undefined;
    return {
      problem: build(status, error.message, { slug, title, code: error.code, errors }, instance),
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof EventStoreBusyError) {
    return {
      problem: build(
        503,
        'Another process holds the event store’s write lock; nothing was recorded. Try again shortly',
        { code: 'event_store_locked' },
        instance,
      ),
      headers: { 'retry-after': String(EVENT_STORE_LOCKED_RETRY_AFTER_SECONDS) },
      // Logged: an operator has to find what holds the lock.
      unexpected: true,
    };
  }
  if (error instanceof EventStoreUnavailableError) {
    return {
      problem: build(
        503,
        'The event store cannot take requests now; try again later',
        { code: 'event_store_unavailable' },
        instance,
      ),
      headers: { 'retry-after': String(EVENT_STORE_RETRY_AFTER_SECONDS) },
      // Logged: an operator has to act.
      unexpected: true,
    };
  }
  if (error instanceof HttpException) return fromHttpException(error, instance);
  return {
    problem: build(500, 'Something went wrong on our side', {}, instance),
    headers: {},
    unexpected: true,
  };
}

/** What the catalogues need besides the English problem: the values and the broken constraints. */
function sourceOf(error: unknown): ProblemSource {
  if (error instanceof DomainError || error instanceof ApplicationError)
    return { params: error.params };
  if (error instanceof ProblemException)
    return { params: error.problem.params, violations: error.problem.errors };
  return {};
}

/**
 * Maps anything thrown while serving a request to the problem to send, in the language the
 * request prefers (`preferredProblemLanguage` of its Accept-Language): `title`, `detail` and
 * each field message are translated, `type`, `code`, `status` and the fields never. Pure: the
 * filter does the logging and the sending. Unknown errors become a 500 whose detail reveals
 * nothing.
 */
export function problemFor(
  error: unknown,
  instance?: string,
  language: ProblemLanguage = 'en',
): ProblemResponse {
  const response = englishProblemFor(error, instance);
  if (language === 'en') return response;
  return { ...response, problem: inVietnamese(response.problem, sourceOf(error)) };
}
