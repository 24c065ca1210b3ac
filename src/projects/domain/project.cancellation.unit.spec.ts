import { CANCELLABLE_STATUSES } from './project.state';
import {
  cmd,
  ev,
  type FromStatus,
  givenProject,
  itRefusesOutOfTurn,
  TODAY,
} from '../../../test/support/projects/project-specification';

describe('cancelling a project', () => {
  describe.each(CANCELLABLE_STATUSES)('when %s', (status) => {
    it('cancels it today with the reason, nothing to recover when nothing was paid', () =>
      givenProject(status, 'approver').decides(
        cmd.cancel('Thiếu cơ sở pháp lý'),
        [ev.cancelled(0, 'Thiếu cơ sở pháp lý')],
        {
          status: 'cancelled',
          cancelledOn: TODAY,
          cancellationReason: 'Thiếu cơ sở pháp lý',
          amountToRecoverVnd: 0,
        },
      ));
  });

  it('records the advances paid as the amount to recover', () =>
    givenProject(
      ['in_execution', ev.advance(100_000_000), ev.advance(40_000_000, TODAY, 'PC-002')],
      'approver',
    ).decides(cmd.cancel(), [ev.cancelled(140_000_000)], {
      status: 'cancelled',
      approvedFundingVnd: 200_000_000,
      appraisedFundingVnd: 200_000_000,
      advancesVnd: 140_000_000,
      netDisbursedVnd: 140_000_000,
      amountToRecoverVnd: 140_000_000,
    }));

  it('refuses a cancellation without a reason', () =>
    givenProject('approved', 'approver').breaks(cmd.cancel(''), 'required', 'reason'));

  describe.each(['accepted', 'settled', 'rejected', 'cancelled'] as const)('when %s', (status) => {
    it('refuses to cancel', () =>
      givenProject(status, 'approver').refusesInThisStatus(cmd.cancel()));
  });
});

describe('when cancelled with money to recover', () => {
  const history: FromStatus = ['in_execution', ev.advance(140_000_000), ev.cancelled(140_000_000)];
  const cancelledOwing = givenProject(history, 'finance');

  it('records a partial recovery, reducing what is still to recover', () =>
    cancelledOwing.decides(cmd.recovery(40_000_000), [ev.recovered(40_000_000)], {
      recoveredVnd: 40_000_000,
      netDisbursedVnd: 100_000_000,
      amountToRecoverVnd: 100_000_000,
    }));

  it('records the recovery of everything owed, leaving nothing to recover', () =>
    cancelledOwing.decides(cmd.recovery(140_000_000), [ev.recovered(140_000_000)], {
      amountToRecoverVnd: 0,
    }));

  it('refuses to recover 1 đồng more than is owed', () =>
    givenProject([...history, ev.recovered(40_000_000)], 'finance').breaks(
      cmd.recovery(100_000_001, TODAY, 'PC-001'),
      'recovery_exceeds_disbursed',
      'amountVnd',
    ));

  itRefusesOutOfTurn('finance', {
    advances: [history, cmd.advance(1, TODAY)],
    payments: [history, cmd.disburse('payment', 1, TODAY)],
  });
});

describe('when cancelled before any approval', () => {
  it('refuses any recovery: nothing was paid', () =>
    givenProject('cancelled', 'finance').breaks(
      cmd.recovery(1, TODAY, 'PC-001'),
      'recovery_exceeds_disbursed',
    ));
});
