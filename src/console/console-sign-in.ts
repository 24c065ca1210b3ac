import type { Settings } from '../config/settings';
import type { ReferenceData } from '../reference-data/reference-data';
import { registeringUnits, unitCodeOf } from '../reference-data/registering-units';
import type { BusinessDate } from '../shared/business-date';

/**
 * How the console signs in (issue 12): with the configured identity provider, or, in
 * development only, by the "đăng nhập thử" page that asks this server for a token.
 */

/** The roles the console offers, in the names tokens carry (`unit_officer` for a unit's officer). */
export const CONSOLE_ROLES = [
  'unit_officer',
  'center_officer',
  'approver',
  'finance_officer',
  'auditor',
  'admin',
] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** Development sign-in exists only without an identity provider and outside production. */
export function devSignInAllowed(settings: Settings): boolean {
  return (
    settings.nodeEnv !== 'production' &&
    settings.auth.kind === 'hs256' &&
    settings.oidc === undefined
  );
}

export interface ConsoleConfig {
  readonly signIn: 'development' | 'oidc';
  readonly oidc: {
    readonly issuer: string;
    readonly clientId: string;
    readonly scopes: readonly string[];
  } | null;
  readonly roles: readonly ConsoleRole[];
  /** The registering units in force today, for the development sign-in page (before any token). */
  readonly units?: readonly { readonly code: string; readonly name: string }[];
}

export function consoleConfig(
  settings: Settings,
  reference: ReferenceData,
  today: BusinessDate,
): ConsoleConfig {
  const development = devSignInAllowed(settings);
  const oidc = settings.oidc
    ? {
        issuer: settings.oidc.issuer,
        clientId: settings.oidc.clientId,
        scopes: settings.oidc.scopes,
      }
    : null;
  if (!development) return { signIn: 'oidc', oidc, roles: CONSOLE_ROLES };
  const units = Object.entries(registeringUnits(reference))
    .filter(
      ([, unit]) =>
        // The Center's own unit has no unit officer: its tasks are the Center officers'.
        unit.center !== true &&
        (unit.validFrom === undefined || unit.validFrom <= today) &&
        (unit.validTo === undefined || unit.validTo >= today),
    )
    .map(([key, unit]) => ({ code: unitCodeOf(reference, key), name: unit.name }));
  return { signIn: 'development', oidc, roles: CONSOLE_ROLES, units };
}
