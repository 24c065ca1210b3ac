import { randomUUID } from 'node:crypto';
import { END, START, type AllStreamResolvedEvent, type ReadPosition } from '@eventstore/db-client';
import { resolvedFromWire } from '../../test/support/eventstoredb-wire';
import { GENESIS_HASH } from './event-store.port';
import { StreamNames } from './stream-names';
import { OUR_STREAM_PREFIXES } from '../platform/our-streams';

const NAMES = new StreamNames(OUR_STREAM_PREFIXES);
import { lastOurPosition, readOurEventsAfter, type ReadAllChunk } from './eventstoredb.paging';

/**
 * $all as the server keeps it: our events among the server's own, at byte positions.
 * Chunks are read the way the v6 client reads them: a read from a position includes the
 * event at that position, forwards and backwards.
 */
function logOf(streamNames: readonly string[]): AllStreamResolvedEvent[] {
  const revisions = new Map<string, number>();
  return streamNames.map((streamName, index) => {
    const revision = revisions.get(streamName) ?? 0;
    revisions.set(streamName, revision + 1);
    return resolvedFromWire({
      streamName,
      revision: BigInt(revision),
      position: BigInt(1000 + index * 137),
      id: randomUUID(),
      type: streamName.startsWith('$') ? '$metadata' : 'StepTaken',
      data: { index },
      metadata: {
        recordedAt: '2025-03-14T02:30:00.000Z',
        prevHash: GENESIS_HASH,
        hash: '0'.repeat(64),
      },
    });
  });
}

function reader(
  log: readonly AllStreamResolvedEvent[],
  direction: 'forwards' | 'backwards',
): ReadAllChunk & { calls: number } {
  const read = async (from: ReadPosition, maxCount: number) => {
    read.calls += 1;
    const position = (event: AllStreamResolvedEvent) => event.commitPosition as bigint;
    if (direction === 'forwards') {
      const start =
        from === START
          ? 0
          : log.findIndex((event) => position(event) >= (from as { commit: bigint }).commit);
      return start < 0 ? [] : log.slice(start, start + maxCount);
    }
    const reversed = [...log].reverse();
    const start =
      from === END
        ? 0
        : reversed.findIndex((event) => position(event) <= (from as { commit: bigint }).commit);
    return start < 0 ? [] : reversed.slice(start, start + maxCount);
  };
  read.calls = 0;
  return read;
}

const P = (index: number) => BigInt(1000 + index * 137);

describe('paging over $all', () => {
  const log = logOf([
    '$settings',
    'support-project-a',
    '$stats-127.0.0.1:2113',
    'annual-plan-2026',
    'support-project-a',
    '$scavenges',
    '$scavenges',
    'programme-CT-2025',
    'support-project-b',
  ]);

  describe('reading a page after a position', () => {
    it('gives only our events, in log order, with their positions', async () => {
      const page = await readOurEventsAfter(reader(log, 'forwards'), NAMES, 0n, 100, 4);
      expect(page.map((event) => [event.streamId, event.version, event.position])).toEqual([
        ['support-project-a', 1, P(1)],
        ['annual-plan-2026', 1, P(3)],
        ['support-project-a', 2, P(4)],
        ['programme-CT-2025', 1, P(7)],
        ['support-project-b', 1, P(8)],
      ]);
    });

    it('starts strictly after the given position, though the server starts at it', async () => {
      const page = await readOurEventsAfter(reader(log, 'forwards'), NAMES, P(3), 100, 4);
      expect(page.map((event) => event.position)).toEqual([P(4), P(7), P(8)]);
    });

    it('stops at the limit, and the next page continues after the last event given', async () => {
      const read = reader(log, 'forwards');
      const first = await readOurEventsAfter(read, NAMES, 0n, 2, 3);
      const second = await readOurEventsAfter(read, NAMES, first[first.length - 1].position, 2, 3);
      const third = await readOurEventsAfter(read, NAMES, second[second.length - 1].position, 2, 3);
      expect([first, second, third].map((page) => page.map((event) => event.position))).toEqual([
        [P(1), P(3)],
        [P(4), P(7)],
        [P(8)],
      ]);
      expect(await readOurEventsAfter(read, NAMES, P(8), 2, 3)).toEqual([]);
    });

    it('reads past a run of server events longer than a chunk', async () => {
      const busy = logOf([
        'support-project-a',
        ...Array<string>(25).fill('$stats-127.0.0.1:2113'),
        'support-project-a',
      ]);
      const page = await readOurEventsAfter(reader(busy, 'forwards'), NAMES, P(0), 10, 4);
      expect(page.map((event) => [event.version, event.position])).toEqual([[2, P(26)]]);
    });

    it('gives an empty page for a limit of 0 without reading', async () => {
      const read = reader(log, 'forwards');
      expect(await readOurEventsAfter(read, NAMES, 0n, 0)).toEqual([]);
      expect(read.calls).toBe(0);
    });

    it("reads only the namespace's streams, under our stream ids", async () => {
      const shared = logOf(['hanoi/annual-plan-2026', 'hue/annual-plan-2026', 'hanoi/programme-X']);
      const page = await readOurEventsAfter(
        reader(shared, 'forwards'),
        new StreamNames(OUR_STREAM_PREFIXES, 'hanoi/'),
        0n,
        10,
        10,
      );
      expect(page.map((event) => event.streamId)).toEqual(['annual-plan-2026', 'programme-X']);
    });
  });

  describe('the head position', () => {
    it('is the position of our last event, whatever the server wrote after it', async () => {
      expect(await lastOurPosition(reader(log, 'backwards'), NAMES, 2)).toBe(P(8));
      const serverLast = logOf([
        'support-project-a',
        'annual-plan-2026',
        '$scavenges',
        '$scavenges',
        '$scavenges',
      ]);
      expect(await lastOurPosition(reader(serverLast, 'backwards'), NAMES, 2)).toBe(P(1));
    });

    it('is 0 when none of the events are ours, or there are none', async () => {
      expect(
        await lastOurPosition(
          reader(logOf(['$settings', '$scavenges', '$scavenges']), 'backwards'),
          NAMES,
          2,
        ),
      ).toBe(0n);
      expect(await lastOurPosition(reader([], 'backwards'), NAMES)).toBe(0n);
    });
  });
});
