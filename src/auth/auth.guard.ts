import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenProblem, UnauthorizedProblem } from '../http/problem-details';
import { bindLogContext } from '../logging/logger';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { isCenterUnit, registeringKeyOf } from '../reference-data/registering-units';
import { PublicRoute, RouteRoles } from './auth.decorators';
import { JwtVerifier } from './jwt-verifier';
import { actingActor, type Principal } from './principal';
import { setAuth } from './request-auth';

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i;

/**
 * Authenticates every route unless it is @Public(): a valid `Authorization: Bearer <JWT>`
 * (401 otherwise), then, on a route with @Roles, one of those roles (403 otherwise). It
 * records the principal and the acting actor for @CurrentPrincipal() / @CurrentActor(), and
 * adds the actor's subject to the request's log lines.
 *
 * Global: `{ provide: APP_GUARD, useClass: AuthGuard }` (AuthModule does this).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly referenceData: ReferenceDataService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(PublicRoute, targets) === true) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedProblem('A bearer token is required', 'token_missing');
    const verified = await this.verifier.verify(match[1]);
    const principal = this.asRegisteringUnit(verified);
    bindLogContext(request, http.getResponse<FastifyReply>(), { actorSub: principal.sub });

    const allowed = this.reflector.getAllAndOverride(RouteRoles, targets);
    const actor = actingActor(principal, allowed);
    setAuth(request, { principal, actor });
    if (allowed !== undefined && actor === undefined) {
      throw new ForbiddenProblem(
        `This step needs one of the roles: ${allowed.join(', ')}`,
        'role_not_allowed',
        { roles: allowed },
      );
    }
    return true;
  }

  /**
   * A unit named by its official code acts under the key its registrations are recorded with.
   * The Center's own unit has no officer of its own: a token that names it is no unit officer
   * (the role is dropped, as for a unit and a district that disagree); the Center's officers
   * act as `center_officer`.
   */
  private asRegisteringUnit(verified: Principal): Principal {
    if (verified.district === undefined) return verified;
    const reference = this.referenceData.current();
    const district = registeringKeyOf(reference, verified.district);
    if (!isCenterUnit(reference, district)) return { ...verified, district };
    const { district: _center, ...rest } = verified;
    return { ...rest, roles: verified.roles.filter((role) => role !== 'district_officer') };
  }
}
