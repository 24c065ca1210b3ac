import { ev, historyOf } from '../../../test/support/projects/project-fixtures';
import type { ProjectEvent } from './project.events';
import { evolveProject, initialProjectState, type ProjectState } from './project.state';

const stateAfter = (events: readonly ProjectEvent[]): ProjectState =>
  events.reduce(evolveProject, initialProjectState());

/** One event of every type, as the fixtures record them. */
const EVENTS: readonly ProjectEvent[] = [
  ev.registered(),
  ev.appraisalStarted(),
  ev.passed(),
  ev.revisionRequested(),
  ev.resubmitted(),
  ev.approved(),
  ev.executionStarted(),
  ev.advance(10_000_000),
  ev.reported('2024-Q2', '2024-06-01'),
  ev.adjusted({ plannedEnd: '2024-12-31' }),
  ev.accepted(),
  ev.payment(10_000_000),
  ev.recovered(1_000_000),
  ev.settled(20_000_000),
  ev.cancelled(),
  { type: 'ProjectRejected', data: { reason: 'Không phù hợp' } } as ProjectEvent,
];

describe('evolve never throws on a recorded event', () => {
  const statuses = Object.keys(historyOf) as (keyof typeof historyOf)[];

  it.each(statuses)(
    'folds every event type onto a project that is %s without throwing',
    (status) => {
      const state = stateAfter(historyOf[status]);
      expect(state.status).toBe(status);
      for (const event of EVENTS) expect(() => evolveProject(state, event)).not.toThrow();
    },
  );

  it.each([
    ['unregistered', ev.approved()],
    ['registered', ev.approved()],
    ['settled', ev.advance(50_000_000)],
    ['rejected', ev.executionStarted()],
    ['in_execution', ev.registered()],
  ] as const)(
    'leaves a project that is %s as it was when an event cannot follow it',
    (status, event) => {
      const state = stateAfter(historyOf[status]);
      expect(evolveProject(state, event)).toBe(state);
    },
  );

  it('leaves the state as it was for an event of a type it does not know', () => {
    const state = stateAfter(historyOf.in_execution);
    const unknown = { type: 'ProjectTeleported', data: {} } as unknown as ProjectEvent;
    expect(evolveProject(state, unknown)).toBe(state);
  });

  it('still folds every event that can follow: the usual road reaches settled', () => {
    const settled = stateAfter(historyOf.settled);
    expect(settled).toMatchObject({ status: 'settled', settlement: { settledAmountVnd: 0 } });
  });
});
