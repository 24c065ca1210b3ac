import { createParamDecorator, type CustomDecorator, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor, Role } from '../shared/actor';
import { ForbiddenProblem } from '../http/problem-details';
import { authOf } from './request-auth';
import type { Principal } from './principal';

/** Route metadata: the roles allowed (method overrides class). Read by AuthGuard. */
export const RouteRoles = Reflector.createDecorator<readonly Role[]>();

/** Route metadata: no authentication. Read by AuthGuard. */
export const PublicRoute = Reflector.createDecorator<boolean>();

/** The route (or every route of the controller) needs no token: health, docs. */
export const Public = (): CustomDecorator => PublicRoute(true);

/**
 * Only principals holding one of these roles may call the route (403 otherwise). Without
 * `@Roles`, any authenticated principal may. On a method it replaces the controller's roles.
 */
export function Roles(...roles: Role[]): CustomDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  return RouteRoles(roles);
}

/**
 * The Actor the caller acts as on this route: the first of its token's roles that `@Roles`
 * allows (a user with roles [auditor, approver] on an approver route acts as approver).
 * 403 if there is none (a route without `@Roles` and a token without roles).
 */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const actor = authOf(context.switchToHttp().getRequest())?.actor;
    if (!actor) throw new ForbiddenProblem('Your token grants no role to act in', 'no_role');
    return actor;
  },
);

/** The verified principal (all its roles); undefined on a @Public() route. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => {
    return authOf(context.switchToHttp().getRequest())?.principal;
  },
);
