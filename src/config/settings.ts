import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { JsonBodyLimits } from '../http/json-structure';
import type { HttpTimeouts } from '../http/server-limits';
import { DomainError } from '../shared/domain-error';
import {
  resolveReminderSettings,
  type ReminderSettings,
  type ReminderSettingsOverrides,
} from '../reminders/rules/reminder-settings';
import { DEFAULT_PROJECT_RULES } from '../projects/domain/project.context';

/**
 * The application's configuration: environment variables read and validated once, at start.
 * A bad value throws an Error whose message starts with the variable's name, so start-up
 * stops with a message an operator can act on.
 *
 * `loadSettings` is pure (no file, no clock, no randomness): the development JWT secret comes
 * from the `devJwtSecret` callback, which `loadSettingsFromEnvironment` wires to
 * `resolveDevJwtSecret` (the file DATA_DIR/dev-jwt-secret, shared with `npm run token`).
 * An empty variable (`PORT=`) counts as unset.
 */

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type EventStoreSettings =
  | { readonly kind: 'sqlite' }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/** Where the HS256 secret came from: the environment, or the development file (read, or created now). */
export type JwtSecretSource = 'env' | 'dev-file' | 'dev-file-created';

export type AuthSettings = (
  | { readonly kind: 'hs256'; readonly secret: string; readonly secretSource: JwtSecretSource }
  | { readonly kind: 'jwks'; readonly jwksUrl: string }
) & {
  /** Expected `iss`; required in production, not checked when unset elsewhere. */
  readonly issuer?: string;
  /** Expected `aud`; required in production, not checked when unset elsewhere. */
  readonly audience?: string;
  /**
   * AUTH_MAX_TOKEN_AGE: the oldest token accepted, in seconds after its `iat` (which is then
   * required), and the longest lifetime (`exp` − `iat`) a token may claim. Unset: 8 hours.
   */
  readonly maxTokenAgeSeconds?: number;
  /** AUTH_CLOCK_SKEW: leeway between our clock and the issuer's, for `exp`, `nbf` and `iat`. */
  readonly clockSkewSeconds?: number;
};

/** A working day: a token minted in the morning serves until the evening, not longer. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 8 * 3600;
/** Servers keep NTP time; a future `iat` beyond this is a forgery or a broken clock. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 30;

/**
 * The identity provider the console signs in with (OpenID Connect, authorization code + PKCE):
 * OIDC_ISSUER (discovery from `<issuer>/.well-known/openid-configuration`) and OIDC_CLIENT_ID,
 * the console's public client. The server itself keeps verifying tokens with AUTH_JWKS_URL.
 */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

export interface NotifySettings {
  readonly webhookUrl?: string;
  /** Signs webhook bodies (HMAC) so the receiver can check they come from us. */
  readonly webhookSecret?: string;
  readonly smtpUrl?: string;
}

/** Delivery of reminders (src/reminders). */
export interface ReminderDeliverySettings {
  /** Delivery attempts per reminder before its job stays in the failed set. */
  readonly attempts: number;
  /** First retry delay; each next one doubles (exponential backoff). */
  readonly backoffMs: number;
  /** The rules' thresholds: the defaults of DOMAIN.md with REMINDER_RULES (JSON) over them. */
  readonly rules: ReminderSettings;
}

/**
 * Whom Fastify believes about the client (`trustProxy`): nobody (false), or the proxies at
 * these addresses or CIDR ranges. Only a trusted proxy's X-Forwarded-For / -Proto / -Host
 * count: the client address the rate limits key on, and whether a request came over TLS (the
 * dashboard cookie's Secure flag, its same-origin check). No hop count: it cannot tell the
 * proxy from a client that connects directly and forges the header (Fastify 5 ignores one).
 */
export type TrustProxy = false | readonly string[];

