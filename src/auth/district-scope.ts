import type { Actor } from '../shared/actor';
import { ForbiddenProblem, NotFoundProblem } from '../http/problem-details';
import type { Principal } from './principal';

/**
 * District scope (DOMAIN.md): a district officer never sees or touches another district's
 * projects. Every other role sees every district. Given an Actor, the role it acts in
 * decides; given a Principal, any role not bound to a district lets it see everything.
 */
export type Scoped = Actor | Principal;

function isActor(who: Scoped): who is Actor {
  return 'role' in who;
}

function isDistrictBound(who: Scoped): boolean {
  return isActor(who)
    ? who.role === 'district_officer'
    : who.roles.every((role) => role === 'district_officer');
}

export function canSeeDistrict(who: Scoped, district: string): boolean {
  return !isDistrictBound(who) || who.district === district;
}

/** The one district the caller may see, or undefined when it sees every district. */
export function boundDistrict(who: Scoped): string | undefined {
  return isDistrictBound(who) ? who.district : undefined;
}

/**
 * For reads and steps on an existing subject: a district officer asking about another
 * district's project gets the same 404 as for a project that does not exist (API.md), so
 * it cannot learn that it exists. Pass the caller's own not-found error to keep the answers identical.
 */
export function assertDistrictVisible(
  who: Scoped,
  district: string,
  notFound: () => Error = () => new NotFoundProblem(),
): void {
  if (!canSeeDistrict(who, district)) throw notFound();
}

/** For registering in a district: a district officer may only register in its own (403). */
export function assertOwnDistrict(who: Scoped, district: string): void {
  if (!canSeeDistrict(who, district)) {
    throw new ForbiddenProblem(
      'A district officer acts for its own district only',
      'other_district',
    );
  }
}
