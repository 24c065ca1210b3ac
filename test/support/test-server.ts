import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { createApp } from '../../src/app.factory';
import { signDevToken } from '../../src/auth/dev-token';
import { loadSettings, type Settings } from '../../src/config/settings';
import { databasePathIn } from '../../src/event-store/sqlite-database';
import { createLogger } from '../../src/logging/logger';
import type { Role } from '../../src/shared/actor';

// @fastify/static (which Swagger UI loads) requires content-disposition, which is ESM only and
// not transformed by jest.config.js, so Jest's require cannot load it. Node 20.19+ requires ESM
// natively: the real plugin is loaded through Node's own loader instead. The factory is
// hoisted above the imports, so it loads what it needs itself.
jest.mock('@fastify/static', () => {
  const { _load } = jest.requireActual<{ _load: NodeLoad }>('node:module');
  return _load(require.resolve('@fastify/static'), null, false);
});

/** Node's internal loader (`Module._load`): Jest passes it through from the real `module`. */
type NodeLoad = (request: string, parent: null, isMain: boolean) => unknown;

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
  /** Error lines the server logged (a 500 leaves one here). */
  errorLogs(): readonly string[];
  /** Closes the app and starts it again on the same DATA_DIR (and port may change). */
  restart(): Promise<void>;
  /** Closes the app and removes DATA_DIR. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** More environment variables (or replacements of the test defaults). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Yearly plans opened (with a test programme, over HTTP) before the tests run: projects
   * register against the plan of their year. Empty for tests that open plans themselves.
   */
  readonly planYears?: readonly number[];
}

/** The plan years the project tests register in, unless a test says otherwise. */
export const DEFAULT_PLAN_YEARS: readonly number[] = [2023, 2024, 2025, 2026, 2051, 2052];
export const SEEDED_PROGRAMME_CODE = 'E2E-SEED';

/** At least 32 characters: HS256 keys shorter than the hash are refused by loadSettings. */
const TEST_JWT_SECRET = 'e2e-test-secret-that-is-long-enough-for-hs256';

let subjectCounter = 0;
let serverCounter = 0;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khuyencong-e2e-'));
  serverCounter += 1;
  const settings = loadSettings({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: '0',
    // Its own reminder queue in the shared Redis, so no other server's worker takes its jobs.
    QUEUE_PREFIX: `e2e-${process.pid}-${serverCounter}`,
    // The scheduled reminder scan would append to the test's projects at a time no test
    // controls: 03:00 on 29 February only.
    REMINDER_CRON: '0 3 29 2 *',
    ...options.env,
  });
  const errors: string[] = [];
  const logger = createLogger({
    level: 'error',
    destination: { write: (line: string) => void errors.push(line) },
  });

  let app: NestFastifyApplication | undefined;
  let baseUrl = '';

  async function start(): Promise<void> {
    app = await createApp(settings, { logger });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    if (address === null || typeof address === 'string')
      throw new Error('The test server has no TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  }

  async function stop(): Promise<void> {
    const running = app;
    app = undefined;
    await running?.close();
  }

  await start();
  await openPlans(baseUrl, settings, options.planYears ?? DEFAULT_PLAN_YEARS);

  const server: TestServer = {
    get baseUrl() {
      return baseUrl;
    },
    get apiUrl() {
      return `${baseUrl}/api/v1`;
    },
    dataDir,
    databaseFile: databasePathIn(dataDir),
    settings,
    token(role, options = {}) {
      const sub = options.sub ?? `e2e-${role}-${process.pid}-${++subjectCounter}`;
      return signDevToken(
        settings.auth,
        {
          sub,
          name: options.name ?? `Người dùng ${sub}`,
          roles: [role, ...(options.alsoRoles ?? [])],
          ...(options.district !== undefined && { district: options.district }),
          ttlSeconds: options.ttlSeconds ?? 3600,
        },
        options.issuedAt ?? Math.floor(Date.now() / 1000),
      );
    },
    errorLogs: () => [...errors],
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
      await removeQueueKeys(settings);
    },
  };
  return server;
}

/** Opens a programme spanning `years` and the plan of each year, as the admin and the Center would. */
async function openPlans(
  baseUrl: string,
  settings: Settings,
  years: readonly number[],
): Promise<void> {
  if (years.length === 0) return;
  const now = Math.floor(Date.now() / 1000);
  const tokenFor = (role: Role) =>
    signDevToken(
      settings.auth,
      { sub: `seed-${role}`, name: `Seed ${role}`, roles: [role], ttlSeconds: 600 },
      now,
    );
  const post = async (path: string, role: Role, body: unknown): Promise<void> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
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
    code: SEEDED_PROGRAMME_CODE,
    name: 'Chương trình dùng cho kiểm thử',
    fromYear: Math.min(...years),
    toYear: Math.max(...years),
    budgets: [],
    targets: [],
  });
  for (const year of years) {
    await post('/plans', 'center_officer', {
      year,
      programCode: SEEDED_PROGRAMME_CODE,
      registrationDeadline: `${year - 1}-05-20`,
    });
  }
}

/** Deletes the keys the server's reminder queue left in Redis; nothing to do when Redis is down. */
async function removeQueueKeys(settings: Settings): Promise<void> {
  const redis = new Redis(settings.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${settings.queuePrefix}:*`,
        'COUNT',
        500,
      );
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Without Redis the server queued nothing there.
  } finally {
    redis.disconnect();
  }
}
