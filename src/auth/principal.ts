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
  const district = text(claims.district);
  const declared = Array.isArray(claims.roles) ? claims.roles.filter(isRole) : [];
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
