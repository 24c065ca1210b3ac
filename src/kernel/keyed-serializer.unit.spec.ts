import { KeyedSerializer } from './keyed-serializer';

/** A task that finishes when the test says so, recording when it started and ended. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const task = async () => {
    log.push(`${name} start`);
    await opened;
    log.push(`${name} end`);
    return name;
  };
  return { task, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Two gated tasks, a then b, handed to one serializer under the keys given. */
function runTwo(keyOfA: string, keyOfB: string) {
  const serializer = new KeyedSerializer();
  const log: string[] = [];
  const a = gate(log, 'a');
  const b = gate(log, 'b');
  const first = serializer.run(keyOfA, a.task);
  const second = serializer.run(keyOfB, b.task);
  return { log, a, b, first, second };
}

describe('KeyedSerializer', () => {
  it('runs the tasks of one key one after the other, in the order given', async () => {
    const { log, a, b, first, second } = runTwo('stream-1', 'stream-1');
    await tick();
    expect(log).toEqual(['a start']);
    b.open();
    await tick();
    expect(log).toEqual(['a start']);
    a.open();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('runs tasks of different keys side by side', async () => {
    const { log, a, b, first, second } = runTwo('stream-1', 'stream-2');
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    b.open();
    a.open();
    await Promise.all([first, second]);
  });

  it('goes on with the next task when one fails, and hands the failure to its caller', async () => {
    const serializer = new KeyedSerializer();
    const failing = serializer.run('stream-1', () => Promise.reject(new Error('refused')));
    const next = serializer.run('stream-1', () => Promise.resolve('done'));
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('done');
  });

  it('forgets a key once its tasks are done', async () => {
    const serializer = new KeyedSerializer();
    await Promise.all([
      serializer.run('stream-1', () => Promise.resolve(1)),
      serializer.run('stream-1', () => Promise.resolve(2)),
      serializer.run('stream-2', () => Promise.resolve(3)),
    ]);
    await tick();
    expect(serializer.busyKeys).toBe(0);
  });
});
