import { openWorld, type World } from '../../test/integration/reminders.support';
import { ReminderFactsReader } from './reminder-facts.reader';
import { ReminderHistory } from './reminder-history';
import { DEFAULT_REMINDER_SETTINGS } from './rules/reminder-settings';

/** The scan reads the read model, the worker reads the stream: both must see the same facts. */
describe('the reminder facts read model', () => {
  let world: World;
  let reader: ReminderFactsReader;
  let history: ReminderHistory;

  beforeEach(async () => {
    world = await openWorld('2024-06-01');
    reader = new ReminderFactsReader(world.db);
    history = world.history;
  });

  afterEach(() => world.close());

  const load = (asOf = '2024-06-20') =>
    reader.load(asOf, DEFAULT_REMINDER_SETTINGS, world.reference.current().districts);

  it('holds, for each project, the facts the worker derives from its stream', async () => {
    const registered = await world.register('Đề án A');
    const revised = await world.revisionRequested('Đề án B');
    await world.caughtUp();

    for (const projectId of [registered, revised]) {
      const fromStream = await history.load({ kind: 'project', projectId });
      expect(load().projects.find((p) => p.projectId === projectId)).toEqual(fromStream?.facts);
    }
    expect(load().projects.find((p) => p.projectId === revised)).toMatchObject({
      status: 'revision_requested',
      registeredOn: '2024-06-01',
      revisionRequestedOn: '2024-06-01',
    });
  });

  it('lists a delivered reminder as sent once its record is projected', async () => {
    const projectId = await world.register('Đề án C');
    await history.recordSent(
      { kind: 'project', projectId },
      {
        reminderId: `appraisal-pending.${projectId}.2024-06-01`,
        rule: 'appraisal_pending',
        channels: ['webhook'],
        sentAt: '2024-06-20T00:00:01.000Z',
      },
    );
    await world.caughtUp();
    expect(load().projects[0].sentReminderIds).toEqual([
      `appraisal-pending.${projectId}.2024-06-01`,
    ]);
  });

  it('records a reminder once, however often the worker records it', async () => {
    const projectId = await world.register('Đề án D');
    const record = {
      reminderId: `appraisal-pending.${projectId}.2024-06-01`,
      rule: 'appraisal_pending',
      channels: ['webhook' as const],
      sentAt: '2024-06-20T00:00:01.000Z',
    };
    await history.recordSent({ kind: 'project', projectId }, record);
    await history.recordSent({ kind: 'project', projectId }, { ...record, channels: ['email'] });
    const stream = await world.store.readStream(`support-project-${projectId}`);
    expect(stream.filter((e) => e.type === 'ReminderSent')).toHaveLength(1);
  });

  it('does not read projects in statuses no rule reminds about', async () => {
    const projectId = await world.register('Đề án E');
    await world.projects.execute(
      projectId,
      { type: 'CancelProject', data: { reason: 'Thiếu cơ sở pháp lý' } },
      {
        commandId: `cancel-${projectId}`,
        actor: { sub: 'u-a', name: 'Lê Văn C', role: 'approver' },
      },
    );
    await world.caughtUp();
    expect(load().projects).toEqual([]);
  });
});