export interface Settings {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: EventStoreSettings;
  readonly auth: AuthSettings;
  /** Set: the console signs in with this provider, and development sign-in does not exist. */
  readonly oidc?: OidcSettings;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly reminderCron: string;
  readonly notify: NotifySettings;
  readonly reminders: ReminderDeliverySettings;
  /** Requests per minute per signed-in user, or per client address without a valid token; 0 turns rate limiting off. */
  readonly rateLimitPerMinute: number;
  readonly trustProxy: TrustProxy;
  readonly bodyLimitBytes: number;
  /** The structure a JSON body may have, checked before it is parsed (src/http/json-structure.ts). */
  readonly jsonLimits: JsonBodyLimits;
  /** Request, headers, keep-alive and idle connection timeouts (src/http/server-limits.ts). */
  readonly httpTimeouts: HttpTimeouts;
  /** Advances before acceptance may reach this share (0..100) of the approved funding. */
  readonly advanceCapPercent: number;
  readonly logLevel: LogLevel;
  /** Events per transaction when the server rebuilds its read models (the admin endpoint). */
  readonly rebuildPageSize: number;
}

/** Nest injection token for the validated `Settings` (provided by SettingsModule). */
export const SETTINGS = Symbol('SETTINGS');

/** The development secret: its value and whether it was created just now. */
export interface DevJwtSecret {
  readonly secret: string;
  readonly created: boolean;
}

export interface LoadSettingsOptions {
  /**
   * Supplies the HS256 secret outside production when AUTH_JWT_SECRET and AUTH_JWKS_URL are
   * both unset. Without it, AUTH_JWT_SECRET is required in every environment.
   */
  readonly devJwtSecret?: (dataDir: string) => DevJwtSecret;
}

/** HS256 keys shorter than the hash output weaken the MAC (RFC 7518 §3.2). */
export const MIN_JWT_SECRET_LENGTH = 32;

export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';

