import Database from 'better-sqlite3';
import type { Json } from '../support/http';
import { DAY, expectStatus } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * What survives a restart (every event and hash, and the read models built from them) and
 * what the hash chain catches: an event altered directly in the SQLite file.
 */

const { server, api, people, steps } = useTestServer();

async function history(id: string): Promise<Json[]> {
  return expectStatus(
    'history',
    await api.get(`/projects/${id}/history`, {}, { token: people.auditor }),
    200,
  ).events;
}

async function verify(id: string): Promise<Json> {
  return expectStatus(
    'verify',
    await api.get(`/projects/${id}/verify`, {}, { token: people.auditor }),
    200,
  );
}

async function health(): Promise<Json> {
  return (await fetch(`${server.baseUrl}/health`)).json();
}

/** A settled project, a cancelled one with a recovery, and one in execution with reports. */
async function makeProjects(): Promise<{ ids: string[]; position: string }> {
  const settled = await steps.fresh('in_execution', 120_000_000);
  await steps.reportProgress(settled.id, '2024-05', [{ indicator: 'trainees', value: 25 }]);
  await steps.disburse(settled.id, 'advance', 80_000_000, DAY.advance);
  await steps.accept(settled.id);
  await steps.disburse(settled.id, 'payment', 40_000_000, DAY.payment);
  await steps.settle(settled.id, 120_000_000);

  const cancelled = await steps.fresh('in_execution', 90_000_000);
  await steps.disburse(cancelled.id, 'advance', 30_000_000, DAY.advance);
  await steps.cancel(cancelled.id);
  await steps.disburse(cancelled.id, 'recovery', 10_000_000, DAY.payment);

  const running = await steps.fresh('in_execution', 60_000_000);
  await steps.reportProgress(running.id, '2024-05', [
    { indicator: 'trainees', value: 8 },
    { indicator: 'workshops', value: 1 },
  ]);
  const last = await steps.reportProgress(running.id, '2024-06', [
    { indicator: 'trainees', value: 9 },
  ]);
  return { ids: [settled.id, cancelled.id, running.id], position: last.position };
}

describe('when the server restarts on the same data directory', () => {
  let ids: string[];
  let before: { histories: Json[][]; projects: Json[]; list: Json; report: Json; head: string };

  async function snapshot(position: string) {
    const histories = await Promise.all(ids.map(history));
    const projects = await Promise.all(
      ids.map(async (id) =>
        expectStatus(
          'project',
          await api.get(`/projects/${id}`, { minPosition: position }, { token: people.auditor }),
          200,
        ),
      ),
    );
    const list = expectStatus(
      'list',
      await api.get(
        '/projects',
        { minPosition: position, pageSize: 200 },
        { token: people.auditor },
      ),
      200,
    );
    const report = expectStatus(
      'report',
      await api.get(
        '/reports/disbursement',
        { groupBy: 'district', minPosition: position },
        { token: people.auditor },
      ),
      200,
    );
    return { histories, projects, list, report, head: (await health()).eventStore.head as string };
  }

  beforeAll(async () => {
    const made = await makeProjects();
    ids = made.ids;
    before = await snapshot(made.position);
    await server.restart();
  });

  it('keeps every event and every hash exactly as recorded', async () => {
    const after = await Promise.all(ids.map(history));
    expect(after).toEqual(before.histories);
    expect(after.flat()).toHaveLength(before.histories.flat().length);
    expect((await health()).eventStore.head).toBe(before.head);
  });

  it('still verifies every chain as intact', async () => {
    for (const [i, id] of ids.entries()) {
      expect(await verify(id)).toEqual({
        valid: true,
        eventsChecked: before.histories[i].length,
        firstBrokenVersion: null,
      });
    }
  });

  it('serves the same projects, list and report from its read models', async () => {
    const after = await snapshot(before.head);
    expect(after.projects).toEqual(before.projects);
    expect(after.list).toEqual(before.list);
    expect(after.report).toEqual(before.report);
    expect(after.projects.map((p: Json) => p.status)).toEqual([
      'settled',
      'cancelled',
      'in_execution',
    ]);
  });

  it('goes on from where it was: the next event continues the chain and the read models follow', async () => {
    const running = ids[2];
    const lastBefore = before.histories[2][before.histories[2].length - 1];
    const inspected = await steps.inspect(running);
    expect(inspected.version).toBe(lastBefore.version + 1);
    expect(BigInt(inspected.position)).toBe(BigInt(before.head) + 1n);
    const events = await history(running);
    expect(events[events.length - 1]).toMatchObject({
      type: 'InspectionRecorded',
      version: lastBefore.version + 1,
      prevHash: lastBefore.hash,
    });
    const seen = expectStatus(
      'project',
      await api.get(
        `/projects/${running}`,
        { minPosition: inspected.position },
        { token: people.auditor },
      ),
      200,
    );
    expect(seen.version).toBe(inspected.version);
    expect(await verify(running)).toMatchObject({ valid: true, eventsChecked: events.length });
  });
});

describe('when a stored event is altered in the SQLite file', () => {
  /** Runs `sql` on the server's database file through a connection of its own, as an intruder would. */
  function tamper(sql: string, ...params: unknown[]): number {
    const db = new Database(server.databaseFile);
    try {
      db.pragma('busy_timeout = 5000');
      return db.prepare(sql).run(...params).changes;
    } finally {
      db.close();
    }
  }
  const streamOf = (id: string) => `support-project-${id}`;

  it('reports the chain broken at the altered version (data changed at version 3)', async () => {
    const { id } = await steps.fresh('approved', 150_000_000);
    const untouched = await steps.fresh('approved', 150_000_000);
    const [third] = (await history(id)).filter((e) => e.version === 3);
    expect(third.type).toBe('AppraisalPassed');

    const changed = tamper(
      `UPDATE events SET data = json_set(data, '$.appraisedFundingVnd', 999000000) WHERE stream_id = ? AND version = 3`,
      streamOf(id),
    );
    expect(changed).toBe(1);

    // The altered value is what the log now holds, and the chain no longer matches it.
    const [altered] = (await history(id)).filter((e) => e.version === 3);
    expect(altered.data.appraisedFundingVnd).toBe(999_000_000);
    expect(altered.hash).toBe(third.hash);
    expect(await verify(id)).toEqual({ valid: false, eventsChecked: 4, firstBrokenVersion: 3 });
    expect(await verify(untouched.id)).toEqual({
      valid: true,
      eventsChecked: 4,
      firstBrokenVersion: null,
    });
  });

  it('reports the chain broken when who acted is rewritten (metadata changed at version 2)', async () => {
    const { id } = await steps.fresh('appraised', 150_000_000);
    const changed = tamper(
      `UPDATE events SET metadata = json_set(metadata, '$.actor.name', 'Người khác') WHERE stream_id = ? AND version = 2`,
      streamOf(id),
    );
    expect(changed).toBe(1);
    expect(await verify(id)).toEqual({ valid: false, eventsChecked: 3, firstBrokenVersion: 2 });
  });

  it('still reports it after a restart', async () => {
    const { id } = await steps.fresh('registered');
    tamper(
      `UPDATE events SET data = json_set(data, '$.title', 'Đề án khác') WHERE stream_id = ? AND version = 1`,
      streamOf(id),
    );
    await server.restart();
    expect(await verify(id)).toEqual({ valid: false, eventsChecked: 1, firstBrokenVersion: 1 });
  });
});
