import { parseArgs } from 'node:util';
import { checkLifetime, signDevToken, parseTtl } from '../auth/dev-token';
import { loadSettingsFromEnvironment } from '../config/settings';
import { isRole, ROLES, type Role } from '../shared/actor';

/**
 * Prints a development bearer token signed with the secret the server verifies with.
 *
 *   npm run token -- --role approver [--role auditor] [--sub u1] [--name "Trần Văn A"]
 *                    [--district bien-hoa] [--ttl 8h] [--allow-long-lifetime]
 *
 * Reads the same environment as the server (AUTH_JWT_SECRET, or DATA_DIR/dev-jwt-secret,
 * created if missing; AUTH_ISSUER, AUTH_AUDIENCE, AUTH_MAX_TOKEN_AGE). A --ttl longer than
 * AUTH_MAX_TOKEN_AGE is refused (the server would refuse the token); --allow-long-lifetime
 * mints it outside production only. Only the token goes to stdout, so
 * `TOKEN=$(npm run -s token -- --role approver)` works.
 */
const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--role ...] [--sub id] [--name "..."] [--district code] [--ttl 8h] [--allow-long-lifetime]`;

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      name: { type: 'string' },
      district: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      'allow-long-lifetime': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const roles = values.role ?? [];
  if (roles.length === 0) throw new Error(`--role is required\n${USAGE}`);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0)
    throw new Error(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);

  const settings = loadSettingsFromEnvironment(process.env);
  const ttlSeconds = parseTtl(values.ttl);
  checkLifetime(ttlSeconds, settings.auth, {
    nodeEnv: settings.nodeEnv,
    allowLongLifetime: values['allow-long-lifetime'],
  });
  const first = roles[0] as Role;
  const token = await signDevToken(
    settings.auth,
    {
      sub: values.sub ?? `dev-${first}`,
      name: values.name ?? `Dev ${first}`,
      roles: roles as Role[],
      district: values.district,
      ttlSeconds,
    },
    Math.floor(Date.now() / 1000),
  );
  process.stdout.write(`${token}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
