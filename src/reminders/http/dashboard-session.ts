import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import type { JwtVerifier } from '../../auth/jwt-verifier';
import type { Principal } from '../../auth/principal';
import { bearerTokenOf } from '../../auth/request-auth';
import {
  ForbiddenProblem,
  UnauthorizedProblem,
  ValidationProblem,
} from '../../http/problem-details';
import { sendProblem } from '../../http/send-problem';

/**
 * How a browser holds the queue dashboard's admin token: a sign-in route puts it in a cookie
 * the page's scripts cannot read (HttpOnly), that no other site can make the browser send
 * (SameSite=Strict, and a same-origin check on every state-changing request), sent only to
 * the dashboard (Path), only over TLS when the request came over TLS, for a bounded time.
 * The token travels in a POST body or header, never in a URL (URLs end up in logs and history).
 */

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'kc_admin_token';
export const SIGN_IN_PATH = `${QUEUE_DASHBOARD_PATH}/sign-in`;
/** A dashboard session ends after a working day at most, or when its token expires if sooner. */
export const DASHBOARD_SESSION_MAX_SECONDS = 8 * 60 * 60;

// A compact JWS: three base64url parts. Anything else in the cookie is refused unread.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_FORM_BYTES = 16 * 1024;

/** The dashboard cookie's value as sent (undefined without one); parsing never throws. */
function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined || header === '') return undefined;
  try {
    return fastifyCookie.parse(header)[QUEUE_DASHBOARD_COOKIE];
  } catch {
    return '';
  }
}

/**
 * The token a dashboard request carries: the bearer header, else the cookie. A value that is
 * not a compact JWS comes back as '' (present but malformed), for the rate limiter to count by
 * address and for `adminOf` to refuse with a 401.
 */
export function dashboardTokenOf(request: FastifyRequest): string | undefined {
  const token = bearerTokenOf(request) ?? cookieToken(request);
  if (token === undefined) return undefined;
  return COMPACT_JWS.test(token) ? token : '';
}

/** The admin a request signs in as; 401 / 403 problems otherwise. */
async function adminOf(verifier: JwtVerifier, token: string | undefined): Promise<Principal> {
  if (token === undefined) {
    throw new UnauthorizedProblem(
      `A bearer token is required: sign in at ${SIGN_IN_PATH}`,
      'token_missing',
    );
  }
  if (!COMPACT_JWS.test(token))
    throw new UnauthorizedProblem('The token is not valid', 'invalid_token');
  const principal = await verifier.verify(token);
  if (!principal.roles.includes('admin'))
    throw new ForbiddenProblem('The queue dashboard is for admins only', 'role_not_allowed');
  return principal;
}

/** onRequest hook of the board's routes: admins only. */
export function adminOnly(verifier: JwtVerifier) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> => {
    try {
      await adminOf(verifier, dashboardTokenOf(request));
    } catch (error) {
      return sendProblem(request, reply, error);
    }
  };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Why a state-changing request may come from another site's page, or undefined when it comes
 * from ours. The browser's Origin decides; without it, Sec-Fetch-Site, then the Referer.
 * Browsers send at least one of them on such requests: one with none, that carries the
 * cookie, is refused; one with none and no cookie (a script with its token in a header or
 * body, which no other site can make a browser send) passes.
 */
function crossOriginReason(request: FastifyRequest): string | undefined {
  const own = `${request.protocol}://${request.host}`;
  const origin = header(request, 'origin');
  if (origin !== undefined) return origin === own ? undefined : `Origin ${origin} is not ${own}`;
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' ? undefined : `Sec-Fetch-Site is ${site}`;
  const referer = header(request, 'referer');
  if (referer !== undefined)
    return originOf(referer) === own ? undefined : `the Referer is not a page of ${own}`;
  return cookieToken(request) === undefined
    ? undefined
    : 'a request with the dashboard cookie must say where it comes from (Origin)';
}

/** onRequest hook of the whole dashboard: state-changing requests from our own pages only. */
export async function sameOriginOnly(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | void> {
  if (SAFE_METHODS.has(request.method)) return;
  const reason = crossOriginReason(request);
  if (reason !== undefined) {
    return sendProblem(
      request,
      reply,
      new ForbiddenProblem(`Cross-origin request refused: ${reason}`, 'cross_origin_request'),
    );
  }
}

/** Seconds the session cookie may live: until the token expires, at most a working day. */
function sessionSeconds(token: string, nowSeconds: number): number {
  const { exp } = decodeJwt(token);
  const left = typeof exp === 'number' ? Math.floor(exp - nowSeconds) : 0;
  return Math.max(0, Math.min(left, DASHBOARD_SESSION_MAX_SECONDS));
}

function tokenFromBody(body: unknown): string | undefined {
  const token = (body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token.trim() !== '' ? token.trim() : undefined;
}

const SIGN_IN_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập bảng hàng đợi nhắc việc</title></head>
<body>
<h1>Bảng hàng đợi nhắc việc</h1>
<form method="post" action="${SIGN_IN_PATH}">
<label>Mã truy cập (token) của quản trị viên
<input type="password" name="token" autocomplete="off" required></label>
<button type="submit">Đăng nhập</button>
</form>
<form method="post" action="${QUEUE_DASHBOARD_PATH}/sign-out"><button type="submit">Đăng xuất</button></form>
</body></html>
`;

/**
 * The sign-in page (GET), sign-in (POST: `token` in a form or JSON body, or a bearer header;
 * an admin's token only; answers 303 to the board with the cookie set) and sign-out (POST:
 * the cookie cleared, 303 to the sign-in page). Registered in the dashboard's scope, where
 * `sameOriginOnly` already guards both POSTs.
 */
export function registerDashboardSession(scope: FastifyInstance, verifier: JwtVerifier): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const cookie = (request: FastifyRequest, value: string, maxAge: number) =>
    fastifyCookie.serialize(QUEUE_DASHBOARD_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      path: QUEUE_DASHBOARD_PATH,
      secure: request.protocol === 'https',
      maxAge,
    });

  scope.get('/sign-in', async (_request, reply) =>
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(SIGN_IN_PAGE),
  );

  scope.post('/sign-in', async (request, reply) => {
    try {
      const token = bearerTokenOf(request) ?? tokenFromBody(request.body);
      if (token === undefined) {
        throw new ValidationProblem([
          {
          field: 'token',
          message: "The admin's bearer token is required",
          constraint: 'isDefined',
        },
        ]);
      }
      await adminOf(verifier, token);
      const maxAge = sessionSeconds(token, Math.floor(Date.now() / 1000));
      return reply
        .code(303)
        .header('set-cookie', cookie(request, token, maxAge))
        .header('cache-control', 'no-store')
        .header('location', QUEUE_DASHBOARD_PATH)
        .send();
    } catch (error) {
      return sendProblem(request, reply, error);
    }
  });

  scope.post('/sign-out', async (request, reply) =>
    reply
      .code(303)
      .header('set-cookie', cookie(request, '', 0))
      .header('location', SIGN_IN_PATH)
      .send(),
  );
}
