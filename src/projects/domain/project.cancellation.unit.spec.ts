import type { ProjectEvent } from './project.events';
import { CANCELLABLE_STATUSES } from './project.state';
import { cmd, ev, historyOf, TODAY } from '../../../test/support/projects/project-fixtures';
import { asApprover, asFinance, spec } from '../../../test/support/projects/project-specification';
import { projectView } from './project.view';

describe('cancelling a project', () => {
  describe.each(CANCELLABLE_STATUSES)('when %s', (status) => {
    it('cancels it today with the reason, nothing to recover when nothing was paid', () => {
      spec
        .given(historyOf[status])
        .when(cmd.cancel('Thiếu cơ sở pháp lý'), asApprover)
        .then([ev.cancelled(0, 'Thiếu cơ sở pháp lý')], (state) =>
          expect(projectView(state)).toMatchObject({
            status: 'cancelled',
            cancelledOn: TODAY,
            cancellationReason: 'Thiếu cơ sở pháp lý',
            amountToRecoverVnd: 0,
          }),
        );
    });
  });

  it('records the advances paid as the amount to recover', () => {
    spec
      .given([
        ...historyOf.in_execution,
        ev.advance(100_000_000),
        ev.advance(40_000_000, TODAY, 'PC-002'),
      ])
      .when(cmd.cancel(), asApprover)
      .then([ev.cancelled(140_000_000)], (state) =>
        expect(projectView(state)).toMatchObject({
          status: 'cancelled',
          approvedFundingVnd: 200_000_000,
          appraisedFundingVnd: 200_000_000,
          advancesVnd: 140_000_000,
          netDisbursedVnd: 140_000_000,
          amountToRecoverVnd: 140_000_000,
        }),
      );
  });

  it('refuses a cancellation without a reason', () => {
    spec
      .given(historyOf.approved)
      .when(cmd.cancel(''), asApprover)
      .thenThrows('required', { kind: 'rule', field: 'reason' });
  });

  describe.each(['accepted', 'settled', 'rejected', 'cancelled'] as const)('when %s', (status) => {
    it('refuses to cancel', () => {
      spec
        .given(historyOf[status])
        .when(cmd.cancel(), asApprover)
        .thenThrows('invalid_transition', { kind: 'invalid_state' });
    });
  });
});

describe('when cancelled with money to recover', () => {
  const cancelledOwing: ProjectEvent[] = [
    ...historyOf.in_execution,
    ev.advance(140_000_000),
    ev.cancelled(140_000_000),
  ];

  it('records a partial recovery, reducing what is still to recover', () => {
    spec
      .given(cancelledOwing)
      .when(cmd.disburse('recovery', 40_000_000, TODAY, 'PT-001'), asFinance)
      .then([ev.recovered(40_000_000)], (state) =>
        expect(projectView(state)).toMatchObject({
          recoveredVnd: 40_000_000,
          netDisbursedVnd: 100_000_000,
          amountToRecoverVnd: 100_000_000,
        }),
      );
  });

  it('records the recovery of everything owed, leaving nothing to recover', () => {
    spec
      .given(cancelledOwing)
      .when(cmd.disburse('recovery', 140_000_000, TODAY, 'PT-001'), asFinance)
      .then([ev.recovered(140_000_000)], (state) =>
        expect(projectView(state)?.amountToRecoverVnd).toBe(0),
      );
  });

  it('refuses to recover 1 đồng more than is owed', () => {
    spec
      .given([...cancelledOwing, ev.recovered(40_000_000)])
      .when(cmd.disburse('recovery', 100_000_001, TODAY), asFinance)
      .thenThrows('recovery_exceeds_disbursed', { kind: 'rule', field: 'amountVnd' });
  });

  it('refuses advances and payments', () => {
    spec
      .given(cancelledOwing)
      .when(cmd.disburse('advance', 1, TODAY), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
    spec
      .given(cancelledOwing)
      .when(cmd.disburse('payment', 1, TODAY), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('when cancelled before any approval', () => {
  it('refuses any recovery: nothing was paid', () => {
    spec
      .given(historyOf.cancelled)
      .when(cmd.disburse('recovery', 1, TODAY), asFinance)
      .thenThrows('recovery_exceeds_disbursed', { kind: 'rule' });
  });
});
