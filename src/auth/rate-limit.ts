import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem-details';
import { sendProblem } from '../http/send-problem';
import type { JwtVerifier } from './jwt-verifier';

export interface RateLimitOptions {
  /** Requests per minute per key; 0 installs nothing. */
  readonly perMinute: number;
  readonly verifier: Pick<JwtVerifier, 'verify'>;
  /** The credential a request carries (bearer header, the dashboard's cookie), unverified. */
  readonly tokenOf: (request: FastifyRequest) => string | undefined;
}

const WINDOW_MS = 60_000;
// Keys kept per window (an LRU): enough that a flood of new addresses cannot evict the users.
const MAX_KEYS = 100_000;

/**
 * Request budgets, as a root `onRequest` hook, so every route has one: the API, /health, the
 * queue dashboard and the API docs (plain Fastify routes the Nest guards never see), before
 * any of them does work. The key is the verified `sub` of the token the request carries, so
 * users behind one proxy or NAT address each have their own budget; a request without a
 * token, or whose token does not verify (its 401 included), spends the budget of its client
 * address (`request.ip`: X-Forwarded-For only from a TRUST_PROXY proxy). So a flood of bad or
 * forged tokens never uses up the budget of the user it names, and an anonymous flood from
 * an address never locks out the signed-in users there. Verifying here costs one more
 * signature check per request (the guard checks again): cheap for HS256, and a JWKS key is
 * cached. Over budget: 429 problem+json with Retry-After (seconds left in the window).
 * Counts are per instance (an in-memory store).
 */
export async function installRateLimit(
  fastify: FastifyInstance,
  options: RateLimitOptions,
): Promise<void> {
  if (options.perMinute === 0) return;
  await fastify.register(rateLimit, { global: false, cache: MAX_KEYS });
  const limit = fastify.createRateLimit({
    max: options.perMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => clientKey(request, options),
  });
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const verdict = await limit(request);
    if (verdict.isAllowed || !verdict.isExceeded) return;
    const retryAfter = String(Math.max(1, verdict.ttlInSeconds));
    const refusal = new ProblemException(429, `Too many requests; try again in ${retryAfter} s`, {
      code: 'rate_limited',
      headers: { 'retry-after': retryAfter },
      params: { retryAfterSeconds: Number(retryAfter) },
    });
    return sendProblem(request, reply, refusal);
  });
}

async function clientKey(request: FastifyRequest, options: RateLimitOptions): Promise<string> {
  const token = options.tokenOf(request);
  if (token !== undefined) {
    try {
      return `sub:${(await options.verifier.verify(token)).sub}`;
    } catch {
      // Refused (or the identity provider is down): counted by address; the guard answers it.
    }
  }
  return `ip:${normalizeIP(request.ip)}`;
}