type Env = Readonly<Record<string, string | undefined>>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function fail(name: string, problem: string): never {
  throw new Error(`${name} ${problem}`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) fail(name, `must be a whole number, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    fail(name, `must be between ${min} and ${max}, got ${value}`);
  return n;
}

const DURATION = /^(\d+)([smhd]?)$/;
const DURATION_UNIT: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds, written `90`, `90s`, `30m`, `8h` or `7d`. */
function durationSeconds(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const match = DURATION.exec(value);
  if (!match) fail(name, `must be a duration such as 3600, 30m, 8h or 1d, got "${value}"`);
  const seconds = Number(match[1]) * DURATION_UNIT[match[2]];
  if (!Number.isSafeInteger(seconds) || seconds < min || seconds > max)
    fail(name, `must be between ${min} and ${max} seconds, got "${value}"`);
  return seconds;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    fail(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return fail(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) fail(name, `must be a ${protocols.join(' or ')} URL`);
  return value;
}

/**
 * A URL whose user:password@ would travel everywhere the URL does (start-up log, errors):
 * refused; the webhook's secret has its own variable.
 */
function webhookUrl(env: Env): string | undefined {
  const value = url(env, 'NOTIFY_WEBHOOK_URL', ['https:', 'http:']);
  if (value === undefined) return undefined;
  const parsed = new URL(value);
  if (parsed.username !== '' || parsed.password !== '')
    fail(
      'NOTIFY_WEBHOOK_URL',
      'must not carry credentials (user:password@): secrets belong in NOTIFY_WEBHOOK_SECRET',
    );
  return value;
}

// Five fields (minute..weekday) or six (with seconds), in the characters cron syntax uses.
const CRON = /^(\S+\s+){4,5}\S+$/;
const CRON_FIELD = /^[\d*,/?LW#A-Za-z-]+$/;

function cron(env: Env, name: string, fallback: string): string {
  const value = raw(env, name) ?? fallback;
  if (!CRON.test(value) || !value.split(/\s+/).every((field) => CRON_FIELD.test(field))) {
    fail(name, `must be a cron expression with 5 or 6 fields, got "${value}"`);
  }
  return value;
}

function reminderRules(env: Env): ReminderSettings {
  const value = raw(env, 'REMINDER_RULES');
  if (value === undefined) return resolveReminderSettings();
  let overrides: unknown;
  try {
    overrides = JSON.parse(value);
  } catch {
    return fail('REMINDER_RULES', 'must be JSON, e.g. {"appraisalPending":{"afterDays":10}}');
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides))
    fail('REMINDER_RULES', 'must be a JSON object');
  try {
    return resolveReminderSettings(overrides as ReminderSettingsOverrides);
  } catch (error) {
    if (error instanceof DomainError) fail('REMINDER_RULES', `is not valid: ${error.message}`);
    throw error;
  }
}

// The named ranges Fastify's proxy-addr knows, besides addresses and CIDR ranges.
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function proxyEntryProblem(entry: string): string | undefined {
  if (PROXY_RANGE_NAMES.includes(entry)) return undefined;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits)
    return `"${entry}" has a prefix length outside 0..${bits}`;
  return undefined;
}

function trustProxy(env: Env): TrustProxy {
  const value = raw(env, 'TRUST_PROXY');
  if (value === undefined || value === 'false') return false;
  if (value === 'true') {
    fail(
      'TRUST_PROXY',
      'must name the proxy (addresses or CIDR ranges such as 10.0.0.5,10.0.1.0/24), ' +
        'not true: trusting every sender lets any client choose the address it is counted by',
    );
  }
  if (/^\d+$/.test(value)) {
    fail(
      'TRUST_PROXY',
      "must name the proxy's addresses or CIDR ranges, not a hop count: a hop count cannot tell " +
        'the proxy from a client that connects directly and forges X-Forwarded-For',
    );
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const problem = entry === '' ? 'has an empty entry' : proxyEntryProblem(entry);
    if (problem !== undefined)
      fail('TRUST_PROXY', `must be false or a list of addresses/CIDR ranges: ${problem}`);
  }
  return entries;
}

function eventStoreSettings(env: Env): EventStoreSettings {
  const kind = oneOf(env, 'EVENT_STORE', ['sqlite', 'eventstoredb'] as const, 'sqlite');
  if (kind === 'sqlite') return { kind };
  const connectionString = raw(env, 'EVENTSTORE_CONNECTION_STRING');
  if (connectionString === undefined)
    fail('EVENTSTORE_CONNECTION_STRING', 'is required when EVENT_STORE=eventstoredb');
  if (!/^[a-z][a-z+]*:\/\/\S+$/.test(connectionString)) {
    fail(
      'EVENTSTORE_CONNECTION_STRING',
      'must be a connection string such as esdb://host:2113?tls=false',
    );
  }
  return { kind, connectionString };
}

function authSettings(
  env: Env,
  nodeEnv: NodeEnv,
  dataDir: string,
  options: LoadSettingsOptions,
): AuthSettings {
  const issuer = raw(env, 'AUTH_ISSUER');
  const audience = raw(env, 'AUTH_AUDIENCE');
  const claims = {
    ...(issuer && { issuer }),
    ...(audience && { audience }),
    maxTokenAgeSeconds: durationSeconds(
      env,
      'AUTH_MAX_TOKEN_AGE',
      DEFAULT_MAX_TOKEN_AGE_SECONDS,
      60,
      30 * 86_400,
    ),
    clockSkewSeconds: durationSeconds(env, 'AUTH_CLOCK_SKEW', DEFAULT_CLOCK_SKEW_SECONDS, 0, 300),
  };
  // Without them any token the key (or the identity provider, for all its clients) signed
  // would pass: one for another application, or from another tenant of the provider.
  const requireClaims = () => {
    if (nodeEnv !== 'production') return;
    if (issuer === undefined)
      fail('AUTH_ISSUER', 'is required in production: the `iss` every accepted token must carry');
    if (audience === undefined)
      fail('AUTH_AUDIENCE', 'is required in production: the `aud` every accepted token must carry');
  };
  const jwksUrl = url(
    env,
    'AUTH_JWKS_URL',
    nodeEnv === 'production' ? ['https:'] : ['https:', 'http:'],
  );
  const secret = raw(env, 'AUTH_JWT_SECRET');
  if (jwksUrl !== undefined) {
    // Two sources of trust would let an HS256 token signed with the shared secret pass where
    // only the identity provider should be trusted.
    if (secret !== undefined)
      fail('AUTH_JWT_SECRET', 'must not be set together with AUTH_JWKS_URL');
    requireClaims();
    return { kind: 'jwks', jwksUrl, ...claims };
  }
  if (secret !== undefined) {
    if (secret.length < MIN_JWT_SECRET_LENGTH)
      fail('AUTH_JWT_SECRET', `must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
    requireClaims();
    return { kind: 'hs256', secret, secretSource: 'env', ...claims };
  }
  if (nodeEnv === 'production')
    fail('AUTH_JWT_SECRET', 'is required in production when AUTH_JWKS_URL is not set');
  if (!options.devJwtSecret)
    fail('AUTH_JWT_SECRET', 'is required (no development secret source was given)');
  const dev = options.devJwtSecret(dataDir);
  return {
    kind: 'hs256',
    secret: dev.secret,
    secretSource: dev.created ? 'dev-file-created' : 'dev-file',
    ...claims,
  };
}

