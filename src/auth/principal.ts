import { isRole, type Actor, type Role } from '../shared/actor';

/**
 * Who a verified token speaks for. `roles` holds only the roles of DOMAIN.md that the holder
 * can act in: unknown roles are dropped, and so is `district_officer` without a `district`
 * claim (a district officer is bound to one district, so without it the role is unusable).
 */
export interface Principal {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly district?: string;
}

/** The claims we read; everything else in the token is ignored. */
export interface PrincipalClaims {
  readonly sub?: unknown;
  readonly name?: unknown;
  readonly roles?: unknown;
  readonly district?: unknown;
  /** The registering unit's code: the name of `district` since communes register. */
  readonly unit?: unknown;
}

/**
 * Token names since communes stand directly under the province: the role `unit_officer` with
 * the claim `unit` is the officer of a registering unit (a district until 2025, a commune
 * since), the same as `district_officer` with `district`, which keeps working.
 */
const UNIT_OFFICER = 'unit_officer';

/** The unit claim, or the district claim; two that disagree bind to neither. */
function unitOf(claims: PrincipalClaims): string | undefined {
  const unit = text(claims.unit);
  const district = text(claims.district);
  if (unit !== undefined && district !== undefined && unit !== district) return undefined;
  return unit ?? district;
}

const MAX_CLAIM_LENGTH = 200;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_CLAIM_LENGTH
    ? value
    : undefined;
}

/** The principal of verified claims, or undefined when the token names no subject. */
export function principalFromClaims(claims: PrincipalClaims): Principal | undefined {
  const sub = text(claims.sub);
  if (sub === undefined) return undefined;
  const district = unitOf(claims);
  const declared = Array.isArray(claims.roles)
    ? claims.roles
        .map((role: unknown): unknown => (role === UNIT_OFFICER ? 'district_officer' : role))
        .filter(isRole)
    : [];
  const roles = [...new Set(declared)].filter(
    (role) => role !== 'district_officer' || district !== undefined,
  );
  return {
    sub,
    name: text(claims.name) ?? sub,
    roles,
    ...(district !== undefined && { district }),
  };
}

/**
 * The actor a principal acts as on a route: in the first of its roles (in the token's order)
 * that the route allows, or its first role when the route names none. Undefined when none fits.
 * The district goes with the actor only when it acts as a district officer.
 */
export function actingActor(principal: Principal, allowed?: readonly Role[]): Actor | undefined {
  const role =
    allowed === undefined ? principal.roles[0] : principal.roles.find((r) => allowed.includes(r));
  if (role === undefined) return undefined;
  return {
    sub: principal.sub,
    name: principal.name,
    role,
    ...(role === 'district_officer' &&
      principal.district !== undefined && { district: principal.district }),
  };
}

/**
 * The principal once per role it holds, in the token's order: what a route would make of it
 * in each role (see actingActor). The actions a caller is offered are taken from these.
 */
export function actorsOf(principal: Principal): Actor[] {
  return principal.roles.map((role) => ({
    sub: principal.sub,
    name: principal.name,
    role,
    ...(role === 'district_officer' &&
      principal.district !== undefined && { district: principal.district }),
  }));
}
