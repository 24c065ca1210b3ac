import type { RecordedEvent } from './event-store.port';
import { RecentEvents } from './recent-events';

function at(...positions: number[]): RecordedEvent[] {
  return positions.map(
    (position) => ({ position: BigInt(position), eventId: `e-${position}` }) as RecordedEvent,
  );
}

const positionsOf = (events: readonly RecordedEvent[] | undefined) =>
  events?.map((event) => Number(event.position));

describe('the events a store keeps for its live subscriptions', () => {
  it('gives the events right after a position, up to the limit asked for', () => {
    const recent = new RecentEvents(100);
    recent.add(at(1, 2, 3));
    recent.add(at(4, 5));
    expect(positionsOf(recent.page(2n, 2))).toEqual([3, 4]);
  });

  it('sends a reader to the database when it does not hold the very next event', () => {
    const recent = new RecentEvents(100);
    recent.add(at(5, 6));
    expect(recent.page(3n, 10)).toBeUndefined();
    expect(recent.page(6n, 10)).toBeUndefined();
  });

  it('forgets the run when positions stop following on (another writer came between)', () => {
    const recent = new RecentEvents(100);
    recent.add(at(1, 2));
    recent.add(at(4, 5));
    expect(recent.page(0n, 10)).toBeUndefined();
    expect(positionsOf(recent.page(3n, 10))).toEqual([4, 5]);
  });

  it('lets go of what a reader has passed, and keeps no more than its limit', () => {
    const recent = new RecentEvents(3);
    recent.add(at(1, 2, 3, 4, 5));
    expect(recent.page(0n, 10)).toBeUndefined();
    expect(positionsOf(recent.page(3n, 10))).toEqual([4, 5]);
    recent.page(4n, 10);
    expect(recent.page(3n, 10)).toBeUndefined();
  });

  it('orders a batch by position', () => {
    const recent = new RecentEvents(100);
    recent.add(at(3, 1, 2));
    expect(positionsOf(recent.page(0n, 10))).toEqual([1, 2, 3]);
  });
});
