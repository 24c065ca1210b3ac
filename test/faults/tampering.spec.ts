import { cpSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { EventMetadata } from '../../src/event-store/event-store.port';
import { computeEventHash } from '../../src/event-store/hash-chain';
import { databasePathIn } from '../../src/event-store/sqlite-database';
import { projectStreamId } from '../../src/projects/application/project-stream';
import { registrationBody } from '../support/http';
import {
  cleanUpRedis,
  describeFault,
  ensureBuilt,
  runCli,
  seedPlans,
  startServer,
  tempDataDir,
  tokenFor,
  type ServerProcess,
} from './server-process';

/**
 * A stored event altered behind the server's back, straight in the SQLite file: `npm run
 * verify` (dist/cli/verify-log.js, what the script runs after building) exits 2 and names the
 * stream and its first broken version, and GET /projects/{id}/verify says the same for the
 * project; an untouched project in the same log still verifies. Each alteration is made on
 * its own copy of one intact data directory.
 */

interface Row {
  readonly position: number;
  readonly stream_id: string;
  readonly version: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

let pristine: string;
const copies: string[] = [];
let tampered: string;
let untouched: string;
let server: ServerProcess | undefined;

async function post(
  apiUrl: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ id: string; version: number }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; version: number };
}

/** A project in execution with one advance: versions 1 (registered) to 6 (the advance). */
async function projectWithAnAdvance(apiUrl: string): Promise<string> {
  const [center, approver, finance] = await Promise.all([
    tokenFor('center_officer'),
    tokenFor('approver'),
    tokenFor('finance_officer'),
  ]);
  const { id } = await post(apiUrl, '/projects', center, registrationBody('tan-phu'));
  await post(apiUrl, `/projects/${id}/appraisal/start`, center);
  await post(apiUrl, `/projects/${id}/appraisal/result`, center, {
    outcome: 'passed',
    notes: 'Đạt',
    appraisedFundingVnd: 150_000_000,
  });
  await post(apiUrl, `/projects/${id}/approval`, approver, {
    decisionNo: '3/QĐ',
    decisionDate: '2024-04-10',
    approvedFundingVnd: 150_000_000,
  });
  await post(apiUrl, `/projects/${id}/execution/start`, center, { startedOn: '2024-04-15' });
  const last = await post(apiUrl, `/projects/${id}/disbursements`, finance, {
    kind: 'advance',
    amountVnd: 50_000_000,
    paidOn: '2024-05-02',
    voucherNo: 'UNC-5',
  });
  if (last.version !== 6) throw new Error(`expected version 6, got ${last.version}`);
  return id;
}

beforeAll(async () => {
  ensureBuilt();
  pristine = tempDataDir('tamper');
  server = await startServer(pristine);
  await seedPlans(server.apiUrl);
  tampered = await projectWithAnAdvance(server.apiUrl);
  untouched = await projectWithAnAdvance(server.apiUrl);
  await server.stop();
  server = undefined;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of [pristine, ...copies]) rmSync(dir, { recursive: true, force: true });
  await cleanUpRedis();
}, 60_000);

/** A copy of the intact data directory with `alter` applied to its file. */
function alteredCopy(alter: (db: Database.Database, stream: string) => void): string {
  const copy = tempDataDir('tampered');
  copies.push(copy);
  cpSync(pristine, copy, { recursive: true });
  const db = new Database(databasePathIn(copy));
  try {
    alter(db, projectStreamId(tampered));
  } finally {
    db.close();
  }
  return copy;
}

function row(db: Database.Database, stream: string, version: number): Row {
  return db
    .prepare('SELECT * FROM events WHERE stream_id = ? AND version = ?')
    .get(stream, version) as Row;
}

function setData(db: Database.Database, stream: string, version: number, data: unknown): void {
  db.prepare('UPDATE events SET data = ? WHERE stream_id = ? AND version = ?').run(
    JSON.stringify(data),
    stream,
    version,
  );
}

