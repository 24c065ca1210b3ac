import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredProblemLanguage } from './accept-language';
import { PROBLEM_CONTENT_TYPE, problemFor } from './problem-details';

/**
 * Answers `error` as problem+json from a plain Fastify hook or route (the rate limit, the
 * queue dashboard), where Nest's exception filter does not run. Returns the reply, as an
 * async hook must after sending.
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const { problem, headers, unexpected } = problemFor(
    error,
    request.url.split('?', 1)[0],
    preferredProblemLanguage(request.headers['accept-language']),
  );
  if (unexpected) request.log.error({ err: error }, 'request failed');
  return reply
    .code(problem.status)
    .headers(headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}
