import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Every request has an id: the caller's `X-Request-Id` when it is a sane token (so a trace
 * spans systems), otherwise a fresh UUID. It is in every log line of the request and echoed
 * in the response, and command handlers record it as the events' correlation id.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

// Ids end up in logs and headers: no spaces, quotes or control characters, bounded length.
const SANE_ID = /^[\w.:@/+=-]{1,128}$/;

/** Fastify's `genReqId`. */
export function genReqId(request: { readonly headers: IncomingHttpHeaders }): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

/**
 * An `onRequest` hook that echoes the id in the response (errors and 404s included). Add it
 * to the Fastify instance before Nest registers routes:
 * `adapter.getInstance().addHook('onRequest', echoRequestId)`.
 */
export function echoRequestId(
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  reply.header(REQUEST_ID_HEADER, request.id);
  done();
}
