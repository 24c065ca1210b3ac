import { rmSync } from 'node:fs';
import { commandIdFor } from '../../src/kernel/command-ids';
import type { Role } from '../../src/shared/actor';
import { registrationBody } from '../support/http';
import {
  cleanUpRedis,
  dumpReadModels,
  describeFault,
  ensureBuilt,
  runCli,
  seedPlans,
  startServer,
  tempDataDir,
  tokenFor,
  waitForProjections,
  type ServerProcess,
} from './server-process';

/**
 * `kill -9` of the real server while 8 clients write as fast as they can. Every command the
 * server acknowledged (a 2xx) must be in the log after a restart, at the version it was
 * acknowledged with; the log must verify; and the read models the restarted server catches up
 * to must equal the ones a full rebuild from the log produces.
 */

const WRITERS = 8;
/** Acknowledged commands to wait for before the kill, so it lands mid-stream. */
const KILL_AFTER = 300;

interface Acknowledged {
  readonly writer: number;
  readonly sub: string;
  readonly idempotencyKey: string;
  readonly projectId: string;
  readonly version: number;
  readonly position: string;
}

let dataDir: string;
let server: ServerProcess | undefined;

beforeAll(() => {
  ensureBuilt();
  dataDir = tempDataDir('kill9');
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await cleanUpRedis();
}, 60_000);

interface Person {
  readonly sub: string;
  readonly token: string;
}

async function person(role: Role, sub: string): Promise<Person> {
  return { sub, token: await tokenFor(role, { sub }) };
}

/** One client: projects through their steps, one command at a time, until the server dies. */
/** How each writer's last command ended when the server died (ECONNREFUSED: sent after the kill). */
const cutOff: string[] = [];

async function writer(
  n: number,
  baseApi: string,
  acknowledged: Acknowledged[],
  stop: () => boolean,
): Promise<number> {
  const center = await person('center_officer', `w${n}-center`);
  const approver = await person('approver', `w${n}-approver`);
  const finance = await person('finance_officer', `w${n}-finance`);
  let sent = 0;
  const send = async (
    who: Person,
    path: string,
    body: unknown,
  ): Promise<{ id: string; version: number; position: string } | undefined> => {
    const idempotencyKey = `writer-${n}-${++sent}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${who.token}`,
      'idempotency-key': idempotencyKey,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseApi}${path}`, {
        method: 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      // The server is gone: this command's fate is unknown, and it was not acknowledged.
      const code = ((error as { cause?: { code?: string } }).cause?.code ?? 'unknown') as string;
      cutOff.push(code);
      return undefined;
    }
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const result = (await response.json()) as { id: string; version: number; position: string };
    acknowledged.push({
      writer: n,
      sub: who.sub,
      idempotencyKey,
      projectId: result.id,
      version: result.version,
      position: result.position,
    });
    return result;
  };
  while (!stop()) {
    const registered = await send(center, '/projects', registrationBody('tan-phu'));
    if (!registered) break;
    const id = registered.id;
    const steps: [Person, string, unknown][] = [
      [center, 'appraisal/start', undefined],
      [
        center,
        'appraisal/result',
        { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 180_000_000 },
      ],
      [
        approver,
        'approval',
        { decisionNo: '1/QĐ', decisionDate: '2024-04-10', approvedFundingVnd: 180_000_000 },
      ],
      [center, 'execution/start', { startedOn: '2024-04-15' }],
      [
        finance,
        'disbursements',
        { kind: 'advance', amountVnd: 60_000_000, paidOn: '2024-05-02', voucherNo: 'UNC-1' },
      ],
      [
        center,
        'progress-reports',
        {
          period: '2024-05',
          reportedOn: '2024-05-24',
          achievements: [{ indicator: 'trainees', value: 12 }],
        },
      ],
      [
        finance,
        'disbursements',
        { kind: 'advance', amountVnd: 40_000_000, paidOn: '2024-05-03', voucherNo: 'UNC-2' },
      ],
    ];
    for (const [who, path, body] of steps) {
      if (!(await send(who, `/projects/${id}/${path}`, body))) return sent;
    }
  }
  return sent;
}

describeFault('kill -9 under 8 concurrent writers', () => {
  const acknowledged: Acknowledged[] = [];

  it('keeps writing until the kill lands mid-stream', async () => {
    server = await startServer(dataDir);
    await seedPlans(server.apiUrl);
    let killed = false;
    let running = WRITERS;
    const writers = Array.from({ length: WRITERS }, (_, n) =>
      writer(n, (server as ServerProcess).apiUrl, acknowledged, () => killed).finally(
        () => (running -= 1),
      ),
    );
    // Until enough is acknowledged; a writer that fails stops the wait, and its error fails the test below.
    while (acknowledged.length < KILL_AFTER && running === WRITERS)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await server.kill9();
    killed = true;
    const sent = await Promise.all(writers);
    expect(server.child.signalCode).toBe('SIGKILL');
    expect(sent.every((n) => n > 0)).toBe(true);
    // Commands were on the wire when the kill landed (their answer never came), not just refused after it.
    expect(cutOff).toHaveLength(WRITERS);
    expect(cutOff.filter((code) => code !== 'ECONNREFUSED').length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
  }, 60_000);

  it('has every acknowledged command in the log after a restart, at the version it was acknowledged with', async () => {
    server = await startServer(dataDir);
    const auditor = await tokenFor('auditor');
    const histories = new Map<string, { commandId: string }[]>();
    for (const projectId of new Set(acknowledged.map((a) => a.projectId))) {
      const response = await fetch(`${server.apiUrl}/projects/${projectId}/history`, {
        headers: { authorization: `Bearer ${auditor}` },
      });
      expect(response.status).toBe(200);
      histories.set(
        projectId,
        ((await response.json()) as { events: { commandId: string }[] }).events,
      );
    }
    const missing = acknowledged.filter(
      (a) =>
        histories.get(a.projectId)?.[a.version - 1]?.commandId !==
        commandIdFor(a.sub, a.idempotencyKey),
    );
    expect(missing).toEqual([]);
    const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as {
      eventStore: { head: string };
    };
    const lastAcknowledged = acknowledged.reduce(
      (max, a) => (BigInt(a.position) > max ? BigInt(a.position) : max),
      0n,
    );
    expect(BigInt(health.eventStore.head)).toBeGreaterThanOrEqual(lastAcknowledged);
  }, 60_000);

  it('keeps an intact hash chain in every stream (nothing half-written)', async () => {
    await (server as ServerProcess).stop();
    const verify = runCli('verify-log', dataDir);
    expect({ status: verify.status, stderr: verify.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(verify.stdout)).toEqual(expect.objectContaining({ valid: true, broken: [] }));
  }, 60_000);

  it('catches up to read models equal to a full rebuild from the log', async () => {
    server = await startServer(dataDir);
    await waitForProjections(server.baseUrl);
    await server.stop();
    const caughtUp = dumpReadModels(dataDir);
    const rebuild = runCli('rebuild-projections', dataDir);
    expect({ status: rebuild.status, stderr: rebuild.stderr }).toEqual({ status: 0, stderr: '' });
    const rebuilt = dumpReadModels(dataDir);
    expect(Object.keys(caughtUp).length).toBeGreaterThan(0);
    expect(rebuilt).toEqual(caughtUp);
  }, 90_000);
});
