import type { ProjectCommand } from './project.commands';
import { DEFAULT_PROJECT_RULES } from './project.context';
import type { ProjectEvent } from './project.events';
import {
  ACCEPTED_ON,
  APPROVED_ON,
  cmd,
  contextFor,
  ev,
  financeOfficer,
  historyOf,
  TODAY,
} from '../../../test/support/projects/project-fixtures';
import { asFinance, spec } from '../../../test/support/projects/project-specification';
import { projectView } from './project.view';

describe('recording an advance (tạm ứng)', () => {
  // Approved 200,000,000: advances may reach 70%, 140,000,000.
  describe('when in execution', () => {
    it('records an advance of exactly 70% of the approved funding', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('advance', 140_000_000), asFinance)
        .then([ev.advance(140_000_000)], (state) =>
          expect(projectView(state)).toMatchObject({
            advancesVnd: 140_000_000,
            netDisbursedVnd: 140_000_000,
            disbursementRate: 0.7,
          }),
        );
    });

    it('refuses an advance 1 đồng above 70%', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('advance', 140_000_001), asFinance)
        .thenThrows('advance_cap_exceeded', { kind: 'rule', field: 'amountVnd' });
    });

    it('counts earlier advances towards the cap', () => {
      const afterFirst = [...historyOf.in_execution, ev.advance(100_000_000)];
      spec
        .given(afterFirst)
        .when(cmd.disburse('advance', 40_000_000, TODAY, 'PC-002'), asFinance)
        .then([ev.advance(40_000_000, TODAY, 'PC-002')]);
      spec
        .given(afterFirst)
        .when(cmd.disburse('advance', 40_000_001), asFinance)
        .thenThrows('advance_cap_exceeded', { kind: 'rule' });
    });

    it('rounds the cap down to the đồng', () => {
      // 70% of 100,000,001 is 70,000,000.7.
      const oddApproval = [
        ...historyOf.registered,
        ev.appraisalStarted(),
        ev.passed(100_000_001),
        ev.approved(100_000_001),
        ev.executionStarted(),
      ];
      spec
        .given(oddApproval)
        .when(cmd.disburse('advance', 70_000_000), asFinance)
        .then([ev.advance(70_000_000)]);
      spec
        .given(oddApproval)
        .when(cmd.disburse('advance', 70_000_001), asFinance)
        .thenThrows('advance_cap_exceeded', { kind: 'rule' });
    });

    it('takes the cap from the approved funding as adjusted', () => {
      const raised = [...historyOf.in_execution, ev.adjusted({ approvedFundingVnd: 250_000_000 })];
      spec
        .given(raised)
        .when(cmd.disburse('advance', 175_000_000), asFinance)
        .then([ev.advance(175_000_000)]);
      spec
        .given(raised)
        .when(cmd.disburse('advance', 175_000_001), asFinance)
        .thenThrows('advance_cap_exceeded', { kind: 'rule' });
    });

    it('takes the cap percentage from the rules in force', () => {
      const half = contextFor(financeOfficer, {
        rules: { ...DEFAULT_PROJECT_RULES, advanceCapPercent: 50 },
      });
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('advance', 100_000_000), half)
        .then([ev.advance(100_000_000)]);
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('advance', 100_000_001), half)
        .thenThrows('advance_cap_exceeded', { kind: 'rule' });
    });

    it('accepts an advance paid on the day of the approval decision', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('advance', 1, APPROVED_ON), asFinance)
        .then([ev.advance(1, APPROVED_ON)]);
    });

    it('refuses an advance paid before the approval decision', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('advance', 1, '2024-02-29'), asFinance)
        .thenThrows('date_before_approval', { kind: 'rule', field: 'paidOn' });
    });

    it('refuses an advance paid tomorrow', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('advance', 1, '2024-06-16'), asFinance)
        .thenThrows('date_in_future', { kind: 'rule', field: 'paidOn' });
    });

    it('refuses 0, fractions of a đồng and a missing voucher', () => {
      const when = (command: ProjectCommand) =>
        spec.given(historyOf.in_execution).when(command, asFinance);
      when(cmd.disburse('advance', 0)).thenThrows('amount_not_positive', {
        kind: 'rule',
        field: 'amountVnd',
      });
      when(cmd.disburse('advance', 10.5)).thenThrows('invalid_amount', {
        kind: 'rule',
        field: 'amountVnd',
      });
      when(cmd.disburse('advance', 10, TODAY, '')).thenThrows('required', {
        kind: 'rule',
        field: 'voucherNo',
      });
    });

    it('refuses a kind it does not know', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.disburse('grant' as 'advance', 10), asFinance)
        .thenThrows('invalid_kind', { kind: 'rule', field: 'kind' });
    });
  });

  it('refuses an advance before execution starts', () => {
    spec
      .given(historyOf.approved)
      .when(cmd.disburse('advance', 1), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });

  it('refuses an advance after acceptance', () => {
    spec
      .given(historyOf.accepted)
      .when(cmd.disburse('advance', 1, TODAY), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('recording a payment (thanh toán)', () => {
  const acceptedAfterAdvance = [...historyOf.in_execution, ev.advance(100_000_000), ev.accepted()];

  describe('when accepted', () => {
    it('pays up to exactly the approved funding, net of advances', () => {
      spec
        .given(acceptedAfterAdvance)
        .when(cmd.disburse('payment', 100_000_000, '2024-06-12', 'PC-002'), asFinance)
        .then([ev.payment(100_000_000)], (state) =>
          expect(projectView(state)).toMatchObject({
            advancesVnd: 100_000_000,
            paymentsVnd: 100_000_000,
            netDisbursedVnd: 200_000_000,
            disbursementRate: 1,
          }),
        );
    });

    it('refuses 1 đồng more than the approved funding', () => {
      spec
        .given(acceptedAfterAdvance)
        .when(cmd.disburse('payment', 100_000_001, '2024-06-12'), asFinance)
        .thenThrows('disbursement_exceeds_approved', { kind: 'rule', field: 'amountVnd' });
    });

    it('counts recoveries back into the room left', () => {
      spec
        .given([...acceptedAfterAdvance, ev.recovered(20_000_000)])
        .when(cmd.disburse('payment', 120_000_000, TODAY, 'PC-002'), asFinance)
        .then([ev.payment(120_000_000, TODAY)]);
    });

    it('accepts a payment on the day of acceptance', () => {
      spec
        .given(acceptedAfterAdvance)
        .when(cmd.disburse('payment', 1, ACCEPTED_ON, 'PC-002'), asFinance)
        .then([ev.payment(1, ACCEPTED_ON)]);
    });

    it('refuses a payment dated before acceptance', () => {
      spec
        .given(acceptedAfterAdvance)
        .when(cmd.disburse('payment', 1, '2024-06-09'), asFinance)
        .thenThrows('date_before_acceptance', { kind: 'rule', field: 'paidOn' });
    });
  });

  it('refuses a payment before acceptance', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.disburse('payment', 1), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('recording a recovery (thu hồi)', () => {
  const acceptedAfterAdvance = [...historyOf.in_execution, ev.advance(100_000_000), ev.accepted()];

  describe('when accepted', () => {
    it('recovers everything disbursed', () => {
      spec
        .given(acceptedAfterAdvance)
        .when(cmd.disburse('recovery', 100_000_000, TODAY, 'PT-001'), asFinance)
        .then([ev.recovered(100_000_000)], (state) =>
          expect(projectView(state)).toMatchObject({
            recoveredVnd: 100_000_000,
            netDisbursedVnd: 0,
          }),
        );
    });

    it('refuses to recover 1 đồng more than the net disbursed', () => {
      spec
        .given(acceptedAfterAdvance)
        .when(cmd.disburse('recovery', 100_000_001, TODAY), asFinance)
        .thenThrows('recovery_exceeds_disbursed', { kind: 'rule', field: 'amountVnd' });
    });

    it('refuses any recovery when nothing was disbursed', () => {
      spec
        .given(historyOf.accepted)
        .when(cmd.disburse('recovery', 1, TODAY), asFinance)
        .thenThrows('recovery_exceeds_disbursed', { kind: 'rule' });
    });

    it('refuses a recovery dated before the approval decision', () => {
      spec
        .given(acceptedAfterAdvance)
        .when(cmd.disburse('recovery', 1, '2024-02-29'), asFinance)
        .thenThrows('date_before_approval', { kind: 'rule', field: 'paidOn' });
    });
  });

  it('refuses a recovery during execution', () => {
    spec
      .given([...historyOf.in_execution, ev.advance(100_000_000)])
      .when(cmd.disburse('recovery', 1, TODAY), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('settling (quyết toán)', () => {
  const paidInFull = [
    ...historyOf.in_execution,
    ev.advance(100_000_000),
    ev.accepted(),
    ev.payment(80_000_000),
  ];

  describe('when accepted', () => {
    it('settles at exactly the net disbursed', () => {
      spec
        .given(paidInFull)
        .when(cmd.settle(180_000_000), asFinance)
        .then([ev.settled(180_000_000)], (state) =>
          expect(projectView(state)).toMatchObject({
            status: 'settled',
            settledVnd: 180_000_000,
            settledOn: TODAY,
          }),
        );
    });

    it('refuses a settlement 1 đồng above or below the net disbursed', () => {
      spec
        .given(paidInFull)
        .when(cmd.settle(180_000_001), asFinance)
        .thenThrows('settlement_mismatch', { kind: 'rule', field: 'settledAmountVnd' });
      spec
        .given(paidInFull)
        .when(cmd.settle(179_999_999), asFinance)
        .thenThrows('settlement_mismatch', { kind: 'rule', field: 'settledAmountVnd' });
    });

    it('settles at 0 when nothing was disbursed', () => {
      spec
        .given(historyOf.accepted)
        .when(cmd.settle(0), asFinance)
        .then([ev.settled(0)]);
    });

    it('settles on the day of acceptance', () => {
      spec
        .given(paidInFull)
        .when(cmd.settle(180_000_000, ACCEPTED_ON), asFinance)
        .then([ev.settled(180_000_000, ACCEPTED_ON)]);
    });

    it('refuses a settlement dated before acceptance or tomorrow', () => {
      spec
        .given(paidInFull)
        .when(cmd.settle(180_000_000, '2024-06-09'), asFinance)
        .thenThrows('date_before_acceptance', { kind: 'rule', field: 'settledOn' });
      spec
        .given(paidInFull)
        .when(cmd.settle(180_000_000, '2024-06-16'), asFinance)
        .thenThrows('date_in_future', { kind: 'rule', field: 'settledOn' });
    });

    it('refuses a settlement without a decision number', () => {
      spec
        .given(paidInFull)
        .when(cmd.settle(180_000_000, TODAY, ''), asFinance)
        .thenThrows('required', { kind: 'rule', field: 'decisionNo' });
    });

    it('refuses to settle above the approved funding, even when a history recorded under older rules allows it', () => {
      // An adjustment below the advances paid, as an import from before that rule could hold.
      const legacy: ProjectEvent[] = [
        ...historyOf.in_execution,
        ev.advance(140_000_000),
        ev.adjusted({ approvedFundingVnd: 100_000_000 }),
        ev.accepted(),
      ];
      spec
        .given(legacy)
        .when(cmd.settle(140_000_000), asFinance)
        .thenThrows('settlement_exceeds_approved', { kind: 'rule', field: 'settledAmountVnd' });
    });
  });

  it('refuses to settle before acceptance', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.settle(0), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });

  it('refuses to settle twice', () => {
    spec
      .given(historyOf.settled)
      .when(cmd.settle(0), asFinance)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});
