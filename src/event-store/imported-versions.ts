import type { RecordedEvent } from './event-store.port';

/**
 * Returns the stream ids in an import; throws unless each stream's versions run 1..n in
 * order, without gaps or repeats. Every adapter's import checks this before it writes.
 */
export function checkImportedVersions(events: readonly RecordedEvent[]): string[] {
  const versions = new Map<string, number>();
  for (const event of events) {
    const next = (versions.get(event.streamId) ?? 0) + 1;
    if (event.version !== next) {
      throw new Error(
        `Cannot import ${event.streamId} version ${event.version}: expected version ${next} next`,
      );
    }
    versions.set(event.streamId, next);
  }
  return [...versions.keys()];
}
