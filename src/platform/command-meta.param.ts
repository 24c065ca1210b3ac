import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authOf } from '../auth/request-auth';
import { commandIdFor } from '../kernel/command-ids';
import { ForbiddenProblem } from '../http/problem-details';
import { bindLogContext } from '../logging/logger';
import type { CommandMeta } from '../kernel/command-meta';
import { parseIdempotencyKey, parseIfMatch } from './command-headers';

/**
 * What a command carries from its HTTP request: the acting actor (set by AuthGuard), a
 * command id (derived from Idempotency-Key when given), the If-Match version and the
 * request id. Every later log line of the request names the command (and, from the guard, the actor).
 */
export const CommandMetaParam = createParamDecorator((_data: unknown, context: ExecutionContext): CommandMeta => {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest>();
  const actor = authOf(request)?.actor;
  if (!actor) throw new ForbiddenProblem('Your token grants no role to act in', 'no_role');
  const key = parseIdempotencyKey(request.headers['idempotency-key']);
  const expectedVersion = parseIfMatch(request.headers['if-match']);
  const commandId = commandIdFor(actor.sub, key);
  // The guard already named the actor in the request's log lines; the command id is new here.
  bindLogContext(request, http.getResponse<FastifyReply>(), { commandId });
  return {
    commandId,
    actor,
    correlationId: request.id,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
});
