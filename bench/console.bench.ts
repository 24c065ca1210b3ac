import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { businessDateOf, periodOf } from '../src/shared/business-date';
import type { BenchmarkOutcome, Figure } from './lib/report';
import { median, nowMs, round } from './lib/stats';
import { removeDir, scratchDir } from './lib/engine';

/**
 * The console as a user meets it: the JavaScript and CSS shipped to show the project page
 * (gzip, a cold cache), and how long the project page and its history take to show with 200
 * events in the history, in Debian's Chromium against the built server (`npm start`'s
 * dist/main.js and web/dist). The floor is what no console can avoid: the same origin's API
 * answers the page needs (the project, its history), fetched by the browser from a blank page.
 */

export interface ConsoleOptions {
  readonly runs: number;
  /** Events in the project's history. */
  readonly events: number;
}

const ROOT = join(__dirname, '..', '..');
const API = '/api/v1';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The built server, as `npm start` runs it, in development (for the development sign-in). */
async function startBuiltServer(dataDir: string) {
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) execSync('npm run build', { cwd: ROOT });
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
    execSync('npm run build:web', { cwd: ROOT });
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      QUEUE_PREFIX: `bench-console-${process.pid}`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${url}/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Session {
  readonly token: string;
  readonly actor: Record<string, unknown>;
}

async function signIn(url: string, role: string, unit?: string): Promise<Session> {
  const answer = await fetch(`${url}${API}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, name: `Đo hiệu năng ${role}`, ...(unit && { unit }) }),
  });
  if (answer.status !== 200) throw new Error(`dev token: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as Session;
}

async function post(url: string, session: Session, path: string, body?: unknown) {
  const answer = await fetch(`${url}${API}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${session.token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await answer.json()) as { id: string; position: string; version: number };
  if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(json)}`);
  return json;
}

/** A 2026 project of a commune with `events` events: the lifecycle, then progress reports. */
async function projectWithHistory(url: string, events: number): Promise<string> {
  const today = businessDateOf(new Date());
  const admin = await signIn(url, 'admin');
  const center = await signIn(url, 'center_officer');
  const approver = await signIn(url, 'approver');
  const unit = await signIn(url, 'unit_officer', '26116');
  await post(url, admin, '/programs', {
    code: 'BENCH-2026-2030',
    name: 'Chương trình khuyến công 2026–2030 (đo hiệu năng)',
    fromYear: 2026,
    toYear: 2030,
    budgets: [],
    targets: [],
  });
  await post(url, center, '/plans', {
    year: 2026,
    programCode: 'BENCH-2026-2030',
    registrationDeadline: '2026-01-31',
  });
  const { id } = await post(url, unit, '/projects', {
    planYear: 2026,
    unit: '26116',
    title: 'Đào tạo khởi sự doanh nghiệp cho cơ sở dệt Tân Phú',
    activityType: 'training',
    beneficiary: { name: 'Cơ sở dệt thổ cẩm Tân Phú' },
    requestedFundingVnd: 200_000_000,
    counterpartFundingVnd: 50_000_000,
    targets: [{ indicator: 'trainees', target: 40 }],
    plannedStart: '2026-03-01',
    plannedEnd: '2026-12-31',
  });
  await post(url, center, `/projects/${id}/appraisal/start`);
  await post(url, center, `/projects/${id}/appraisal/result`, {
    outcome: 'passed',
    notes: 'Hội đồng thẩm định thống nhất',
    appraisedFundingVnd: 180_000_000,
  });
  await post(url, approver, `/projects/${id}/approval`, {
    decisionNo: '12/QĐ-UBND',
    decisionDate: today,
    approvedFundingVnd: 180_000_000,
  });
  let last = await post(url, center, `/projects/${id}/execution/start`, { startedOn: today });
  // A report again for the month replaces the one before; each is an event of the history.
  for (let value = 1; last.version < events; value++) {
    last = await post(url, center, `/projects/${id}/progress-reports`, {
      period: periodOf(today),
      reportedOn: today,
      achievements: [{ indicator: 'trainees', value: value % 40 }],
    });
  }
  // The read models have the last event before anything is measured.
  await fetch(`${url}${API}/projects/${id}?minPosition=${last.position}`, {
    headers: { authorization: `Bearer ${center.token}` },
  });
  return id;
}

interface PageLoad {
  readonly ms: number;
  readonly jsGzipBytes: number;
  readonly cssGzipBytes: number;
  readonly requests: number;
}

/** One cold load of `path` (a new context: no cache, no session) until `visible` shows. */
async function loadPage(
  browser: Browser,
  url: string,
  session: Session,
  path: string,
  visible: string,
): Promise<PageLoad> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1366, height: 768 },
  });
  await context.addInitScript(
    (value: string) =>
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('khuyencong.session', value),
    JSON.stringify({ ...session, expiresAt: Date.now() + 3_600_000 }),
  );
  const page = await context.newPage();
  const shipped: Promise<{ kind: 'js' | 'css'; bytes: number }>[] = [];
  let requests = 0;
  page.on('response', (response) => {
    requests++;
    const type = response.headers()['content-type'] ?? '';
    const kind = type.includes('javascript') ? 'js' : type.includes('text/css') ? 'css' : null;
    if (kind)
      shipped.push(response.body().then((body) => ({ kind, bytes: gzipSync(body).length })));
  });
  const started = nowMs();
  await page.goto(`${url}${path}`);
  await page.getByText(visible, { exact: false }).first().waitFor({ timeout: 60_000 });
  const ms = nowMs() - started;
  const sizes = await Promise.all(shipped);
  await context.close();
  const sum = (kind: 'js' | 'css') =>
    sizes.filter((s) => s.kind === kind).reduce((a, s) => a + s.bytes, 0);
  return { ms, jsGzipBytes: sum('js'), cssGzipBytes: sum('css'), requests };
}