describeFault('the intact log', () => {
  it('verifies: npm run verify exits 0 with no broken stream', () => {
    const result = runCli('verify-log', pristine);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      expect.objectContaining({ valid: true, broken: [], eventsChecked: expect.any(Number) }),
    );
  });
});

const alterations: readonly {
  name: string;
  firstBroken: number;
  alter: (db: Database.Database, stream: string) => void;
}[] = [
  {
    name: 'the amount of an advance is changed',
    firstBroken: 6,
    alter: (db, stream) =>
      setData(db, stream, 6, { ...JSON.parse(row(db, stream, 6).data), amountVnd: 5_000_000 }),
  },
  {
    name: 'the approver named in the metadata is changed',
    firstBroken: 4,
    alter: (db, stream) => {
      const metadata = JSON.parse(row(db, stream, 4).metadata) as EventMetadata;
      const forged = { ...metadata, actor: { ...metadata.actor, sub: 'someone-else' } };
      db.prepare('UPDATE events SET metadata = ? WHERE stream_id = ? AND version = 4').run(
        JSON.stringify(forged),
        stream,
      );
    },
  },
  {
    name: 'the appraisal event is deleted',
    firstBroken: 3,
    alter: (db, stream) =>
      db.prepare('DELETE FROM events WHERE stream_id = ? AND version = 3').run(stream),
  },
  {
    // Whoever knows the algorithm can re-hash the event it altered; the next event's link still points at the old hash.
    name: 'the approved funding is changed and that event re-hashed',
    firstBroken: 5,
    alter: (db, stream) => {
      const original = row(db, stream, 4);
      const data = { ...JSON.parse(original.data), approvedFundingVnd: 149_000_000 };
      const metadata = JSON.parse(original.metadata) as EventMetadata;
      const hash = computeEventHash({
        streamId: stream,
        version: 4,
        type: original.type,
        data,
        metadata,
      });
      db.prepare(
        'UPDATE events SET data = ?, metadata = ? WHERE stream_id = ? AND version = 4',
      ).run(JSON.stringify(data), JSON.stringify({ ...metadata, hash }), stream);
    },
  },
  {
    name: 'two events swap places',
    firstBroken: 5,
    alter: (db, stream) => {
      const [fifth, sixth] = [row(db, stream, 5), row(db, stream, 6)];
      const swap = db.prepare(
        'UPDATE events SET type = ?, data = ?, metadata = ? WHERE stream_id = ? AND version = ?',
      );
      db.transaction(() => {
        swap.run(sixth.type, sixth.data, sixth.metadata, stream, 5);
        swap.run(fifth.type, fifth.data, fifth.metadata, stream, 6);
      })();
    },
  },
];

describeFault.each(alterations)('when $name', ({ firstBroken, alter }) => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = alteredCopy(alter);
  });

  it(`npm run verify exits 2 and names the stream and version ${firstBroken}, and only that stream`, () => {
    const result = runCli('verify-log', dataDir);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual(
      expect.objectContaining({
        valid: false,
        broken: [{ streamId: projectStreamId(tampered), firstBrokenVersion: firstBroken }],
      }),
    );
  });

  it(`GET /projects/{id}/verify answers firstBrokenVersion ${firstBroken}, and the other project still verifies`, async () => {
    server = await startServer(dataDir);
    const auditor = await tokenFor('auditor');
    const verify = async (id: string) =>
      (await (
        await fetch(`${(server as ServerProcess).apiUrl}/projects/${id}/verify`, {
          headers: { authorization: `Bearer ${auditor}` },
        })
      ).json()) as unknown;
    expect(await verify(tampered)).toEqual(
      expect.objectContaining({ valid: false, firstBrokenVersion: firstBroken }),
    );
    expect(await verify(untouched)).toEqual(
      expect.objectContaining({ valid: true, firstBrokenVersion: null }),
    );
    await server.stop();
    server = undefined;
  }, 60_000);
});
