import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { eventIdFor } from '../../src/kernel/command-ids';
import type { EventToAppend } from '../../src/event-store/event-store.port';
import { databasePathIn } from '../../src/event-store/sqlite-database';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { projectStreamId } from '../../src/projects/application/project-stream';
import type { ProjectCommand } from '../../src/projects/domain/project.commands';
import {
  DEFAULT_PROJECT_RULES,
  type ProjectContext,
} from '../../src/projects/domain/project.context';
import { projectDecider } from '../../src/projects/domain/project.decider';
import { occurredOnOf, type ProjectEvent } from '../../src/projects/domain/project.events';
import { projectSerde } from '../../src/projects/project.serde';
import { DEFAULT_REFERENCE_DATA } from '../../src/reference-data/default-reference-data';
import type { Actor } from '../../src/shared/actor';
import { registrationBody } from '../support/http';
import {
  cleanUpRedis,
  dumpReadModels,
  describeFault,
  ensureBuilt,
  logFacts,
  runCli,
  seedPlans,
  startServer,
  tempDataDir,
  tokenFor,
  waitForProjections,
  type ServerProcess,
} from './server-process';

/**
 * A crash between append and projection. Events are appended straight to the log of a
 * stopped server, as if it had acknowledged them and died before its projections ran; the
 * restarted server catches up, every event counted exactly once. Then a backlog of tens of
 * thousands of events, and the server SIGKILLed twice in the middle of catching up: the
 * checkpoint commits with the rows it covers, so after the last restart the read models are
 * exactly what a full rebuild gives, nothing skipped and nothing applied twice.
 */

const TODAY = '2024-12-31';
const center: Actor = { sub: 'catchup-center', name: 'Trung tâm', role: 'center_officer' };
const approver: Actor = { sub: 'catchup-approver', name: 'Lãnh đạo', role: 'approver' };
const finance: Actor = { sub: 'catchup-finance', name: 'Kế toán', role: 'finance_officer' };

const context = (actor: Actor): ProjectContext => ({
  actor,
  today: TODAY,
  reference: DEFAULT_REFERENCE_DATA,
  rules: DEFAULT_PROJECT_RULES,
});

/** Decides `steps` one by one from nothing, as the server would, and returns the events to append. */
function decided(projectId: string, steps: readonly [Actor, ProjectCommand][]): EventToAppend[] {
  let state = projectDecider.initialState();
  const stream = projectStreamId(projectId);
  const out: EventToAppend[] = [];
  for (const [actor, command] of steps) {
    const commandId = randomUUID();
    const events: readonly ProjectEvent[] = projectDecider.decide(command, state, context(actor));
    events.forEach((event, index) => {
      out.push({
        eventId: eventIdFor(commandId, stream, index),
        type: event.type,
        data: event.data,
        metadata: {
          commandId,
          actor: { sub: actor.sub, name: actor.name, role: actor.role },
          occurredOn: occurredOnOf(event, TODAY),
          schemaVersion: projectSerde.schemaVersionOf(event.type),
        },
      });
    });
    state = events.reduce(projectDecider.evolve, state);
  }
  return out;
}

/** A project in execution with `advances` of 1,000,000 each and a progress report for each of `months` months. */
function projectSteps(
  projectId: string,
  advances: number,
  months: number,
): [Actor, ProjectCommand][] {
  const registration = {
    ...registrationBody('tan-phu'),
    counterpartFundingVnd: 0,
    fundingSource: 'local' as const,
    projectId,
  };
  const steps: [Actor, ProjectCommand][] = [
    [center, { type: 'RegisterProject', data: registration }],
    [center, { type: 'StartAppraisal', data: {} }],
    [
      center,
      {
        type: 'RecordAppraisalResult',
        data: { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 180_000_000 },
      },
    ],
    [
      approver,
      {
        type: 'ApproveProject',
        data: { decisionNo: '1/QĐ', decisionDate: '2020-01-10', approvedFundingVnd: 180_000_000 },
      },
    ],
    [center, { type: 'StartExecution', data: { startedOn: '2020-01-15' } }],
  ];
  for (let i = 0; i < advances; i++)
    steps.push([
      finance,
      {
        type: 'RecordDisbursement',
        data: {
          kind: 'advance',
          amountVnd: 1_000_000,
          paidOn: '2020-02-01',
          voucherNo: `UNC-${i}`,
        },
      },
    ]);
  for (let m = 0; m < months; m++) {
    const period = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    steps.push([
      center,
      {
        type: 'ReportProgress',
        data: {
          period,
          reportedOn: `${period}-25`,
          achievements: [{ indicator: 'trainees', value: 1 }],
        },
      },
    ]);
  }
  return steps;
}