/** The floor: the API answers the page needs, fetched by the browser on the same origin. */
async function loadFloor(browser: Browser, url: string, session: Session, id: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/health`);
  const ms = await page.evaluate(
    async ({ id, token }) => {
      const started = performance.now();
      const headers = { authorization: `Bearer ${token}`, 'accept-language': 'vi' };
      await Promise.all(
        [`/api/v1/projects/${id}`, `/api/v1/projects/${id}/history`].map((p) =>
          fetch(p, { headers }).then((r) => r.json()),
        ),
      );
      return performance.now() - started;
    },
    { id, token: session.token },
  );
  await context.close();
  return ms;
}

export async function consoleBenchmark(options: ConsoleOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const dataDir = scratchDir('console');
  const server = await startBuiltServer(dataDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const id = await projectWithHistory(server.url, options.events);
    const auditor = await signIn(server.url, 'auditor');
    const project: PageLoad[] = [];
    const history: PageLoad[] = [];
    const floor: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      project.push(
        await loadPage(
          browser,
          server.url,
          auditor,
          `/de-an/${id}`,
          'Đào tạo khởi sự doanh nghiệp',
        ),
      );
      history.push(
        await loadPage(browser, server.url, auditor, `/de-an/${id}/lich-su`, 'Lịch sử đề án'),
      );
      floor.push(await loadFloor(browser, server.url, auditor, id));
    }
    const floorMs = median(floor);
    const loadFigure = (what: string, loads: PageLoad[]): Figure => {
      const ms = median(loads.map((l) => l.ms));
      return {
        benchmark: 'console',
        case: `${what}, ${options.events} events, cold cache`,
        value: round(ms, 1),
        unit: 'ms',
        floor: round(floorMs, 1),
        ratio: round(floorMs / ms, 3),
        runs: loads.map((l) => round(l.ms, 1)),
        note: 'floor: the API answers the page needs, fetched by the browser',
      };
    };
    const [first] = project;
    const figures: Figure[] = [
      {
        benchmark: 'console',
        case: 'project page: JavaScript shipped (gzip)',
        value: round(first.jsGzipBytes / 1024, 1),
        unit: 'KiB',
      },
      {
        benchmark: 'console',
        case: 'project page: CSS shipped (gzip)',
        value: round(first.cssGzipBytes / 1024, 1),
        unit: 'KiB',
      },
      loadFigure('project page shown', project),
      loadFigure('history page shown', history),
    ];
    return {
      name: 'console',
      figures,
      details: { requests: first.requests, projectId: id },
      seconds: round((nowMs() - started) / 1000, 1),
    };
  } finally {
    await browser.close();
    await server.stop();
    removeDir(dataDir);
  }
}
