/**
 * Runs tasks one at a time per key, in the order they were given; tasks of different keys run
 * side by side. Commands on one stream go through it, so those arriving together in this
 * process are decided one after the other on the fresh state instead of racing for the same
 * version and exhausting their retries. (Other processes still race; the command loop's
 * expected-version check and retry handle those.)
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    // The next task waits for this one to settle, whatever its outcome.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task queued or running (idle keys are forgotten). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
