import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeSettings,
  loadSettings,
  loadSettingsFromEnvironment,
  resolveDevJwtSecret,
  type DevJwtSecret,
  type LoadSettingsOptions,
} from './settings';
import { DEFAULT_REMINDER_SETTINGS } from '../reminders/rules/reminder-settings';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
/** The token age limits every auth setting carries when none are set. */
const AGE_LIMITS = { maxTokenAgeSeconds: 8 * 3600, clockSkewSeconds: 30 };
const devSecret = (): DevJwtSecret => ({
  secret: 'dev-secret-from-the-file-0123456789abcdef',
  created: true,
});

describe('loadSettings', () => {
  describe('with nothing set in development', () => {
    const settings = loadSettings({}, { devJwtSecret: devSecret });

    it('uses the documented defaults', () => {
      expect(settings).toMatchObject({
        nodeEnv: 'development',
        port: 3000,
        host: '0.0.0.0',
        dataDir: './data',
        eventStore: { kind: 'sqlite' },
        redisUrl: 'redis://127.0.0.1:6379',
        queuePrefix: 'khuyencong',
        reminderCron: '0 7 * * *',
        rateLimitPerMinute: 6000,
        trustProxy: false,
        bodyLimitBytes: 1048576,
        jsonLimits: { maxArrayItems: 1000, maxNodes: 20000, maxStringLength: 10000 },
        httpTimeouts: {
          requestMs: 30000,
          headersMs: 10000,
          keepAliveMs: 5000,
          connectionMs: 60000,
        },
        advanceCapPercent: 70,
        logLevel: 'info',
        reminders: { attempts: 5, backoffMs: 60000, rules: DEFAULT_REMINDER_SETTINGS },
      });
    });

    it('signs with the development secret and records that it was created', () => {
      expect(settings.auth).toEqual({
        kind: 'hs256',
        secret: 'dev-secret-from-the-file-0123456789abcdef',
        secretSource: 'dev-file-created',
        ...AGE_LIMITS,
      });
    });
  });

  it('reads every variable it is given', () => {
    const settings = loadSettings({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/kc',
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      AUTH_JWT_SECRET: SECRET,
      AUTH_ISSUER: 'https://id.example',
      AUTH_AUDIENCE: 'khuyencong-api',
      AUTH_MAX_TOKEN_AGE: '1h',
      AUTH_CLOCK_SKEW: '10s',
      REDIS_URL: 'redis://redis:6380',
      QUEUE_PREFIX: 'kc-prod',
      REMINDER_CRON: '30 6 * * 1-5',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example/kc',
      NOTIFY_WEBHOOK_SECRET: 'whsec',
      SMTP_URL: 'smtp://mail:25',
      REMINDER_ATTEMPTS: '3',
      REMINDER_BACKOFF_MS: '250',
      REMINDER_RULES: '{"appraisalPending":{"afterDays":10}}',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,loopback',
      BODY_LIMIT_BYTES: '2048',
      BODY_MAX_ARRAY_ITEMS: '2000',
      BODY_MAX_NODES: '50000',
      BODY_MAX_STRING_LENGTH: '6000',
      HTTP_REQUEST_TIMEOUT_MS: '20000',
      HTTP_HEADERS_TIMEOUT_MS: '4000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '3000',
      HTTP_CONNECTION_TIMEOUT_MS: '0',
      ADVANCE_CAP_PERCENT: '100',
      LOG_LEVEL: 'debug',
      REBUILD_PAGE_SIZE: '250',
    });
    expect(settings).toEqual({
      nodeEnv: 'production',
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/kc',
      eventStore: { kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' },
      auth: {
        kind: 'hs256',
        secret: SECRET,
        secretSource: 'env',
        issuer: 'https://id.example',
        audience: 'khuyencong-api',
        maxTokenAgeSeconds: 3600,
        clockSkewSeconds: 10,
      },
      redisUrl: 'redis://redis:6380',
      queuePrefix: 'kc-prod',
      reminderCron: '30 6 * * 1-5',
      notify: {
        webhookUrl: 'https://hooks.example/kc',
        webhookSecret: 'whsec',
        smtpUrl: 'smtp://mail:25',
      },
      reminders: {
        attempts: 3,
        backoffMs: 250,
        rules: { ...DEFAULT_REMINDER_SETTINGS, appraisalPending: { afterDays: 10 } },
      },
      rateLimitPerMinute: 0,
      trustProxy: ['10.0.0.5', '10.0.1.0/24', 'loopback'],
      bodyLimitBytes: 2048,
      jsonLimits: { maxArrayItems: 2000, maxNodes: 50000, maxStringLength: 6000 },
      httpTimeouts: { requestMs: 20000, headersMs: 4000, keepAliveMs: 3000, connectionMs: 0 },
      advanceCapPercent: 100,
      logLevel: 'debug',
      rebuildPageSize: 250,
    });
  });

  it('reads the token age limits as seconds or a duration, 8 h and 30 s by default', () => {
    expect(loadSettings({ AUTH_JWT_SECRET: SECRET }).auth).toMatchObject({
      maxTokenAgeSeconds: 8 * 3600,
      clockSkewSeconds: 30,
    });
    expect(
      loadSettings({ AUTH_JWT_SECRET: SECRET, AUTH_MAX_TOKEN_AGE: '30m', AUTH_CLOCK_SKEW: '90' })
        .auth,
    ).toMatchObject({ maxTokenAgeSeconds: 1800, clockSkewSeconds: 90 });
    expect(
      loadSettings({ AUTH_JWT_SECRET: SECRET, AUTH_MAX_TOKEN_AGE: '7200' }).auth,
    ).toMatchObject({ maxTokenAgeSeconds: 7200 });
  });

  it('reads TRUST_PROXY as an IPv6 range, or false', () => {
    const trust = (value: string) =>
      loadSettings({ AUTH_JWT_SECRET: SECRET, TRUST_PROXY: value }).trustProxy;
    expect(trust('fd00::/8')).toEqual(['fd00::/8']);
    expect(trust('false')).toBe(false);
  });

  it('keeps the headers timeout within a short request timeout when only that is set', () => {
    const settings = loadSettings({ AUTH_JWT_SECRET: SECRET, HTTP_REQUEST_TIMEOUT_MS: '1500' });
    expect(settings.httpTimeouts).toMatchObject({ requestMs: 1500, headersMs: 1500 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadSettings({ PORT: '', AUTH_JWT_SECRET: SECRET }).port).toBe(3000);
  });

  describe('refuses a bad value, naming the variable', () => {
    const base = { AUTH_JWT_SECRET: SECRET };
    /** Values refused on their own, by the variable they are given to. */
    const badValues: Record<string, string[]> = {
      PORT: ['eighty', '70000', '80.5'],
      REBUILD_PAGE_SIZE: ['0'],
      NODE_ENV: ['staging'],
      EVENT_STORE: ['postgres'],
      AUTH_JWT_SECRET: ['short'],
      REDIS_URL: ['http://redis:6379'],
      QUEUE_PREFIX: ['has space'],
      REMINDER_CRON: ['every morning', '0 7 * *'],
      NOTIFY_WEBHOOK_URL: ['ftp://hooks'],
      SMTP_URL: ['mail.example'],
      RATE_LIMIT_PER_MINUTE: ['-1'],
      TRUST_PROXY: [
        'true',
        '0',
        '1',
        '10.0.0.256',
        '10.0.0.0/33',
        '::1/129',
        '10.0.0.1,,10.0.0.2',
        'proxy.internal',
      ],
      BODY_LIMIT_BYTES: ['0'],
      // Below what the DTOs themselves take: valid requests would be refused.
      BODY_MAX_ARRAY_ITEMS: ['999'],
      BODY_MAX_NODES: ['100'],
      BODY_MAX_STRING_LENGTH: ['4999'],
      HTTP_REQUEST_TIMEOUT_MS: ['30s'],
      HTTP_HEADERS_TIMEOUT_MS: ['0'],
      HTTP_KEEP_ALIVE_TIMEOUT_MS: ['0'],
      HTTP_CONNECTION_TIMEOUT_MS: ['-1'],
      ADVANCE_CAP_PERCENT: ['101', '70%'],
      LOG_LEVEL: ['verbose'],
      REMINDER_ATTEMPTS: ['0'],
      REMINDER_BACKOFF_MS: ['soon'],
      REMINDER_RULES: ['{appraisalPending: 10}', '[1]', '{"monthlyProgress":{"dueDay":32}}'],
      AUTH_MAX_TOKEN_AGE: ['a day', '0', '365d'],
      AUTH_CLOCK_SKEW: ['-5', '1h'],
    };
    it.each<[string, Record<string, string | undefined>]>([
      ...Object.entries(badValues).flatMap(([name, values]) =>
        values.map((value): [string, Record<string, string>] => [name, { [name]: value }]),
      ),
      // Refused only together with another variable.
      ['EVENTSTORE_CONNECTION_STRING', { EVENT_STORE: 'eventstoredb' }],
      [
        'EVENTSTORE_CONNECTION_STRING',
        { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'localhost' },
      ],
      ['AUTH_JWKS_URL', { AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'not a url' }],
      // Node refuses a headers timeout longer than the request timeout.
      [
        'HTTP_HEADERS_TIMEOUT_MS',
        { HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' },
      ],
    ])('%s in %j', (name, env) => {
      expect(() => loadSettings({ ...base, ...env }, { devJwtSecret: devSecret })).toThrow(
        new RegExp(`^${name} `),
      );
    });
  });

  describe('in production', () => {
    const inProduction = (env: NodeJS.ProcessEnv, options?: LoadSettingsOptions) =>
      loadSettings({ NODE_ENV: 'production', ...env }, options);

    it('requires AUTH_JWT_SECRET when no JWKS is configured', () => {
      expect(() => inProduction({}, { devJwtSecret: devSecret })).toThrow(
        /^AUTH_JWT_SECRET is required in production/,
      );
    });

    it('trusts a JWKS over https instead of a shared secret', () => {
      const settings = inProduction({
        AUTH_JWKS_URL: 'https://id.example/jwks.json',
        AUTH_ISSUER: 'https://id.example',
        AUTH_AUDIENCE: 'khuyencong-api',
      });
      expect(settings.auth).toEqual({
        kind: 'jwks',
        jwksUrl: 'https://id.example/jwks.json',
        issuer: 'https://id.example',
        audience: 'khuyencong-api',
        ...AGE_LIMITS,
      });
    });

    it('requires AUTH_ISSUER and AUTH_AUDIENCE, with a shared secret or a JWKS', () => {
      for (const trust of [
        { AUTH_JWT_SECRET: SECRET },
        { AUTH_JWKS_URL: 'https://id.example/jwks.json' },
      ]) {
        expect(() => inProduction(trust)).toThrow(/^AUTH_ISSUER is required in production/);
        expect(() => inProduction({ AUTH_ISSUER: 'https://id.example', ...trust })).toThrow(
          /^AUTH_AUDIENCE is required in production/,
        );
      }
    });

    it('refuses a JWKS over plain http', () => {
      expect(() => inProduction({ AUTH_JWKS_URL: 'http://id.example/jwks.json' })).toThrow(
        /^AUTH_JWKS_URL /,
      );
    });
  });

  it('refuses a webhook URL with credentials: they would reach logs and stored errors', () => {
    for (const webhook of ['https://kc:hunter2@hooks.example/kc', 'https://kc@hooks.example/kc'])
      expect(() => loadSettings({ AUTH_JWT_SECRET: SECRET, NOTIFY_WEBHOOK_URL: webhook })).toThrow(
        /^NOTIFY_WEBHOOK_URL must not carry credentials .*NOTIFY_WEBHOOK_SECRET/,
      );
    let message = '';
    try {
      loadSettings({ AUTH_JWT_SECRET: SECRET, NOTIFY_WEBHOOK_URL: 'https://kc:hunter2@h.example' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('hunter2');
  });

  it('refuses a shared secret and a JWKS together, so only one source of trust exists', () => {
    expect(() =>
      loadSettings({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'http://localhost:9000/jwks' }),
    ).toThrow(/^AUTH_JWT_SECRET /);
  });

  it('requires AUTH_JWT_SECRET when no development secret source is given', () => {
    expect(() => loadSettings({ NODE_ENV: 'test' })).toThrow(/^AUTH_JWT_SECRET /);
  });

  describe("the console's identity provider (OIDC_ISSUER, OIDC_CLIENT_ID)", () => {
    const JWKS = 'https://idp.example/realms/kc/protocol/openid-connect/certs';
    const ISSUER = 'https://idp.example/realms/kc';

    it('is read with the scopes the console asks for, beside the JWKS the server verifies with', () => {
      const settings = loadSettings({
        AUTH_JWKS_URL: JWKS,
        OIDC_ISSUER: ISSUER,
        OIDC_CLIENT_ID: 'khuyen-cong-console',
      });
      expect(settings.oidc).toEqual({
        issuer: ISSUER,
        clientId: 'khuyen-cong-console',
        scopes: ['openid', 'profile'],
      });
      expect(loadSettings({}, { devJwtSecret: devSecret }).oidc).toBeUndefined();
    });

    it.each<[string, Record<string, string>, RegExp]>([
      [
        'an issuer without a client id',
        { AUTH_JWKS_URL: JWKS, OIDC_ISSUER: ISSUER },
        /^OIDC_CLIENT_ID /,
      ],
      [
        'a client id without an issuer',
        { AUTH_JWKS_URL: JWKS, OIDC_CLIENT_ID: 'c' },
        /^OIDC_CLIENT_ID /,
      ],
      [
        'an issuer that is not a URL',
        { AUTH_JWKS_URL: JWKS, OIDC_ISSUER: 'idp', OIDC_CLIENT_ID: 'c' },
        /^OIDC_ISSUER /,
      ],
      [
        'an issuer without AUTH_JWKS_URL',
        { AUTH_JWT_SECRET: SECRET, OIDC_ISSUER: ISSUER, OIDC_CLIENT_ID: 'c' },
        /^OIDC_ISSUER .*AUTH_JWKS_URL/,
      ],
      [
        'a client id with spaces',
        { AUTH_JWKS_URL: JWKS, OIDC_ISSUER: ISSUER, OIDC_CLIENT_ID: 'a b' },
        /^OIDC_CLIENT_ID /,
      ],
    ])('refuses %s', (_, env, message) => {
      expect(() => loadSettings(env)).toThrow(message);
    });
  });
});

describe('describeSettings', () => {
  it('masks every secret, credentials inside URLs included', () => {
    const settings = loadSettings({
      AUTH_JWT_SECRET: SECRET,
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://admin:changeit@localhost:2113?tls=false',
      REDIS_URL: 'redis://:redis-pass@redis:6379',
      SMTP_URL: 'smtps://mailer:smtp-pass@mail.example:465',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example/kc?token=hook-token',
      NOTIFY_WEBHOOK_SECRET: 'whsec-value',
    });
    const text = JSON.stringify(describeSettings(settings));
    for (const secret of [
      SECRET,
      'changeit',
      'redis-pass',
      'smtp-pass',
      'whsec-value',
      'hook-token',
    ])
      expect(text).not.toContain(secret);
    expect(describeSettings(settings)).toMatchObject({
      port: 3000,
      eventStore: { connectionString: 'esdb://***@localhost:2113?tls=false' },
      redisUrl: 'redis://***@redis:6379',
      notify: { webhookUrl: 'https://hooks.example/kc?***' },
    });
  });
});

describe('the development secret file', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'kc-settings-')), 'nested', 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..', '..'), { recursive: true, force: true }));

  it('is created once, private to the owner, and read back unchanged', () => {
    const first = resolveDevJwtSecret(dataDir);
    const second = resolveDevJwtSecret(dataDir);
    expect(first.created).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second).toEqual({ secret: first.secret, created: false });
    expect(statSync(join(dataDir, 'dev-jwt-secret')).mode & 0o077).toBe(0);
  });

  it('is what loadSettingsFromEnvironment signs with when AUTH_JWT_SECRET is unset', () => {
    const settings = loadSettingsFromEnvironment({ NODE_ENV: 'development', DATA_DIR: dataDir });
    const onDisk = readFileSync(join(dataDir, 'dev-jwt-secret'), 'utf8').trim();
    expect(settings.auth).toEqual({
      kind: 'hs256',
      secret: onDisk,
      secretSource: 'dev-file-created',
      ...AGE_LIMITS,
    });
    expect(loadSettingsFromEnvironment({ DATA_DIR: dataDir }).auth).toMatchObject({
      secret: onDisk,
      secretSource: 'dev-file',
    });
  });

  it('is refused when it holds a weak secret', () => {
    resolveDevJwtSecret(dataDir);
    writeFileSync(join(dataDir, 'dev-jwt-secret'), 'weak\n');
    expect(() => resolveDevJwtSecret(dataDir)).toThrow(/shorter than 32/);
  });

  it('is never created in production', () => {
    expect(() =>
      loadSettingsFromEnvironment({ NODE_ENV: 'production', DATA_DIR: dataDir }),
    ).toThrow(/^AUTH_JWT_SECRET/);
    expect(() => statSync(join(dataDir, 'dev-jwt-secret'))).toThrow();
  });
});
