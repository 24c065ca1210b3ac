import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { signDevToken } from '../src/auth/dev-token';
import type { AuthSettings } from '../src/config/settings';
import { openDataDirDatabase } from '../src/event-store/sqlite-database';
import { SqliteEventStore } from '../src/event-store/sqlite.event-store';
import { projectStreamId } from '../src/projects/application/project-stream';
import { machineLoad } from './lib/machine';
import {
  BENCH_AUDIENCE,
  BENCH_ISSUER,
  BENCH_JWT_SECRET,
  removeDir,
  scratchDir,
} from './lib/engine';
import { openPlanOverHttp } from './lib/plans';
import { eventsOf, projectInExecution, registration } from './lib/project-script';
import type { BenchmarkOutcome, Figure } from './lib/report';
import { median, nowMs, round } from './lib/stats';

/**
 * HTTP commands with autocannon: registration and an advance (disbursement), 16 and 64
 * connections, against the engine's server and against a minimal Nest endpoint with the same
 * validation on the same adapter (the floor), taken in turn in the same run. The engine's
 * peak resident memory under this load is read from /proc (VmHWM).
 */

export interface HttpOptions {
  readonly runs: number;
  readonly seconds: number;
  /** Projects in execution that advances are spread over. */
  readonly projects: number;
}

export interface Server {
  readonly process: ChildProcess;
  readonly url: string;
  stop(): Promise<void>;
}

