import type { RecordedEvent } from './event-store.port';

/**
 * The latest events this store appended, as the appends returned them, for the catch-up
 * subscriptions: a live subscription (the projection runner) then takes them from memory
 * instead of reading back and parsing rows that were just written. Only a run of consecutive
 * positions is kept; anything else (another process's events, an import, a second
 * subscription further behind) breaks the run and the subscriptions read the database, which
 * has every event.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];

  constructor(private readonly limit: number) {}

  /** Adds the events of one committed batch. */
  add(batch: readonly RecordedEvent[]): void {
    if (batch.length === 0) return;
    const sorted = [...batch].sort((a, b) => (a.position < b.position ? -1 : 1));
    for (const event of sorted) {
      const last = this.events[this.events.length - 1];
      if (last && event.position !== last.position + 1n) this.events = [];
      this.events.push(event);
    }
    if (this.events.length > this.limit) this.events = this.events.slice(-this.limit);
  }

  /**
   * Up to `limit` events after `after`, if the run holds the very next one; else undefined.
   * What the reader has passed is let go: kept longer, the events would outlive the young
   * generation and cost the garbage collector more than reading them back does.
   */
  page(after: bigint, limit: number): RecordedEvent[] | undefined {
    const first = this.events[0];
    if (!first) return undefined;
    const start = after + 1n - first.position;
    if (start < 0n) return undefined;
    if (start > 0n) this.events = this.events.slice(Number(start));
    if (this.events.length === 0) return undefined;
    return this.events.slice(0, limit);
  }

  clear(): void {
    this.events = [];
  }
}
