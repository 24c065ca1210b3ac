import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Redis from 'ioredis';
import { signDevToken } from '../../src/auth/dev-token';
import type { AuthSettings } from '../../src/config/settings';
import { databasePathIn } from '../../src/event-store/sqlite-database';
import type { Role } from '../../src/shared/actor';

/**
 * The real server as an operator runs it: `node dist/main.js` in a child process, on its own
 * DATA_DIR and a free port, so a fault test can SIGKILL it, fill its disk or tamper with its
 * file, and start it again on the same data. Tokens are signed with the secret it is given.
 */

/**
 * The checkout whose dist/ is run: this repository, or FAULTS_APP_ROOT (another checkout with
 * its node_modules, e.g. a release candidate, or a clean copy while the tree is mid-edit).
 */
export const ROOT = process.env.FAULTS_APP_ROOT ?? join(__dirname, '..', '..');
export const FAULTS_JWT_SECRET = 'faults-test-secret-that-is-long-enough-for-hs256';
// Production requires an issuer and an audience; the fault servers' tokens carry these.
const FAULTS_ISSUER = 'https://faults.khuyencong.invalid';
const FAULTS_AUDIENCE = 'khuyencong-faults';
const AUTH: AuthSettings = {
  kind: 'hs256',
  secret: FAULTS_JWT_SECRET,
  secretSource: 'env',
  issuer: FAULTS_ISSUER,
  audience: FAULTS_AUDIENCE,
};

/**
 * Fault specs stop, kill and starve real processes and take a minute or two: they run under
 * `npm run test:faults` (jest.faults.config.js, whose global setup builds dist/ and sets
 * KHUYENCONG_FAULTS=1). Under plain `npm test` they are skipped.
 */
export const FAULTS_ENABLED = process.env.KHUYENCONG_FAULTS === '1';
export const describeFault = FAULTS_ENABLED ? describe : describe.skip;

/** The machine's shared Redis; each server gets its own queue prefix there, removed by cleanUpRedis. */
export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379';
const queuePrefixes = new Set<string>();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than any source file (npm run build). */
export function ensureBuilt(): void {
  const main = join(ROOT, 'dist', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0)
    throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function tempDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `khuyencong-faults-${label}-`));
}

let queueCounter = 0;

function newQueuePrefix(): string {
  const prefix = `faults-${process.pid}-${++queueCounter}`;
  queuePrefixes.add(prefix);
  return prefix;
}

/** Deletes the keys of every queue prefix the servers of this file used in `redisUrl`. */
export async function cleanUpRedis(redisUrl = SHARED_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    for (const prefix of queuePrefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } catch {
    // Without Redis nothing was queued there.
  } finally {
    redis.disconnect();
  }
}

/** The environment the server runs with; `extra` adds or replaces variables. */
export function serverEnv(
  dataDir: string,
  port: number,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    AUTH_JWT_SECRET: FAULTS_JWT_SECRET,
    AUTH_ISSUER: FAULTS_ISSUER,
    AUTH_AUDIENCE: FAULTS_AUDIENCE,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    REDIS_URL: SHARED_REDIS_URL,
    QUEUE_PREFIX: newQueuePrefix(),
    // The scheduled reminder scan would append at a time no test controls: 03:00 on 29 February only.
    REMINDER_CRON: '0 3 29 2 *',
    ...extra,
  };
}

export interface ServerProcess {
  readonly dataDir: string;
  readonly baseUrl: string;
  readonly apiUrl: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  kill9(): Promise<void>;
  /**
   * SIGTERM and wait for the process to exit (a graceful shutdown); SIGKILL after `graceMs`.
   * Resolves true when it exited by itself.
   */
  stop(graceMs?: number): Promise<boolean>;
}

export interface StartOptions {
  readonly env?: Record<string, string>;
  readonly port?: number;
  readonly readyTimeoutMs?: number;
  /** False: return as soon as the process is spawned, without waiting for /health. */
  readonly waitUntilReady?: boolean;
}

/** Starts `node dist/main.js` on `dataDir` and resolves once /health answers. */
export async function startServer(
  dataDir: string,
  options: StartOptions = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: serverEnv(dataDir, port, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (options.waitUntilReady === false) break;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server exited while starting:\n${output}`);
    try {
      const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      if (health.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer /health in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    dataDir,
    baseUrl,
    apiUrl: `${baseUrl}/api/v1`,
    child,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return true;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const graceful = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(timer);
      if (!graceful) {
        child.kill('SIGKILL');
        await exited;
      }
      return graceful;
    },
  };
}

let subjects = 0;

/** A token the fault servers accept. */
export function tokenFor(
  role: Role,
  options: { sub?: string; district?: string; alsoRoles?: readonly Role[] } = {},
): Promise<string> {
  const sub = options.sub ?? `faults-${role}-${++subjects}`;
  return signDevToken(
    AUTH,
    {
      sub,
      name: `Người thử ${sub}`,
      roles: [role, ...(options.alsoRoles ?? [])],
      ...((options.district !== undefined || role === 'district_officer') && {
        district: options.district ?? 'tan-phu',
      }),
      ttlSeconds: 3600,
    },
    Math.floor(Date.now() / 1000),
  );
}

/** Opens a programme spanning `years` and the plan of each, as the admin and the Center would. */
export async function seedPlans(apiUrl: string, years: readonly number[] = [2024]): Promise<void> {
  const post = async (path: string, role: Role, body: unknown) => {
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
  const code = 'FAULTS-SEED';
  await post('/programs', 'admin', {
    code,
    name: 'Chương trình thử lỗi',
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

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command-line tool from dist/cli (what `npm run verify` and `npm run projections:rebuild` run after building). */
export function runCli(
  script: 'verify-log' | 'rebuild-projections' | 'store-import',
  dataDir: string,
  args: readonly string[] = [],
): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', `${script}.js`), ...args], {
    cwd: ROOT,
    env: serverEnv(dataDir, 0),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Tables that are not read models: the log itself and where each projection stands. */
const NOT_READ_MODELS = new Set(['events', 'projection_checkpoints']);

/**
 * Every read-model table of the data dir's database, each as its rows sorted, for comparing
 * two states of the read models. Open only while no server writes to the file.
 */
export function dumpReadModels(dataDir: string): Record<string, unknown[]> {
  const db = new Database(databasePathIn(dataDir), { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((name) => !NOT_READ_MODELS.has(name));
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all();
      dump[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return dump;
  } finally {
    db.close();
  }
}

/** Reads the log head and the number of events straight from the file. */
export function logFacts(dataDir: string): { head: number; events: number } {
  const db = new Database(databasePathIn(dataDir), { readonly: true });
  try {
    return db
      .prepare('SELECT COALESCE(MAX(position), 0) AS head, COUNT(*) AS events FROM events')
      .get() as { head: number; events: number };
  } finally {
    db.close();
  }
}

/** Polls /health until the projections have no lag (or `timeoutMs` passes). */
export async function waitForProjections(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as {
      projections?: { lag?: string; state?: string };
    };
    if (health.projections?.lag === '0' && health.projections.state === 'live') return;
    if (Date.now() > deadline)
      throw new Error(`The projections did not catch up: ${JSON.stringify(health.projections)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
