import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemFor } from './problem-details';

/**
 * What the HTTP server itself enforces, before any route runs: how long a client may take
 * to send its request, how long an idle connection is kept, and how the errors Node's HTTP
 * parser answers by itself (408, 431, a request it cannot read) are written: as problem
 * documents, like every other error (API.md).
 */

/** Milliseconds; 0 turns a timeout off where the setting allows it. */
export interface HttpTimeouts {
  /** The whole request, headers and body, must arrive within this (HTTP_REQUEST_TIMEOUT_MS). */
  readonly requestMs: number;
  /** The headers must arrive within this (HTTP_HEADERS_TIMEOUT_MS); at most requestMs. */
  readonly headersMs: number;
  /** An idle keep-alive connection is closed after this (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  readonly keepAliveMs: number;
  /** A connection with no byte in either direction for this long is closed (HTTP_CONNECTION_TIMEOUT_MS). */
  readonly connectionMs: number;
}

/**
 * Node checks the request and headers timeouts on a timer (every 30 s by default), so a slow
 * client would be cut off up to 30 s late: check at a quarter of the shortest timeout, at
 * most once a second.
 */
function checkingIntervalMs(timeouts: HttpTimeouts): number {
  const shortest = Math.min(...[timeouts.requestMs, timeouts.headersMs].filter((ms) => ms > 0));
  return Number.isFinite(shortest) ? Math.min(1000, Math.max(10, Math.floor(shortest / 4))) : 1000;
}

/** The Fastify options that apply the timeouts and write client errors as problems. */
export function serverLimitOptions(timeouts: HttpTimeouts) {
  return {
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.connectionMs,
    http: {
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: checkingIntervalMs(timeouts),
    },
    clientErrorHandler: clientErrorAsProblem,
  };
}

/** The refusals Node's HTTP server makes before there is a request (its own list, lib/_http_server.js). */
const CLIENT_ERRORS: Readonly<Record<string, { status: number; code: string; detail: string }>> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    detail: 'The request did not arrive in time',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    detail: 'The request line and headers are larger than the server takes (16 KB)',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    code: 'chunk_extensions_too_large',
    detail: 'The chunk extensions of the body are larger than the server takes',
  },
};
const MALFORMED = {
  status: 400,
  code: 'malformed_request',
  detail: 'The request is not valid HTTP',
};

/**
 * Fastify's `clientErrorHandler`: Node emits `clientError` when it refuses a connection's
 * request itself. Fastify's default answers application/json; this answers problem+json,
 * then closes the connection (the parser cannot go on after such an error).
 */
export function clientErrorAsProblem(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection is already gone: there is no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  this.log.debug({ status, code: error.code }, 'client error');
  // As Node does: answer only when no response has begun on this connection, or the answer
  // would be written into the middle of another one.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy(error);
    return;
  }
  const body = JSON.stringify(problemFor(new ProblemException(status, detail, { code })).problem);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
    // Written: now close both ways, even if the client goes on sending.
    () => socket.destroy(),
  );
}
