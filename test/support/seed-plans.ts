import type { Role } from '../../src/shared/actor';

export interface SeedPlans {
  /** `…/api/v1` of the running server. */
  readonly apiUrl: string;
  /** A token the server accepts for `role`. */
  tokenFor(role: Role): Promise<string>;
  readonly code: string;
  readonly name: string;
  readonly years: readonly number[];
}

/**
 * Opens a programme spanning `years` and the plan of each year over HTTP, as the admin and
 * the Center would: projects register against the plan of their year.
 */
export async function seedPlans({ apiUrl, tokenFor, code, name, years }: SeedPlans): Promise<void> {
  if (years.length === 0) return;
  const post = async (path: string, role: Role, body: unknown): Promise<void> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(role)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`Seeding ${path} failed: ${response.status} ${await response.text()}`);
  };
  await post('/programs', 'admin', {
    code,
    name,
    fromYear: Math.min(...years),
    toYear: Math.max(...years),
    budgets: [],
    targets: [],
  });
  for (const year of years)
    await post('/plans', 'center_officer', {
      year,
      programCode: code,
      registrationDeadline: `${year - 1}-05-20`,
    });
}