const OIDC_SCOPES = ['openid', 'profile'] as const;

function oidcSettings(env: Env, nodeEnv: NodeEnv, auth: AuthSettings): OidcSettings | undefined {
  const issuer = url(
    env,
    'OIDC_ISSUER',
    nodeEnv === 'production' ? ['https:'] : ['https:', 'http:'],
  );
  const clientId = raw(env, 'OIDC_CLIENT_ID');
  if (issuer === undefined) {
    if (clientId !== undefined) fail('OIDC_CLIENT_ID', 'is set without OIDC_ISSUER');
    return undefined;
  }
  if (clientId === undefined) fail('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set');
  if (!/^[\x21-\x7e]{1,200}$/.test(clientId))
    fail('OIDC_CLIENT_ID', 'must be 1 to 200 printable characters without spaces');
  // The console's tokens come from the provider: only its keys may verify them.
  if (auth.kind !== 'jwks')
    fail(
      'OIDC_ISSUER',
      "needs AUTH_JWKS_URL (the provider's keys the server verifies tokens with)",
    );
  return { issuer, clientId, scopes: OIDC_SCOPES };
}

/**
 * The lower bounds are what the DTOs themselves take (1000 project ids in a district's
 * registration, 5000 characters of description): a lower limit would refuse valid requests.
 */
function jsonLimits(env: Env): JsonBodyLimits {
  return {
    maxArrayItems: integer(env, 'BODY_MAX_ARRAY_ITEMS', 1000, 1000, 1_000_000),
    maxNodes: integer(env, 'BODY_MAX_NODES', 20_000, 5000, 10_000_000),
    maxStringLength: integer(env, 'BODY_MAX_STRING_LENGTH', 10_000, 5000, 1024 * 1024 * 1024),
  };
}

const HOUR_MS = 3_600_000;

/** A client that sends its request a byte at a time is cut off (Node: headers by 60 s, body never). */
function httpTimeouts(env: Env): HttpTimeouts {
  const requestMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 0, HOUR_MS);
  const headersMs = integer(
    env,
    'HTTP_HEADERS_TIMEOUT_MS',
    requestMs > 0 ? Math.min(10_000, requestMs) : 10_000,
    1,
    HOUR_MS,
  );
  // Node refuses a headers timeout longer than the request timeout.
  if (requestMs > 0 && headersMs > requestMs)
    fail('HTTP_HEADERS_TIMEOUT_MS', `must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestMs})`);
  return {
    requestMs,
    headersMs,
    keepAliveMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, 1, HOUR_MS),
    connectionMs: integer(env, 'HTTP_CONNECTION_TIMEOUT_MS', 60_000, 0, HOUR_MS),
  };
}

