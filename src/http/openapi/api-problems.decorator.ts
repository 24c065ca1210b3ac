import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiResponse,
  getSchemaPath,
  type ApiResponseOptions,
  type HeadersObject,
} from '@nestjs/swagger';
import { CommandResponseBody } from './command.response';
import { ProblemDetailsResponse } from './problem-details.response';

/** The media type every problem is sent as (problem-details.filter.ts). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const retryAfter: HeadersObject = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 1 },
  },
};

/** What each status means on this API (docs/api.md "Conventions kept"). */
const PROBLEMS = {
  400: { description: 'Malformed or invalid input; `errors` names each field at fault' },
  401: {
    description: 'No bearer token, or one that does not verify (expired, wrong signature…)',
    headers: {
      'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } },
    } satisfies HeadersObject,
  },
  403: {
    description:
      "No role of the token may take this step, or the caller's unit may not act on this subject",
  },
  404: { description: 'Unknown, or not visible to the caller (who must not learn it exists)' },
  409: {
    description:
      'The step is not allowed in the current state, or a concurrent change got there first',
  },
  412: { description: '`If-Match` names another version than the current one; nothing was done' },
  413: { description: 'The request body is over the size limit (BODY_LIMIT_BYTES)' },
  415: { description: 'The request body is not `application/json`' },
  422: { description: 'A business rule refuses the request; `code` says which' },
  429: {
    description: 'Over the rate limit (per signed-in user, else per client address)',
    headers: retryAfter,
  },
  503: {
    description:
      'A part the request needs cannot take it now (event store, reminder queue, read models behind)',
    headers: retryAfter,
  },
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

/** The problems an operation can answer, each `application/problem+json` with ProblemDetails. */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsResponse),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        ...PROBLEMS[status],
        content: {
          [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsResponse) } },
        },
      } as ApiResponseOptions),
    ),
  );
}

/** The problems of any signed-in route (besides its own): no or bad token, no role, too many requests. */
export const SIGNED_IN_PROBLEMS: readonly ProblemStatus[] = [401, 403, 429];

/** What a query (a GET with minPosition) can answer besides its result. */
export const QUERY_PROBLEMS: readonly ProblemStatus[] = [400, ...SIGNED_IN_PROBLEMS, 503];

/**
 * A command's answers: `{ id, version, status, position }` with 200 (201 when it creates its
 * subject), and every refusal a command can meet; `unknownSubject` for a command on a subject
 * named in the path that may not exist (404).
 */
export function ApiCommand(
  options: { readonly created?: boolean; readonly unknownSubject?: boolean } = {},
): MethodDecorator {
  const status = options.created ? 201 : 200;
  return applyDecorators(
    ApiResponse({
      status,
      description:
        'Recorded; a repeat with the same Idempotency-Key answers the same and records nothing',
      type: CommandResponseBody,
    }),
    ApiProblems(
      400,
      ...SIGNED_IN_PROBLEMS,
      ...(options.unknownSubject ? ([404] as const) : []),
      409,
      412,
      413,
      415,
      422,
      503,
    ),
  );
}

/** The success answer of a route: `type` as JSON with `status` (200 unless told). */
export function ApiAnswer(
  type: Type<unknown>,
  description: string,
  status: 200 | 201 | 202 = 200,
): MethodDecorator {
  return ApiResponse({ status, description, type });
}

/**
 * A read's answers: `type` as JSON, and what any query can meet (bad input, no token or role,
 * too many requests, minPosition not reached in time); `extra` for its own (404 for one subject).
 */
export function ApiRead(
  type: Type<unknown>,
  description: string,
  ...extra: ProblemStatus[]
): MethodDecorator {
  return applyDecorators(ApiAnswer(type, description), ApiProblems(...QUERY_PROBLEMS, ...extra));
}

/**
 * The answer of a route that offers other representations besides JSON (content-negotiation.ts):
 * `type` as JSON, each other media type as text, with what it is.
 */
export function ApiNegotiated(
  type: Type<unknown>,
  description: string,
  others: Readonly<Record<string, { readonly description: string; readonly example?: string }>>,
  headers?: HeadersObject,
): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(type),
    ApiResponse({
      status: 200,
      description,
      ...(headers && { headers }),
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        ...Object.fromEntries(
          Object.entries(others).map(([mediaType, { description: text, example }]) => [
            mediaType,
            { schema: { type: 'string', description: text, ...(example && { example }) } },
          ]),
        ),
      },
    }),
  );
}
