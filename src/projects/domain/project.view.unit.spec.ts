import { replay } from '../../shared/decider';
import { projectDecider } from './project.decider';
import type { ProjectEvent } from './project.events';
import { ev, historyOf } from '../../../test/support/projects/project-fixtures';
import { projectView } from './project.view';

const viewOf = (events: readonly ProjectEvent[]) => projectView(replay(projectDecider, events));

describe('the project view', () => {
  describe('when registered', () => {
    it('shows the registration and no appraisal, approval or money yet', () => {
      expect(viewOf(historyOf.registered)).toMatchObject({
        status: 'registered',
        requestedFundingVnd: 200_000_000,
        counterpartFundingVnd: 300_000_000,
        appraisedFundingVnd: null,
        approvedFundingVnd: null,
        disbursementRate: null,
        netDisbursedVnd: 0,
        settledVnd: 0,
        targets: [{ indicator: 'establishments_supported', target: 1, achieved: 0 }],
        reportedPeriods: [],
        startedOn: null,
      });
    });
  });

  describe('when in execution with an advance', () => {
    it('shows the disbursement rate of the approved funding, to 4 decimals', () => {
      // 33,333,333 of 200,000,000 is 0.166666665.
      expect(viewOf([...historyOf.in_execution, ev.advance(33_333_333)])).toMatchObject({
        advancesVnd: 33_333_333,
        netDisbursedVnd: 33_333_333,
        disbursementRate: 0.1667,
      });
    });
  });

  describe('when cancelled after approval', () => {
    it('keeps the appraisal and approval on record', () => {
      expect(viewOf([...historyOf.approved, ev.cancelled()])).toMatchObject({
        status: 'cancelled',
        appraisedFundingVnd: 200_000_000,
        approvedFundingVnd: 200_000_000,
        approvalDecisionNo: '123/QĐ-SCT',
        amountToRecoverVnd: 0,
      });
    });
  });

  describe('when an earlier version is replayed', () => {
    it('shows the state as it was then', () => {
      const settled = [
        ...historyOf.in_execution,
        ev.advance(100_000_000),
        ev.accepted(),
        ev.payment(50_000_000),
        ev.settled(150_000_000),
      ];
      expect(viewOf(settled.slice(0, historyOf.in_execution.length + 1))).toMatchObject({
        status: 'in_execution',
        netDisbursedVnd: 100_000_000,
        acceptedOn: null,
      });
      expect(viewOf(settled)).toMatchObject({
        status: 'settled',
        netDisbursedVnd: 150_000_000,
        settledVnd: 150_000_000,
      });
    });
  });
});
