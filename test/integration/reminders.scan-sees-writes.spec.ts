import type { Job } from 'bullmq';
import { ReminderFactsBehindError } from '../../src/reminders/reminder-scan';
import { SCAN_JOB } from '../../src/reminders/reminder-queue';
import {
  dropQueue,
  eventually,
  openWorld,
  startInstance,
  uniquePrefix,
  type Instance,
  type World,
} from './reminders.support';

/**
 * A scan sees every write acknowledged before it. The projections are stopped before the
 * command that makes a reminder due, so the reminder read model is certainly behind when the
 * scan starts: the scan must wait for it (and queue the reminder) or refuse, never scan the
 * read model as it happens to be. Projects registered on 2024-06-01 have waited more than 15
 * days for their appraisal by 2024-06-20.
 */
const REGISTERED_ON = '2024-06-01';
const AS_OF = '2024-06-20';

describe('a reminder scan sent straight after the command that makes a reminder due', () => {
  let world: World;
  let instance: Instance;

  beforeEach(async () => {
    world = await openWorld(REGISTERED_ON);
    instance = startInstance(world, { prefix: uniquePrefix(), worker: false });
    await eventually(() => instance.queue.isUp(), 5000, 'Redis');
  });

  afterEach(async () => {
    await dropQueue(instance);
    await instance.close();
    await world.close();
  });

  async function registerWhileProjectionsStopped(): Promise<string> {
    await world.caughtUp();
    await world.runner.stop();
    return world.register('Đề án đào tạo vừa đăng ký');
  }

  it('an admin scan waits for the read model and queues the reminder', async () => {
    const id = await registerWhileProjectionsStopped();
    const scanning = instance.scan.scanAndQueue(AS_OF);
    world.runner.start();
    const result = await scanning;
    expect(result.reminders.map((r) => r.reminderId)).toEqual([expect.stringContaining(id)]);
  });

  it('the scheduled scan waits likewise and queues it', async () => {
    const id = await registerWhileProjectionsStopped();
    world.clock.set(new Date(`${AS_OF}T00:00:00Z`));
    const scanning = instance.scan.process({ name: SCAN_JOB, data: {} } as Job);
    world.runner.start();
    await expect(scanning).resolves.toEqual({ asOf: AS_OF, queued: 1 });
    expect((await instance.scan.scanAndQueue(AS_OF)).reminders[0].reminderId).toContain(id);
  });

  it('refuses, queueing nothing, when the read model does not catch up in time', async () => {
    await registerWhileProjectionsStopped();
    await expect(instance.scan.scanAndQueue(AS_OF, 50)).rejects.toBeInstanceOf(
      ReminderFactsBehindError,
    );
    world.runner.start();
    await world.caughtUp();
    expect((await instance.scan.scanAndQueue(AS_OF)).queued).toBe(1);
  });
});
