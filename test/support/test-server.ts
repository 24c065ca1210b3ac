import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { signDevToken, type DevTokenRequest } from '../../src/auth/dev-token';
import { loadSettings, type LogLevel, type Settings } from '../../src/config/settings';
import { databasePathIn } from '../../src/event-store/sqlite-database';
import { createLogger } from '../../src/logging/logger';
import type { Role } from '../../src/shared/actor';
import { removeQueueKeys } from './redis-keys';
import { seedPlans } from './seed-plans';

/**
 * The real application, started in-process on 127.0.0.1 with a random port and its own
 * temporary DATA_DIR, so each e2e file talks HTTP to the server `npm start` runs, on a
 * real SQLite file, without sharing anything with other files.
 */

export interface TokenOptions {
  /** Subject; a fresh one per call when omitted. */
  readonly sub?: string;
  readonly name?: string;
  /** Required by the server for a district officer; the dev default is bien-hoa. */
  readonly district?: string;
  /** Extra roles besides the first (a user who is both center officer and approver). */
  readonly alsoRoles?: readonly Role[];
  readonly ttlSeconds?: number;
  /** Epoch seconds the token is issued at (an expired token is issued in the past). */
  readonly issuedAt?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>`: the health route lives here, the API under `${apiUrl}`. */
  readonly baseUrl: string;
  /** `${baseUrl}/api/v1`. */
  readonly apiUrl: string;
  readonly dataDir: string;
  /** The SQLite file holding events, read models and checkpoints. */
  readonly databaseFile: string;
  readonly settings: Settings;
  /** A bearer token the server accepts, for `role` (and `alsoRoles`). */
  token(role: Role, options?: TokenOptions): Promise<string>;
  /** Every line the server logged, at the level of `TestServerOptions.logLevel`. */
  logs(): readonly string[];
  /** The lines logged at error or fatal (a 500 leaves one here). */
  errorLogs(): readonly string[];
  /** Closes the app and starts it again on the same DATA_DIR (and port may change). */
  restart(): Promise<void>;
  /** Closes the app, removes DATA_DIR and the keys its reminder queue left in Redis. */
  close(): Promise<void>;
}

/** A test server that listens once `start()` resolves; until then (and after close) its members throw. */
export interface PendingTestServer extends TestServer {
  start(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * More environment variables, or replacements of the test defaults; `undefined` removes a
   * test default, so the server's own default applies.
   */
  readonly env?: TestEnv | (() => TestEnv);
  /**
   * Signs the tokens of `token()` (and so the seeding's and `people`'s) when the server trusts
   * an identity provider's keys, not the test secret: see test/support/oidc-test-provider.ts.
   */
  readonly signToken?: (request: DevTokenRequest, now: number) => Promise<string>;
  /**
   * Yearly plans opened (with a test programme, over HTTP) before the tests run: projects
   * register against the plan of their year. Empty for tests that open plans themselves.
   */
  readonly planYears?: readonly number[];
  /** The level the server logs at; every line is kept for `logs()`. Error unless told. */
  readonly logLevel?: LogLevel;
  /** Writes into the fresh DATA_DIR before the app first starts (a log made without the server). */
  readonly prepareDataDir?: (dataDir: string) => Promise<void> | void;
}

type TestEnv = Readonly<Record<string, string | undefined>>;

/** The plan years the project tests register in, unless a test says otherwise. */
/** Years before 1 July 2025, when the districts the test officers belong to still registered. */
export const DEFAULT_PLAN_YEARS: readonly number[] = [2019, 2020, 2023, 2024, 2025];
export const SEEDED_PROGRAMME_CODE = 'E2E-SEED';

/** At least 32 characters: HS256 keys shorter than the hash are refused by loadSettings. */
const TEST_JWT_SECRET = 'e2e-test-secret-that-is-long-enough-for-hs256';

const ERROR_LEVELS: ReadonlySet<unknown> = new Set(['error', 'fatal']);

let subjectCounter = 0;
let serverCounter = 0;

interface Running {
  readonly dataDir: string;
  readonly settings: Settings;
  app?: NestFastifyApplication;
  baseUrl: string;
}

/** Starts a test server; it is closed again when it fails to start. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const server = createTestServer(options);
  try {
    await server.start();
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}

/** A test server made ahead of its start, for a spec file's hooks to start and close. */
export function createTestServer(options: TestServerOptions = {}): PendingTestServer {
  const logLevel = options.logLevel ?? 'error';
  let lines: string[] = [];
  let running: Running | undefined;

  const current = (): Running => {
    if (running === undefined)
      throw new Error(
        'The test server is not running: use it in a test, or in a hook after its start',
      );
    return running;
  };

  async function listen(state: Running): Promise<void> {
    const logger = createLogger({
      level: logLevel,
      destination: { write: (line: string) => void lines.push(line) },
    });
    state.app = await createApp(state.settings, { logger });
    await state.app.listen(0, '127.0.0.1');
    const address = state.app.getHttpServer().address();
    if (address === null || typeof address === 'string')
      throw new Error('The test server has no TCP address');
    state.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  async function stop(state: Running): Promise<void> {
    const app = state.app;
    state.app = undefined;
    await app?.close();
  }

  const token = (role: Role, tokenOptions: TokenOptions = {}): Promise<string> => {
    const sub = tokenOptions.sub ?? `e2e-${role}-${process.pid}-${++subjectCounter}`;
    const sign =
      options.signToken ??
      ((request: DevTokenRequest, now: number) =>
        signDevToken(current().settings.auth, request, now));
    return sign(
      {
        sub,
        name: tokenOptions.name ?? `Người dùng ${sub}`,
        roles: [role, ...(tokenOptions.alsoRoles ?? [])],
        ...(tokenOptions.district !== undefined && { district: tokenOptions.district }),
        ttlSeconds: tokenOptions.ttlSeconds ?? 3600,
      },
      tokenOptions.issuedAt ?? Math.floor(Date.now() / 1000),
    );
  };

  return {
    get baseUrl() {
      return current().baseUrl;
    },
    get apiUrl() {
      return `${current().baseUrl}/api/v1`;
    },
    get dataDir() {
      return current().dataDir;
    },
    get databaseFile() {
      return databasePathIn(current().dataDir);
    },
    get settings() {
      return current().settings;
    },
    token,
    logs: () => [...lines],
    errorLogs: () => lines.filter((line) => ERROR_LEVELS.has(levelOf(line))),
    async start() {
      if (running !== undefined) throw new Error('The test server is running already');
      const dataDir = mkdtempSync(join(tmpdir(), 'khuyencong-e2e-'));
      serverCounter += 1;
      running = {
        dataDir,
        settings: testSettings(
          dataDir,
          serverCounter,
          logLevel,
          typeof options.env === 'function' ? options.env() : options.env,
        ),
        baseUrl: '',
      };
      lines = [];
      await options.prepareDataDir?.(dataDir);
      await listen(running);
      await seedPlans({
        apiUrl: `${running.baseUrl}/api/v1`,
        tokenFor: (role) =>
          token(role, { sub: `seed-${role}`, name: `Seed ${role}`, ttlSeconds: 600 }),
        code: SEEDED_PROGRAMME_CODE,
        name: 'Chương trình dùng cho kiểm thử',
        years: options.planYears ?? DEFAULT_PLAN_YEARS,
      });
    },
    async restart() {
      const state = current();
      await stop(state);
      await listen(state);
    },
    async close() {
      const state = running;
      if (state === undefined) return;
      running = undefined;
      await stop(state);
      rmSync(state.dataDir, { recursive: true, force: true });
      await removeQueueKeys(state.settings.redisUrl, [state.settings.queuePrefix]);
    },
  };
}

function testSettings(
  dataDir: string,
  serverNumber: number,
  logLevel: LogLevel,
  env: TestEnv = {},
): Settings {
  return loadSettings({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: logLevel,
    HOST: '127.0.0.1',
    PORT: '0',
    // Its own reminder queue in the shared Redis, so no other server's worker takes its jobs
    // (the counter restarts in every spec file, which may share the process).
    QUEUE_PREFIX: `e2e-${process.pid}-${serverNumber}-${randomUUID().slice(0, 8)}`,
    // The scheduled reminder scan would append to the test's projects at a time no test
    // controls: 03:00 on 29 February only.
    REMINDER_CRON: '0 3 29 2 *',
    ...env,
  });
}

/** The level label of a pino line; a line that is not JSON counts as an error. */
function levelOf(line: string): unknown {
  try {
    return (JSON.parse(line) as { level?: unknown }).level;
  } catch {
    return 'error';
  }
}
