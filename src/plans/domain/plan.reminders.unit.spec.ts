import { deciderSpecification } from '../../../test/support/decider-specification';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { Actor } from '../../shared/actor';
import { replay } from '../../shared/decider';
import type { RecordPlanReminderSent } from './plan.commands';
import type { PlanContext } from './plan.decide';
import { planDecider } from './plan.decider';
import {
  planApproved,
  planCompiled,
  planOpened as opened,
} from '../../../test/support/plans/plan-fixtures';
import type { PlanReminderSent } from './plan.events';
import { planView } from './plan.state';

const spec = deciderSpecification(planDecider);
const system: Actor = { sub: 'system:reminders', name: 'Nhắc việc tự động', role: 'admin' };
const asSystem: PlanContext = {
  actor: system,
  today: '2023-04-20',
  reference: DEFAULT_REFERENCE_DATA,
};

const SENT_AT = '2023-04-20T00:00:01Z';
const ID = 'registration-deadline.2024.bien-hoa.d30';
const sent = (reminderId: string): PlanReminderSent => ({
  type: 'ReminderSent',
  data: { reminderId, rule: 'registration_deadline', channels: ['email'], sentAt: SENT_AT },
});
/** The command that records what `sent` says was delivered, with `overrides`. */
const record = (
  reminderId: string,
  overrides: Partial<RecordPlanReminderSent['data']> = {},
): RecordPlanReminderSent => ({
  type: 'RecordReminderSent',
  data: { ...sent(reminderId).data, ...overrides },
});

const compiled = planCompiled();
const approved = planApproved();

describe('recording a delivered reminder about a plan', () => {
  describe.each([
    ['open', [opened]],
    ['compiled', [opened, compiled]],
    ['approved', [opened, compiled, approved]],
  ] as const)('when %s', (status, history) => {
    it('records it without changing the status, and lists its id', () => {
      spec
        .given(history)
        .when(record(ID), asSystem)
        .then([sent(ID)], (state) => {
          expect(state.status).toBe(status);
          expect(planView(state, [])?.sentReminderIds).toEqual([ID]);
        });
    });
  });

  describe('when the same reminder was recorded already', () => {
    it('records nothing new', () => {
      spec
        .given([opened, sent(ID)])
        .when(record(ID), asSystem)
        .then([]);
    });

    it('still records another district’s reminder', () => {
      const other = 'registration-deadline.2024.tan-phu.d30';
      spec
        .given([opened, sent(ID)])
        .when(record(other), asSystem)
        .then([sent(other)], (state) =>
          expect(planView(state, [])?.sentReminderIds).toEqual([ID, other]),
        );
    });
  });

  describe('when no plan was opened for the year', () => {
    it('refuses: there is no plan to remind about', () => {
      spec.given([]).when(record(ID), asSystem).thenThrows('plan_not_found', { kind: 'not_found' });
    });
  });

  it('refuses an id with a colon', () => {
    spec
      .given([opened])
      .when(record('registration-deadline:2024'), asSystem)
      .thenThrows('invalid_reminder_id', { field: 'reminderId' });
  });

  it('keeps the ids through compilation and approval', () => {
    const state = replay(planDecider, [opened, sent(ID), compiled, approved]);
    expect(planView(state, [])?.sentReminderIds).toEqual([ID]);
  });
});
