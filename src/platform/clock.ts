import { businessDateOf, type BusinessDate } from '../shared/business-date';

/** The one place the application reads the time; tests and the demo give their own. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's business date in Asia/Ho_Chi_Minh. */
  today(): BusinessDate {
    return businessDateOf(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved (tests, demo replays of past years). */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date): void {
    this.instant = instant;
  }
}
