import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/cli-support';
import { runStoreExport } from '../../src/cli/store-export';
import { runStoreImport } from '../../src/cli/store-import';
import type {
  EventStore,
  EventToAppend,
  RecordedEvent,
} from '../../src/event-store/event-store.port';
import { readWholeLog, verifyLog } from '../../src/event-store/hash-chain';
import { importLog, ImportVerificationError } from '../../src/event-store/log-move';
import { databasePathIn, openSqliteDatabase } from '../../src/event-store/sqlite-database';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';

/**
 * Moving a log between two embedded stores through `store:export` and `store:import`, run
 * in-process with their own argument parsing and settings. (The same commands move a log to
 * and from EventStoreDB; that direction needs a server and is not run here.)
 */

const SECRET = { AUTH_JWT_SECRET: 's'.repeat(40) };

function anEvent(type: string, data: unknown): EventToAppend {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      commandId: randomUUID(),
      actor: { sub: 'c1', name: 'Nguyễn Văn An', role: 'center_officer' },
      occurredOn: '2025-03-14',
      schemaVersion: 1,
    },
  };
}

async function collect(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of readWholeLog(store, 7)) events.push(event);
  return events;
}

function captured(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
  };
  return io;
}

const PROJECT = `support-project-${randomUUID()}`;
const PLAN = 'annual-plan-2026';
const PROGRAMME = 'programme-CT-KC-2025';

/** A province's log: three streams, interleaved, single and multi-event appends. */
async function fillProvinceLog(store: EventStore): Promise<void> {
  await store.append(
    PROGRAMME,
    [anEvent('ProgrammeCreated', { code: 'CT-KC-2025', budgetVnd: 12_000_000_000 })],
    0,
  );
  await store.append(
    PLAN,
    [anEvent('PlanOpened', { year: 2026 }), anEvent('DistrictRegistered', { district: 'tan-phu' })],
    0,
  );
  await store.append(
    PROJECT,
    [
      anEvent('ProjectRegistered', {
        title: 'Hỗ trợ máy cắt CNC',
        requestedFundingVnd: 250_000_000,
      }),
    ],
    0,
  );
  await store.append(PROJECT, [anEvent('AppraisalStarted', {})], 1);
  await store.append(PLAN, [anEvent('PlanCompiled', { projects: [PROJECT] })], 2);
  await store.append(
    PROJECT,
    [
      anEvent('ProjectApproved', { approvedFundingVnd: 240_000_000, decisionNo: '123/QĐ-UBND' }),
      anEvent('ExecutionStarted', { startedOn: '2026-03-01' }),
    ],
    2,
  );
  await store.append(PROGRAMME, [anEvent('BudgetChanged', { budgetVnd: 12_500_000_000 })], 1);
}