export async function startServer(
  script: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeFlags, join(__dirname, 'http', script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${script} exited with ${code} before listening`)),
    );
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    process: child,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory (current and peak, MB) of a process, from /proc. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 1), peakMb: round(kb('VmHWM') / 1024, 1) };
}

/** Projects in execution, written straight to the log before the server starts. */
async function seedProjects(dataDir: string, count: number): Promise<string[]> {
  const db = openDataDirDatabase(dataDir);
  const store = new SqliteEventStore(db);
  const ids = Array.from({ length: count }, () => randomUUID());
  await Promise.all(
    ids.map(async (projectId, n) => {
      let version = 0;
      for (const events of eventsOf(
        projectId,
        projectInExecution(projectId, n),
        `seed-${projectId}`,
      )) {
        version = (await store.append(projectStreamId(projectId), events, version)).version;
      }
    }),
  );
  await store.close();
  db.close();
  return ids;
}

interface Load {
  readonly name: string;
  /** 2xx status the endpoint answers with. */
  readonly status: number;
  requests(prefix: string): autocannon.RequestSpec[];
}

interface LoadFigures {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
}

async function fire(
  url: string,
  connections: number,
  seconds: number,
  load: Load,
  prefix: string,
): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: load.requests(prefix),
    timeout: 30,
  });
  const ok = result.statusCodeStats[String(load.status)]?.count ?? 0;
  return {
    perSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors,
  };
}

/** The heap cap the server is meant to run with (NODE_OPTIONS in production). */
const HEAP_CAP_FLAG = '--max-old-space-size=192';

/** A fresh server with the heap capped, under register load: its peak RSS and pace. */
async function cappedHeapRun(
  seconds: number,
  load: Load,
  token: (role: 'center_officer' | 'finance_officer' | 'admin') => Promise<string>,
): Promise<{ peakMb: number; perSecond: number; p99Ms: number }> {
  const dataDir = scratchDir('http-capped');
  const server = await startServer('engine-server.js', [dataDir], [HEAP_CAP_FLAG]);
  let peakMb = 0;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, memoryOf(server.process.pid!).rssMb);
  }, 100);
  try {
    await openPlanOverHttp(server.url, token);
    await fire(server.url, 16, 2, load, '/api/v1');
    const figures = await fire(server.url, 64, seconds, load, '/api/v1');
    peakMb = Math.max(peakMb, memoryOf(server.process.pid!).peakMb);
    return { peakMb, perSecond: figures.perSecond, p99Ms: figures.p99Ms };
  } finally {
    clearInterval(sampler);
    await server.stop();
    removeDir(dataDir);
  }
}

export async function httpBenchmark(options: HttpOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const loadBefore = machineLoad();
  const dataDir = scratchDir('http');
  const auth: AuthSettings = {
    kind: 'hs256',
    secret: BENCH_JWT_SECRET,
    secretSource: 'env',
    issuer: BENCH_ISSUER,
    audience: BENCH_AUDIENCE,
  };
  const now = Math.floor(Date.now() / 1000);
  const token = (role: 'center_officer' | 'finance_officer' | 'admin') =>
    signDevToken(
      auth,
      { sub: `bench-${role}`, name: 'Người đo tải', roles: [role], ttlSeconds: 3600 },
      now,
    );
  const [center, finance] = await Promise.all([token('center_officer'), token('finance_officer')]);
  const projects = await seedProjects(dataDir, options.projects);

  const json = (bearer: string) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${bearer}`,
  });
  const { projectId: _id, ...registrationBody } = registration('unused', 7);
  const register: Load = {
    name: 'register',
    status: 201,
    requests: (prefix) => [
      {
        method: 'POST',
        path: `${prefix}/projects`,
        headers: json(center),
        body: JSON.stringify(registrationBody),
      },
    ],
  };
  let nextProject = 0;
  const advanceBody = JSON.stringify({
    kind: 'advance',
    amountVnd: 1_000,
    paidOn: '2024-03-05',
    voucherNo: 'UNC-BENCH',
  });
  const disburse: Load = {
    name: 'disbursement',
    status: 200,
    requests: (prefix) => [
      {
        method: 'POST',
        headers: json(finance),
        body: advanceBody,
        // Round robin over the projects, so concurrent advances rarely meet on one stream.
        setupRequest: (request) => ({
          ...request,
          path: `${prefix}/projects/${projects[nextProject++ % projects.length]}/disbursements`,
        }),
      },
    ],
  };

  const engine = await startServer('engine-server.js', [dataDir]);
  const floor = await startServer('floor-server.js', []);
  await openPlanOverHttp(engine.url, token);
  const pid = engine.process.pid!;
  let peakSampled = 0;
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, memoryOf(pid).rssMb);
  }, 100);
  const results: Record<string, { engine: LoadFigures[]; floor: LoadFigures[] }> = {};
  let memory: { rssMb: number; peakMb: number } | undefined;
  try {
    // Warm-up of both servers: JIT, connection pools, the projection runner's first batches.
    await fire(engine.url, 16, 2, register, '/api/v1');
    await fire(engine.url, 16, 2, disburse, '/api/v1');
    await fire(floor.url, 16, 2, register, '/floor');
    await fire(floor.url, 16, 2, disburse, '/floor');
    for (const load of [register, disburse]) {
      for (const connections of [16, 64]) {
        const key = `${load.name} c${connections}`;
        results[key] = { engine: [], floor: [] };
        for (let run = 0; run < options.runs; run++) {
          results[key].engine.push(
            await fire(engine.url, connections, options.seconds, load, '/api/v1'),
          );
          results[key].floor.push(
            await fire(floor.url, connections, options.seconds, load, '/floor'),
          );
        }
      }
    }
    memory = memoryOf(pid);
  } finally {
    clearInterval(sampler);
    await engine.stop();
    await floor.stop();
    removeDir(dataDir);
  }
  const capped = await cappedHeapRun(options.seconds, register, token);

  const figures: Figure[] = [];
  for (const [key, { engine: runs, floor: floorRuns }] of Object.entries(results)) {
    const value = median(runs.map((r) => r.perSecond));
    const floorValue = median(floorRuns.map((r) => r.perSecond));
    const p50 = median(runs.map((r) => r.p50Ms));
    const p99 = median(runs.map((r) => r.p99Ms));
    const at16 = key.endsWith('c16');
    const failures = runs.reduce((sum, r) => sum + r.failures, 0);
    figures.push({
      benchmark: 'HTTP commands',
      case: `${key} req/s`,
      value: round(value),
      unit: 'req/s',
      floor: round(floorValue),
      ratio: round(value / floorValue, 2),
      target: '>= 0.5 x floor',
      met: value >= floorValue / 2,
      runs: runs.map((r) => round(r.perSecond)),
      note: `floor p50 ${median(floorRuns.map((r) => r.p50Ms))} ms, p99 ${median(floorRuns.map((r) => r.p99Ms))} ms; engine failures ${failures}`,
    });
    figures.push({
      benchmark: 'HTTP commands',
      case: `${key} p99 (p50 ${p50} ms, floor's ${median(floorRuns.map((r) => r.p50Ms))} ms)`,
      value: p99,
      unit: 'ms',
      floor: median(floorRuns.map((r) => r.p99Ms)),
      ...(at16 ? { target: 'p99 < 50 ms', met: p99 < 50 } : {}),
      runs: runs.map((r) => r.p99Ms),
      note: `p50 ${p50} ms`,
    });
  }
  const peak = Math.max(memory?.peakMb ?? 0, peakSampled);
  figures.push({
    benchmark: 'HTTP commands',
    case: 'server peak RSS under load (node defaults)',
    value: peak,
    unit: 'MB',
    target: '< 300 MB',
    met: peak < 300,
    note: `RSS at the end ${memory?.rssMb} MB; V8 lets the old generation grow on a 24 GB machine`,
  });
  figures.push({
    benchmark: 'HTTP commands',
    case: `server peak RSS, ${HEAP_CAP_FLAG}`,
    value: capped.peakMb,
    unit: 'MB',
    target: '< 300 MB',
    met: capped.peakMb < 300,
    note: `register c64 at ${round(capped.perSecond)} req/s, p99 ${capped.p99Ms} ms with the cap`,
  });
  return {
    name: 'http',
    figures,
    details: {
      capped,
      loadBefore,
      loadAfter: machineLoad(),
      projects: options.projects,
      results,
      memory,
      peakSampled,
    },
    seconds: round((nowMs() - started) / 1000, 1),
  };
}
