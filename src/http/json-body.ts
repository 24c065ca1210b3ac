import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { preferredProblemLanguage } from './accept-language';
import { structureRefusal, type JsonBodyLimits, type StructureRefusal } from './json-structure';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  problemFor,
  ValidationProblem,
  type Violation,
} from './problem-details';

/** The problem a body refused by its structure is answered with. */
export function structureProblem(
  refusal: Exclude<StructureRefusal, { kind: 'invalid' }>,
): ProblemException {
  const errors: Violation[] = [
    {
      field: refusal.field,
      message: refusal.message,
      constraint: refusal.constraint,
      params: 'max' in refusal && refusal.max !== undefined ? { max: refusal.max } : undefined,
    },
  ];
  switch (refusal.kind) {
    case 'limit':
      return new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        `The body is larger than the server takes: ${refusal.message}`,
        { code: 'body_limit_exceeded', errors },
      );
    case 'key':
      return new ProblemException(HttpStatus.BAD_REQUEST, refusal.message, {
        slug: 'malformed-request',
        title: 'Malformed request',
        code: refusal.code,
        errors,
      });
    case 'shape':
      return new ValidationProblem(errors);
  }
}

/**
 * Replaces Fastify's JSON parser: the structure check above on the text first, then the same
 * parser (its protection against prototype poisoning kept as a second line). A refused body
 * is a 4xx problem, never a crash or a long validation further in.
 */
export function guardJsonBodies(instance: FastifyInstance, limits: JsonBodyLimits): void {
  const parse = instance.getDefaultJsonParser('error', 'error');
  instance.removeContentTypeParser('application/json');
  instance.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request, body, done) => {
      const refusal = structureRefusal(body as string, limits);
      if (refusal !== undefined && refusal.kind !== 'invalid')
        return done(structureProblem(refusal));
      parse(request, body as string, (error, value) => {
        if (error) return done(error);
        // Text the scan could not read but JSON.parse could would have skipped every check.
        if (refusal !== undefined)
          return done(
            new ValidationProblem([
              { field: 'body', message: 'The body is not plain JSON', constraint: 'plainJson' },
            ]),
          );
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
  const { problem, headers } = problemFor(
    refusal,
    request.url.split('?', 1)[0],
    preferredProblemLanguage(request.headers['accept-language']),
  );
  void reply
    .status(problem.status)
    .headers(headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}
