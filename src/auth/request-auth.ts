import type { Actor } from '../shared/actor';
import type { Principal } from './principal';

/** What AuthGuard learned about a request: who sent it and as whom it acts on this route. */
export interface RequestAuth {
  readonly principal: Principal;
  /** Undefined when none of the principal's roles fits the route. */
  readonly actor?: Actor;
}

// Keyed by the request object, so nothing is added to Fastify's request shape.
const byRequest = new WeakMap<object, RequestAuth>();

export function setAuth(request: object, auth: RequestAuth): void {
  byRequest.set(request, auth);
}

/** The authentication of a request (undefined on a @Public() route or before the guard ran). */
export function authOf(request: object): RequestAuth | undefined {
  return byRequest.get(request);
}

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i;

/** The token of an `Authorization: Bearer <token>` header, when there is a well-formed one. */
export function bearerTokenOf(request: {
  readonly headers: { authorization?: string };
}): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}
