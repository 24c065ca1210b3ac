import type { EventToAppend, ExpectedVersion } from './event-store.port';

/** Checks an append's arguments as the port requires (both stores). */
export function checkAppendArguments(
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedVersion,
): void {
  if (typeof streamId !== 'string' || streamId === '')
    throw new TypeError('A stream id is required');
  if (events.length === 0) throw new TypeError(`Nothing to append to ${streamId}`);
  if (expected !== 'any' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new TypeError(
      `Expected version must be 'any' or a whole number >= 0, not ${String(expected)}`,
    );
  }
}
