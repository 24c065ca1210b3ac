import { SignJWT } from 'jose';
import type { TestServer } from './test-server';

/**
 * A token as an identity provider would issue it since communes register: the role
 * `unit_officer` and the claim `unit` (the test server's own `token()` speaks the older
 * `district_officer`/`district`, which the server still takes).
 */
export async function unitOfficerToken(
  server: TestServer,
  unit: string,
  name = 'Cán bộ',
): Promise<string> {
  const { secret } = server.settings.auth as { secret: string };
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name, roles: ['unit_officer'], unit })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(`unit-officer-${unit}`)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(secret));
}
