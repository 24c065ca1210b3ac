import type { BusinessDate } from '../../shared/business-date';

interface Entry {
  readonly on: BusinessDate;
  readonly order: number;
  readonly run: () => Promise<void>;
}

/**
 * Steps to take on business dates, run in date order (steps on the same date in the order
 * they were added), with the clock set to each step's date first. The domain refuses steps
 * dated after "today" and judges lateness against it, so a replay of past years has to walk
 * through them day by day.
 */
export class Timeline {
  private readonly entries: Entry[] = [];

  at(on: BusinessDate, run: () => Promise<void>): void {
    this.entries.push({ on, order: this.entries.length, run });
  }

  async play(setToday: (on: BusinessDate) => void): Promise<number> {
    const ordered = [...this.entries].sort((a, b) =>
      a.on === b.on ? a.order - b.order : a.on < b.on ? -1 : 1,
    );
    for (const entry of ordered) {
      setToday(entry.on);
      await entry.run();
    }
    return ordered.length;
  }
}
