import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  problemFor,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
} from './problem-details';
import { preferredProblemLanguage } from './accept-language';

/**
 * The one exception filter: every error of an HTTP request, including Fastify's body parsing
 * errors and unknown routes, leaves as `application/problem+json` (see problemFor for the
 * mapping). Faults of ours are logged with the request's logger (request id, actor) and never
 * shown to the client.
 *
 * Register globally, either `{ provide: APP_FILTER, useClass: ProblemDetailsFilter }` in the
 * app module or `app.useGlobalFilters(new ProblemDetailsFilter())` in main.ts.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // The client went away while its body was being read (it reset, or a timeout cut it
    // off): nobody is left to answer, and it is no fault of ours to log as one.
    // (The request stream itself is destroyed after every body read, so ask the socket.)
    if (request.raw.socket?.destroyed) {
      request.log.debug({ err: exception }, 'client went away');
      return;
    }
    const { problem, headers, unexpected } = problemFor(
      exception,
      pathOf(request.url),
      preferredProblemLanguage(request.headers['accept-language']),
    );

    if (unexpected) request.log.error({ err: exception }, 'request failed');
    else request.log.debug({ status: problem.status, code: problem.code }, 'request refused');

    if (reply.sent) return;
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    // The rate limiter sets its own Retry-After (time left in the window) before throwing.
    if (problem.status === 429 && !reply.hasHeader('retry-after'))
      reply.header('retry-after', String(RATE_LIMIT_RETRY_AFTER_SECONDS));
    reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

/** The path without the query string, which may carry values we do not echo. */
function pathOf(url: string | undefined): string | undefined {
  return url?.split('?', 1)[0];
}