describe('moving the event log between stores (store:export, store:import)', () => {
  let dir: string;
  let sourceDir: string;
  let targetDir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'log-move-'));
    sourceDir = join(dir, 'source');
    targetDir = join(dir, 'target');
    file = join(dir, 'log.jsonl');
    const source = new SqliteEventStore(join(mkdirOf(sourceDir), 'khuyencong.sqlite'));
    await fillProvinceLog(source);
    await source.close();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The directory, created if missing. */
  function mkdirOf(path: string): string {
    mkdirSync(path, { recursive: true });
    return path;
  }

  async function exportFrom(dataDir: string, ...extra: string[]) {
    const io = captured();
    const code = await runStoreExport(
      ['--out', file, ...extra],
      { DATA_DIR: dataDir, ...SECRET },
      io,
    );
    return { code, ...io };
  }

  async function importInto(dataDir: string, from = file) {
    const io = captured();
    const code = await runStoreImport(['--in', from], { DATA_DIR: dataDir, ...SECRET }, io);
    return { code, ...io };
  }

  async function logIn(dataDir: string): Promise<RecordedEvent[]> {
    const store = new SqliteEventStore(databasePathIn(dataDir));
    try {
      return await collect(store);
    } finally {
      await store.close();
    }
  }

  it('moves every event, with its id, type, data, metadata and hash, into a fresh store, in the same order', async () => {
    const exported = await exportFrom(sourceDir);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(exported.stdout)).toMatchObject({
      source: 'sqlite',
      events: 9,
      streams: 3,
      lastPosition: '9',
      chainsValid: true,
    });

    const imported = await importInto(targetDir);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(imported.stdout)).toMatchObject({
      from: 'sqlite',
      into: 'sqlite',
      events: 9,
      streams: 3,
      verified: { events: 9, streams: 3, valid: true },
    });

    const before = await logIn(sourceDir);
    const after = await logIn(targetDir);
    expect(after).toHaveLength(9);
    const withoutPosition = ({ position: _position, ...rest }: RecordedEvent) => rest;
    expect(after.map(withoutPosition)).toEqual(before.map(withoutPosition));
    expect(after.map((event) => event.metadata.hash)).toEqual(
      before.map((event) => event.metadata.hash),
    );
    expect(await verifyLog(after)).toEqual({
      valid: true,
      eventsChecked: 9,
      streamsChecked: 3,
      broken: [],
    });
  });

  it('lets the moved log go on: the next append chains onto the imported hash', async () => {
    await exportFrom(sourceDir);
    await importInto(targetDir);
    const store = new SqliteEventStore(databasePathIn(targetDir));
    try {
      const history = await store.readStream(PROJECT);
      const next = await store.append(
        PROJECT,
        [anEvent('InspectionRecorded', { outcome: 'satisfactory' })],
        history.length,
      );
      expect(next.events[0].metadata.prevHash).toBe(history[history.length - 1].metadata.hash);
    } finally {
      await store.close();
    }
  });

  it('exports the moved log back to the same lines, header aside', async () => {
    await exportFrom(sourceDir);
    const first = readFileSync(file, 'utf8').split('\n').slice(1);
    await importInto(targetDir);
    rmSync(file);
    expect((await exportFrom(targetDir)).code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n').slice(1)).toEqual(first);
  });

  it('refuses to import on top of streams the store already has, and imports nothing', async () => {
    await exportFrom(sourceDir);
    const target = new SqliteEventStore(join(mkdirOf(targetDir), 'khuyencong.sqlite'));
    await target.append(PLAN, [anEvent('PlanOpened', { year: 2026 })], 0);
    await target.close();

    const imported = await importInto(targetDir);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(`Cannot import into stream ${PLAN}: it already exists`);
    const after = await logIn(targetDir);
    expect(after.map((event) => [event.streamId, event.type])).toEqual([[PLAN, 'PlanOpened']]);
  });

  it('refuses a file whose hash chains are broken, and imports nothing', async () => {
    await exportFrom(sourceDir);
    const lines = readFileSync(file, 'utf8').split('\n');
    const altered = lines.map((line) =>
      line.replace('"approvedFundingVnd":240000000', '"approvedFundingVnd":990000000'),
    );
    expect(altered).not.toEqual(lines);
    writeFileSync(file, altered.join('\n'));

    const imported = await importInto(targetDir);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(
      new RegExp(`broken .*first ${PROJECT} at version 3\\); nothing was imported`),
    );
    expect(await logIn(mkdirOf(targetDir))).toEqual([]);
  });

  it('refuses a file cut short, and imports nothing', async () => {
    await exportFrom(sourceDir);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, lines.slice(0, 6).join('\n'));

    const imported = await importInto(targetDir);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/without its end record/);
    expect(await logIn(mkdirOf(targetDir))).toEqual([]);
  });

  it('does not overwrite an existing file unless told to, and leaves no partial file behind', async () => {
    writeFileSync(file, 'precious');
    const refused = await exportFrom(sourceDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/log\.jsonl already exists; choose another --out or remove it/);
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect((await exportFrom(sourceDir, '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\{"record":"header"/);
  });

  it('exports a source whose chain is broken as it is, and says so (exit 2)', async () => {
    const db = openSqliteDatabase(databasePathIn(sourceDir));
    db.prepare(
      'UPDATE events SET data = \'{"year":2027}\' WHERE stream_id = ? AND version = 1',
    ).run(PLAN);
    db.close();

    const exported = await exportFrom(sourceDir);
    expect(exported.code).toBe(2);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      chainsValid: false,
      broken: [{ streamId: PLAN, firstBrokenVersion: 1 }],
    });
    expect(readFileSync(file, 'utf8')).toContain('"year":2027');
  });

  it('tells the usage when --out or --in is missing', async () => {
    const io = captured();
    expect(await runStoreExport([], { DATA_DIR: sourceDir, ...SECRET }, io)).toBe(1);
    expect(await runStoreImport(['--bogus'], { DATA_DIR: targetDir, ...SECRET }, io)).toBe(1);
    expect(io.stderr).toMatch(
      /--out is required\nusage: npm run store:export -- --out <file.jsonl>/,
    );
    expect(io.stderr).toMatch(/usage: npm run store:import -- --in <file.jsonl>/);
  });

  it('fails the import when the store does not then hold what the file holds', async () => {
    await exportFrom(sourceDir);
    const target = new SqliteEventStore(join(mkdirOf(targetDir), 'khuyencong.sqlite'));
    // A store that loses the last event of an import: the read-back must notice.
    const lossy: Pick<EventStore, 'readAll' | 'importEvents'> = {
      readAll: (options) => target.readAll(options),
      importEvents: (events) => target.importEvents(events.slice(0, -1)),
    };
    try {
      const failure = importLog(lossy, file);
      await expect(failure).rejects.toBeInstanceOf(ImportVerificationError);
      await expect(failure).rejects.toThrow(/1 imported events are missing from the store/);
    } finally {
      await target.close();
    }
  });
});
