import autocannon from 'autocannon';
import { signDevToken } from '../src/auth/dev-token';
import type { AuthSettings } from '../src/config/settings';
import { startServer } from './http.bench';
import { BENCH_JWT_SECRET, removeDir, scratchDir } from './lib/engine';
import { machineLoad } from './lib/machine';
import { openPlanOverHttp } from './lib/plans';
import { registration } from './lib/project-script';
import type { BenchmarkOutcome } from './lib/report';
import { median, nowMs, percentile, round } from './lib/stats';

/**
 * The large-body attack of issue 9 (finding 3): four connections post, back to back, a
 * registration of about 900 KB holding 25,000 targets, with one officer's token, while one
 * client asks `/health` in turn. The figure is the health check's median latency during the
 * attack; the floor is the same probe against the same server with nothing else to do.
 */

export interface BodyAttackOptions {
  readonly seconds: number;
}

const ATTACK_CONNECTIONS = 4;
const TARGETS = 25_000;
/** Pause between two health probes, so the probe itself is no load. */
const PROBE_GAP_MS = 20;

/** Health latencies (ms), one request at a time, until `until()` says stop. */
async function probeHealth(url: string, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!until()) {
    const started = nowMs();
    const response = await fetch(`${url}/health`);
    await response.arrayBuffer();
    latencies.push(nowMs() - started);
    await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS));
  }
  return latencies;
}

export async function bodyAttackBenchmark(options: BodyAttackOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const loadBefore = machineLoad();
  const dataDir = scratchDir('body-attack');
  const auth: AuthSettings = { kind: 'hs256', secret: BENCH_JWT_SECRET, secretSource: 'env' };
  const now = Math.floor(Date.now() / 1000);
  const token = (role: 'center_officer' | 'admin') =>
    signDevToken(
      auth,
      { sub: `bench-${role}`, name: 'Người đo tải', roles: [role], ttlSeconds: 3600 },
      now,
    );
  const { projectId: _id, ...valid } = registration('unused', 7);
  const body = JSON.stringify({
    ...valid,
    targets: Array.from({ length: TARGETS }, (_, n) => ({ indicator: 'trainees', target: n + 1 })),
  });

  const server = await startServer('engine-server.js', [dataDir]);
  try {
    await openPlanOverHttp(server.url, token);
    const idle = await (async () => {
      const stopAt = nowMs() + 3000;
      return probeHealth(server.url, () => nowMs() >= stopAt);
    })();
    let attacking = true;
    // autocannon answers a thenable, not a Promise: Promise.resolve gives it `finally`.
    const attack = Promise.resolve(
      autocannon({
        url: server.url,
        connections: ATTACK_CONNECTIONS,
        duration: options.seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/projects',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${await token('center_officer')}`,
            },
            body,
          },
        ],
      }),
    ).finally(() => (attacking = false));
    const underAttack = await probeHealth(server.url, () => !attacking);
    const result = await attack;
    const statuses = Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
    );
    const p50 = round(median(underAttack), 1);
    const idleP50 = round(median(idle), 1);
    return {
      name: 'body-attack',
      figures: [
        {
          benchmark: 'large-body attack',
          case: `/health p50 under ${ATTACK_CONNECTIONS} × ${round(body.length / 1024)} KB bodies (${TARGETS} targets)`,
          value: p50,
          unit: 'ms',
          floor: idleP50,
          target: 'p50 < 100 ms',
          met: p50 < 100,
          note: `p99 ${round(percentile(underAttack, 99), 1)} ms over ${underAttack.length} probes; idle p99 ${round(percentile(idle, 99), 1)} ms`,
        },
        {
          benchmark: 'large-body attack',
          case: 'attack bodies answered per second',
          value: round(result.requests.average, 1),
          unit: 'req/s',
          note: `statuses ${JSON.stringify(statuses)}; errors ${result.errors}, timeouts ${result.timeouts}`,
        },
      ],
      details: {
        bodyBytes: body.length,
        statuses,
        healthUnderAttackMs: underAttack.map((value) => round(value, 2)),
        healthIdleMs: idle.map((value) => round(value, 2)),
        attackLatency: result.latency,
        loadBefore,
        loadAfter: machineLoad(),
      },
      seconds: round((nowMs() - started) / 1000, 1),
    };
  } finally {
    await server.stop();
    removeDir(dataDir);
  }
}
