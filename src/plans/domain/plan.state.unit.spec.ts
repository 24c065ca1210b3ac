import { replay } from '../../shared/decider';
import { planDecider } from './plan.decider';
import {
  districtSubmitted as submitted,
  planApproved,
  planCompiled,
  planOpened as opened,
} from '../../../test/support/plans/plan-fixtures';
import type { PlanApproved, PlanEvent } from './plan.events';
import { planAcceptsRegistrations, planView, registeredProjectIds } from './plan.state';

const compiled = planCompiled({
  districtsSubmitted: ['bien-hoa'],
  districtsMissing: ['long-khanh'],
  projectIds: ['p-1'],
});

const approved = planApproved({ decisionNo: '1234/QĐ-UBND' });

const stateAfter = (...events: PlanEvent[]) => replay(planDecider, events);
const known = ['bien-hoa', 'long-khanh', 'tan-phu'];

describe('before the plan is opened', () => {
  it('has no view, no registered projects, and accepts no project registrations', () => {
    const state = planDecider.initialState();
    expect(planView(state, known)).toBeNull();
    expect(registeredProjectIds(state)).toEqual([]);
    expect(planAcceptsRegistrations(state)).toBe(false);
  });

  it('ignores events that can only follow the opening', () => {
    expect(stateAfter(submitted('bien-hoa', ['p-1'], '2023-05-01'), compiled, approved)).toEqual({
      status: 'none',
    });
  });
});

describe('when open', () => {
  it('shows each known district as submitted, late or missing, with the deadline', () => {
    const view = planView(
      stateAfter(
        opened,
        submitted('long-khanh', ['p-2'], '2023-05-21'),
        submitted('bien-hoa', ['p-1'], '2023-05-20'),
      ),
      known,
    );
    expect(view).toEqual({
      year: 2024,
      programCode: 'DN-2021-2025',
      status: 'open',
      registrationDeadline: '2023-05-20',
      districts: [
        {
          district: 'bien-hoa',
          status: 'submitted',
          submittedOn: '2023-05-20',
          submissions: 1,
          projectIds: ['p-1'],
        },
        {
          district: 'long-khanh',
          status: 'late',
          submittedOn: '2023-05-21',
          submissions: 1,
          projectIds: ['p-2'],
        },
        { district: 'tan-phu', status: 'missing', submissions: 0, projectIds: [] },
      ],
      projectIds: ['p-2', 'p-1'],
      sentReminderIds: [],
    });
  });

  it('shows the latest registration of a district that resubmitted, late if the latest was late', () => {
    const state = stateAfter(
      opened,
      submitted('bien-hoa', ['p-1'], '2023-05-10'),
      submitted('tan-phu', ['p-5'], '2023-05-11'),
      submitted('bien-hoa', ['p-1', 'p-3'], '2023-05-22', 2),
    );
    expect(planView(state, known)?.districts[0]).toEqual({
      district: 'bien-hoa',
      status: 'late',
      submittedOn: '2023-05-22',
      submissions: 2,
      projectIds: ['p-1', 'p-3'],
    });
    // The resubmitting district keeps its place, in order of first submission.
    expect(registeredProjectIds(state)).toEqual(['p-1', 'p-3', 'p-5']);
  });

  it('still shows a district that registered but is no longer known, after the known ones', () => {
    const view = planView(stateAfter(opened, submitted('vinh-cuu', [], '2023-05-01')), [
      'bien-hoa',
    ]);
    expect(view?.districts.map((d) => [d.district, d.status])).toEqual([
      ['bien-hoa', 'missing'],
      ['vinh-cuu', 'submitted'],
    ]);
  });

  it('accepts project registrations', () => {
    expect(planAcceptsRegistrations(stateAfter(opened))).toBe(true);
  });
});

describe('when compiled', () => {
  const state = stateAfter(opened, submitted('bien-hoa', ['p-1'], '2023-05-15'), compiled);

  it('shows the day it was compiled', () => {
    expect(planView(state, known)).toMatchObject({ status: 'compiled', compiledOn: '2023-06-01' });
    expect(planView(state, known)).not.toHaveProperty('decisionNo');
  });

  it('keeps what was compiled', () => {
    expect(state).toMatchObject({
      compiledBy: 'center-1',
      districtsMissing: ['long-khanh'],
      projectIds: ['p-1'],
    });
  });

  it('ignores a registration that could not have been decided', () => {
    expect(
      planView(
        replay(planDecider, [opened, compiled, submitted('tan-phu', ['x'], '2023-06-02')]),
        known,
      )?.projectIds,
    ).toEqual([]);
  });

  it('still accepts project registrations for the year', () => {
    expect(planAcceptsRegistrations(state)).toBe(true);
  });
});

describe('when approved', () => {
  const state = stateAfter(
    opened,
    submitted('bien-hoa', ['p-1'], '2023-05-15'),
    compiled,
    approved,
  );

  it('shows the decision that approved it', () => {
    expect(planView(state, known)).toMatchObject({
      status: 'approved',
      compiledOn: '2023-06-01',
      decisionNo: '1234/QĐ-UBND',
      decisionDate: '2023-06-10',
    });
  });

  it('still accepts project registrations: the approved plan is the basis for appraising them', () => {
    expect(planAcceptsRegistrations(state)).toBe(true);
  });

  it('is not approved a second time by an approval out of order', () => {
    const again: PlanApproved = {
      type: 'PlanApproved',
      data: { ...approved.data, decisionNo: 'other' },
    };
    expect(planView(planDecider.evolve(state, again), known)?.decisionNo).toBe('1234/QĐ-UBND');
  });
});