/** Reads and validates the settings from `env`. Throws an Error naming the first bad variable. */
export function loadSettings(env: NodeJS.ProcessEnv, options: LoadSettingsOptions = {}): Settings {
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const dataDir = raw(env, 'DATA_DIR') ?? './data';
  const queuePrefix = raw(env, 'QUEUE_PREFIX') ?? 'khuyencong';
  if (!/^[\w.-]+$/.test(queuePrefix))
    fail('QUEUE_PREFIX', 'may hold only letters, digits, "_", "." and "-"');
  const auth = authSettings(env, nodeEnv, dataDir, options);
  const oidc = oidcSettings(env, nodeEnv, auth);
  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: raw(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    eventStore: eventStoreSettings(env),
    auth,
    ...(oidc && { oidc }),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']) ?? 'redis://127.0.0.1:6379',
    queuePrefix,
    reminderCron: cron(env, 'REMINDER_CRON', '0 7 * * *'),
    notify: {
      webhookUrl: webhookUrl(env),
      webhookSecret: raw(env, 'NOTIFY_WEBHOOK_SECRET'),
      smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    },
    reminders: {
      attempts: integer(env, 'REMINDER_ATTEMPTS', 5, 1, 50),
      backoffMs: integer(env, 'REMINDER_BACKOFF_MS', 60_000, 1, 86_400_000),
      rules: reminderRules(env),
    },
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 6000, 0, 10_000_000),
    trustProxy: trustProxy(env),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1, 1024 * 1024 * 1024),
    jsonLimits: jsonLimits(env),
    httpTimeouts: httpTimeouts(env),
    advanceCapPercent: integer(
      env,
      'ADVANCE_CAP_PERCENT',
      DEFAULT_PROJECT_RULES.advanceCapPercent,
      0,
      100,
    ),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    rebuildPageSize: integer(env, 'REBUILD_PAGE_SIZE', 1000, 1, 100_000),
  };
}

/**
 * The development HS256 secret kept in DATA_DIR/dev-jwt-secret, created (random, mode 0600)
 * when missing, so the server and `npm run token` sign and verify with the same key across
 * restarts. Never used in production.
 */
export function resolveDevJwtSecret(dataDir: string): DevJwtSecret {
  const file = join(dataDir, DEV_JWT_SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing !== undefined) return { secret: existing, created: false };
  // 0700: the data directory holds every beneficiary's data (see platform/private-files.ts).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails if another process (the CLI, a second instance) created it meanwhile: use theirs.
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readSecretFile(file);
    if (theirs === undefined) throw new Error(`${file} exists but holds no secret`);
    return { secret: theirs, created: false };
  }
  return { secret, created: true };
}

function readSecretFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = text.trim();
  if (secret === '') return undefined;
  if (secret.length < MIN_JWT_SECRET_LENGTH)
    throw new Error(`${file} holds a secret shorter than ${MIN_JWT_SECRET_LENGTH} characters`);
  return secret;
}

/** `loadSettings` with the development secret file under DATA_DIR: what the server and the CLI call. */
export function loadSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Settings {
  return loadSettings(env, { devJwtSecret: resolveDevJwtSecret });
}

const MASK = '***';

function withoutCredentials(value: string): string {
  // user:password@ in a URL or connection string (redis, smtp, esdb) is a secret too.
  return value.replace(/(\/\/)[^/@\s]*@/, `$1${MASK}@`);
}

/** The settings with every secret masked: what start-up may log. */
export function describeSettings(settings: Settings): Record<string, unknown> {
  const { auth, eventStore, notify } = settings;
  return {
    ...settings,
    auth: auth.kind === 'hs256' ? { ...auth, secret: MASK } : auth,
    eventStore:
      eventStore.kind === 'eventstoredb'
        ? { ...eventStore, connectionString: withoutCredentials(eventStore.connectionString) }
        : eventStore,
    redisUrl: withoutCredentials(settings.redisUrl),
    notify: {
      ...notify,
      ...(notify.webhookSecret !== undefined && { webhookSecret: MASK }),
      ...(notify.smtpUrl !== undefined && { smtpUrl: withoutCredentials(notify.smtpUrl) }),
      // A webhook's query often carries its token: shown as `?***`.
      ...(notify.webhookUrl !== undefined && {
        webhookUrl: withoutCredentials(notify.webhookUrl).replace(/\?.*$/, `?${MASK}`),
      }),
    },
  };
}