/** Appends to the file of a stopped server, with no projection running: the crash left them unprojected. */
async function appendBehindTheServer(
  dataDir: string,
  projects: readonly { id: string; events: EventToAppend[] }[],
): Promise<void> {
  const store = new SqliteEventStore(databasePathIn(dataDir));
  try {
    await Promise.all(projects.map((p) => store.append(projectStreamId(p.id), p.events, 0)));
  } finally {
    await store.close();
  }
}

/** The lowest projection checkpoint in the file (what a restart resumes from). */
function lowestCheckpoint(dataDir: string): number {
  const db = new Database(databasePathIn(dataDir), { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare('SELECT COALESCE(MIN(position), 0) AS low FROM projection_checkpoints').get() as {
        low: number;
      }
    ).low;
  } finally {
    db.close();
  }
}

async function getJson(
  server: ServerProcess,
  path: string,
  token: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let server: ServerProcess | undefined;
const dirs: string[] = [];

beforeAll(() => ensureBuilt(), 120_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await cleanUpRedis();
}, 60_000);

describeFault('events appended, then a crash before the projections ran', () => {
  const appended = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), advances: i + 1 }));
  let dataDir: string;

  it('catches up on restart: every appended project is listed, once, with its exact money', async () => {
    dataDir = tempDataDir('append-crash');
    dirs.push(dataDir);
    server = await startServer(dataDir);
    await seedPlans(server.apiUrl);
    const token = await tokenFor('center_officer');
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${server.apiUrl}/projects`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(registrationBody('tan-phu')),
      });
      expect(response.status).toBe(201);
    }
    await waitForProjections(server.baseUrl);
    await server.stop();
    const before = logFacts(dataDir);
    expect(lowestCheckpoint(dataDir)).toBe(before.head);

    await appendBehindTheServer(
      dataDir,
      appended.map((p) => ({ id: p.id, events: decided(p.id, projectSteps(p.id, p.advances, 3)) })),
    );
    expect(logFacts(dataDir).head).toBeGreaterThan(before.head);
    expect(lowestCheckpoint(dataDir)).toBe(before.head);

    server = await startServer(dataDir);
    await waitForProjections(server.baseUrl);
    const auditor = await tokenFor('auditor');
    const list = await getJson(server, '/projects?pageSize=100', auditor);
    expect(list.body.total).toBe(3 + appended.length);
    for (const p of appended) {
      const project = await getJson(server, `/projects/${p.id}`, auditor);
      expect({
        status: project.status,
        version: project.body.version,
        disbursed: project.body.disbursedVnd,
      }).toEqual({
        status: 200,
        version: 5 + p.advances + 3,
        disbursed: p.advances * 1_000_000,
      });
    }
  }, 90_000);

  it('has read models equal to a full rebuild (nothing applied twice)', async () => {
    await (server as ServerProcess).stop();
    const caughtUp = dumpReadModels(dataDir);
    expect(runCli('rebuild-projections', dataDir).status).toBe(0);
    expect(dumpReadModels(dataDir)).toEqual(caughtUp);
  }, 60_000);
});

describeFault('a SIGKILL in the middle of catching up, twice', () => {
  const PROJECTS = 600;
  let dataDir: string;
  let head: number;

  it('lands both kills while the projections are part-way through the backlog', async () => {
    dataDir = tempDataDir('catchup-kill');
    dirs.push(dataDir);
    server = await startServer(dataDir);
    await server.stop();
    const backlog = Array.from({ length: PROJECTS }, () => randomUUID()).map((id) => ({
      id,
      events: decided(id, projectSteps(id, 20, 60)),
    }));
    await appendBehindTheServer(dataDir, backlog);
    head = logFacts(dataDir).head;
    expect(head).toBeGreaterThan(50_000);

    let previous = lowestCheckpoint(dataDir);
    for (let kill = 0; kill < 2; kill++) {
      server = await startServer(dataDir, { waitUntilReady: false });
      // As soon as a batch past the last checkpoint is committed, and before the end of the log.
      let seen = previous;
      const deadline = Date.now() + 30_000;
      while (seen <= previous) {
        if (Date.now() > deadline)
          throw new Error(`No projection progress past ${previous}:\n${server.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
        seen = lowestCheckpoint(dataDir);
      }
      await server.kill9();
      const after = lowestCheckpoint(dataDir);
      expect(after).toBeGreaterThan(previous);
      expect(after).toBeLessThan(head);
      previous = after;
    }
  }, 120_000);

  it('then catches up to read models equal to a full rebuild: nothing skipped, nothing applied twice', async () => {
    server = await startServer(dataDir, { readyTimeoutMs: 60_000 });
    await waitForProjections(server.baseUrl, 60_000);
    const auditor = await tokenFor('auditor');
    const list = await getJson(server, '/projects?pageSize=1', auditor);
    expect(list.body.total).toBe(PROJECTS);
    await server.stop();
    const caughtUp = dumpReadModels(dataDir);
    expect(runCli('rebuild-projections', dataDir).status).toBe(0);
    expect(dumpReadModels(dataDir)).toEqual(caughtUp);
  }, 120_000);
});
