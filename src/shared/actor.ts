/** The roles of DOMAIN.md. */
export const ROLES = [
  'district_officer',
  'center_officer',
  'approver',
  'finance_officer',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who acts: the token's subject and name, the role the step is taken in, and the district a district officer is bound to. */
export interface Actor {
  readonly sub: string;
  readonly name: string;
  readonly role: Role;
  readonly district?: string;
}
