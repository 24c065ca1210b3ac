import { END, type AllStreamResolvedEvent, type ReadPosition } from '@eventstore/db-client';
import type { RecordedEvent } from './event-store.port';
import { readPositionAfter, toRecordedEvent } from './eventstoredb.mapping';
import type { StreamNames } from './stream-names';

/**
 * Paging over $all. The v6 client's `readAll` takes no filter (only `subscribeToAll` does),
 * so pages are read in chunks and the server's own events ($-streams, settings, scavenges,
 * anything not under our prefixes) are dropped here, on the client. A read from a position includes the
 * event at that position, so positions at or before the start are skipped too.
 */

/** Reads up to `maxCount` events of $all from `from`, in the given direction. */
export type ReadAllChunk = (
  from: ReadPosition,
  maxCount: number,
) => Promise<readonly AllStreamResolvedEvent[]>;

export const DEFAULT_CHUNK_SIZE = 500;

export function positionOf(resolved: AllStreamResolvedEvent): bigint {
  const position = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (position === undefined)
    throw new Error('EventStoreDB returned an event of $all without its position');
  return position;
}

/** Up to `limit` of our events strictly after `after`, in log order. */
export async function readOurEventsAfter(
  readForwards: ReadAllChunk,
  names: StreamNames,
  after: bigint,
  limit: number,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<RecordedEvent[]> {
  const page: RecordedEvent[] = [];
  if (limit <= 0) return page;
  let from = after;
  for (;;) {
    const chunk = await readForwards(readPositionAfter(from), chunkSize);
    let moved = false;
    for (const resolved of chunk) {
      const position = positionOf(resolved);
      if (position <= from) continue;
      from = position;
      moved = true;
      if (!resolved.event || names.streamIdOf(resolved.event.streamId) === undefined) continue;
      page.push(toRecordedEvent(resolved, names));
      if (page.length === limit) return page;
    }
    if (chunk.length < chunkSize || !moved) return page;
  }
}

/** Position of the last of our events in $all (0n when there is none), reading backwards from the end. */
export async function lastOurPosition(
  readBackwards: ReadAllChunk,
  names: StreamNames,
  chunkSize = 100,
): Promise<bigint> {
  let from: ReadPosition = END;
  let before: bigint | undefined;
  for (;;) {
    const chunk = await readBackwards(from, chunkSize);
    let moved = false;
    for (const resolved of chunk) {
      const position = positionOf(resolved);
      if (before !== undefined && position >= before) continue;
      before = position;
      moved = true;
      if (resolved.event && names.streamIdOf(resolved.event.streamId) !== undefined)
        return position;
    }
    if (chunk.length < chunkSize || !moved || before === undefined) return 0n;
    from = { commit: before, prepare: before };
  }
}
