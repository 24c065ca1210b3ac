import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  problemFor,
  ValidationProblem,
} from './problem-details';

/** Our bodies nest three levels at most; anything far deeper is refused before validation recurses into it. */
export const MAX_BODY_DEPTH = 32;

/**
 * What JSON allows but the engine cannot keep: nesting deep enough to exhaust the validators'
 * recursion, and strings with a lone UTF-16 surrogate ("\ud800"), which are not Unicode text
 * and have no canonical form to hash. Walked without recursion, so no depth can overflow it.
 */
export function bodyShapeProblem(body: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return 'holds text that is not valid Unicode (a lone surrogate)';
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return `nests deeper than ${MAX_BODY_DEPTH} levels`;
    for (const [key, child] of Object.entries(value)) {
      if (!key.isWellFormed()) return 'holds a key that is not valid Unicode (a lone surrogate)';
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Replaces Fastify's JSON parser with the same parser (its protection against prototype
 * poisoning kept) followed by the shape check above: such a body is a 400 problem, never a
 * crash further in.
 */
export function guardJsonBodies(instance: FastifyInstance): void {
  const parse = instance.getDefaultJsonParser('error', 'error');
  instance.removeContentTypeParser('application/json');
  instance.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request, body, done) => {
      parse(request, body as string, (error, value) => {
        if (error) return done(error);
        const problem = bodyShapeProblem(value);
        if (problem)
          return done(new ValidationProblem([{ field: 'body', message: `The body ${problem}` }]));
        done(null, value);
      });
    },
  );
}

/**
 * Errors Fastify's router answers by itself (a malformed URL, a path parameter too long):
 * problem+json like every other error (API.md).
 */
export function frameworkErrorAsProblem(
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode ?? 400;
  const refusal =
    status < 500 ? new ProblemException(status, error.message, { code: 'malformed_url' }) : error;
  const { problem, headers } = problemFor(refusal, request.url.split('?', 1)[0]);
  void reply
    .status(problem.status)
    .headers(headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}
