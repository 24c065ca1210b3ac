import { DEFAULT_PROJECT_RULES } from './project.context';
import {
  ACCEPTED_ON,
  APPROVED_ON,
  cmd,
  contextFor,
  ev,
  financeOfficer,
  type FromStatus,
  givenProject,
  itRefusesOutOfTurn,
  TODAY,
} from '../../../test/support/projects/project-specification';

/** Accepted after an advance of 100,000,000: where payments, recoveries and settling start. */
const acceptedAfterAdvance: FromStatus = ['in_execution', ev.advance(100_000_000), ev.accepted()];
const accepted = givenProject(acceptedAfterAdvance, 'finance');

describe('recording an advance (tạm ứng)', () => {
  // Approved 200,000,000: advances may reach 70%, 140,000,000.
  describe('when in execution', () => {
    const inExecution = givenProject('in_execution', 'finance');

    it('records an advance of exactly 70% of the approved funding', () =>
      inExecution.decides(cmd.advance(140_000_000), [ev.advance(140_000_000)], {
        advancesVnd: 140_000_000,
        netDisbursedVnd: 140_000_000,
        disbursementRate: 0.7,
      }));

    it('counts earlier advances towards the cap', () => {
      const afterFirst = givenProject(['in_execution', ev.advance(100_000_000)], 'finance');
      afterFirst.decides(cmd.advance(40_000_000, TODAY, 'PC-002'), [
        ev.advance(40_000_000, TODAY, 'PC-002'),
      ]);
      afterFirst.breaks(cmd.advance(40_000_001), 'advance_cap_exceeded');
    });

    /** The cap lets exactly `cap` through and refuses 1 đồng more. */
    const capsAt = (project: ReturnType<typeof givenProject>, cap: number) => {
      project.decides(cmd.advance(cap), [ev.advance(cap)]);
      project.breaks(cmd.advance(cap + 1), 'advance_cap_exceeded');
    };

    it('rounds the cap down to the đồng', () => {
      // 70% of 100,000,001 is 70,000,000.7.
      const oddApproval: FromStatus = [
        'registered',
        ev.appraisalStarted(),
        ev.passed(100_000_001),
        ev.approved(100_000_001),
        ev.executionStarted(),
      ];
      capsAt(givenProject(oddApproval, 'finance'), 70_000_000);
    });

    it('takes the cap from the approved funding as adjusted', () => {
      const raised: FromStatus = ['in_execution', ev.adjusted({ approvedFundingVnd: 250_000_000 })];
      capsAt(givenProject(raised, 'finance'), 175_000_000);
    });

    it('takes the cap percentage from the rules in force', () => {
      const half = contextFor(financeOfficer, {
        rules: { ...DEFAULT_PROJECT_RULES, advanceCapPercent: 50 },
      });
      capsAt(givenProject('in_execution', half), 100_000_000);
    });

    it('accepts an advance paid on the day of the approval decision', () =>
      inExecution.decides(cmd.advance(1, APPROVED_ON), [ev.advance(1, APPROVED_ON)]));

    inExecution.itRefuses({
      'an advance 1 đồng above 70%': [
        cmd.advance(140_000_001),
        'advance_cap_exceeded',
        'amountVnd',
      ],
      'an advance paid before the approval decision': [
        cmd.advance(1, '2024-02-29'),
        'date_before_approval',
        'paidOn',
      ],
      'an advance paid tomorrow': [cmd.advance(1, '2024-06-16'), 'date_in_future', 'paidOn'],
      'an advance of 0': [cmd.advance(0), 'amount_not_positive', 'amountVnd'],
      'an advance in fractions of a đồng': [cmd.advance(10.5), 'invalid_amount', 'amountVnd'],
      'an advance without a voucher': [cmd.advance(10, TODAY, ''), 'required', 'voucherNo'],
      'a kind it does not know': [cmd.disburse('grant' as 'advance', 10), 'invalid_kind', 'kind'],
    });
  });

  itRefusesOutOfTurn('finance', {
    'an advance before execution starts': ['approved', cmd.advance(1)],
    'an advance after acceptance': ['accepted', cmd.advance(1, TODAY)],
  });
});

describe('recording a payment (thanh toán)', () => {
  describe('when accepted', () => {
    it('pays up to exactly the approved funding, net of advances', () =>
      accepted.decides(cmd.payment(100_000_000), [ev.payment(100_000_000)], {
        advancesVnd: 100_000_000,
        paymentsVnd: 100_000_000,
        netDisbursedVnd: 200_000_000,
        disbursementRate: 1,
      }));

    it('counts recoveries back into the room left', () =>
      givenProject([...acceptedAfterAdvance, ev.recovered(20_000_000)], 'finance').decides(
        cmd.payment(120_000_000, TODAY),
        [ev.payment(120_000_000, TODAY)],
      ));

    it('accepts a payment on the day of acceptance', () =>
      accepted.decides(cmd.payment(1, ACCEPTED_ON), [ev.payment(1, ACCEPTED_ON)]));

    accepted.itRefuses({
      '1 đồng more than the approved funding': [
        cmd.payment(100_000_001, '2024-06-12', 'PC-001'),
        'disbursement_exceeds_approved',
        'amountVnd',
      ],
      'a payment dated before acceptance': [
        cmd.payment(1, '2024-06-09', 'PC-001'),
        'date_before_acceptance',
        'paidOn',
      ],
    });
  });

  itRefusesOutOfTurn('finance', {
    'a payment before acceptance': ['in_execution', cmd.disburse('payment', 1)],
  });
});

describe('recording a recovery (thu hồi)', () => {
  describe('when accepted', () => {
    it('recovers everything disbursed', () =>
      accepted.decides(cmd.recovery(100_000_000), [ev.recovered(100_000_000)], {
        recoveredVnd: 100_000_000,
        netDisbursedVnd: 0,
      }));

    accepted.itRefuses({
      'to recover 1 đồng more than the net disbursed': [
        cmd.recovery(100_000_001, TODAY, 'PC-001'),
        'recovery_exceeds_disbursed',
        'amountVnd',
      ],
      'a recovery dated before the approval decision': [
        cmd.recovery(1, '2024-02-29', 'PC-001'),
        'date_before_approval',
        'paidOn',
      ],
    });

    it('refuses any recovery when nothing was disbursed', () =>
      givenProject('accepted', 'finance').breaks(
        cmd.recovery(1, TODAY, 'PC-001'),
        'recovery_exceeds_disbursed',
      ));
  });

  itRefusesOutOfTurn('finance', {
    'a recovery during execution': [
      ['in_execution', ev.advance(100_000_000)],
      cmd.recovery(1, TODAY, 'PC-001'),
    ],
  });
});

describe('settling (quyết toán)', () => {
  describe('when accepted', () => {
    const paidInFull = givenProject([...acceptedAfterAdvance, ev.payment(80_000_000)], 'finance');

    it('settles at exactly the net disbursed', () =>
      paidInFull.decides(cmd.settle(180_000_000), [ev.settled(180_000_000)], {
        status: 'settled',
        settledVnd: 180_000_000,
        settledOn: TODAY,
      }));

    it('settles at 0 when nothing was disbursed', () =>
      givenProject('accepted', 'finance').decides(cmd.settle(0), [ev.settled(0)]));

    it('settles on the day of acceptance', () =>
      paidInFull.decides(cmd.settle(180_000_000, ACCEPTED_ON), [
        ev.settled(180_000_000, ACCEPTED_ON),
      ]));

    paidInFull.itRefuses({
      'a settlement 1 đồng above the net disbursed': [
        cmd.settle(180_000_001),
        'settlement_mismatch',
        'settledAmountVnd',
      ],
      'a settlement 1 đồng below the net disbursed': [
        cmd.settle(179_999_999),
        'settlement_mismatch',
        'settledAmountVnd',
      ],
      'a settlement dated before acceptance': [
        cmd.settle(180_000_000, '2024-06-09'),
        'date_before_acceptance',
        'settledOn',
      ],
      'a settlement dated tomorrow': [
        cmd.settle(180_000_000, '2024-06-16'),
        'date_in_future',
        'settledOn',
      ],
      'a settlement without a decision number': [
        cmd.settle(180_000_000, TODAY, ''),
        'required',
        'decisionNo',
      ],
    });

    it('refuses to settle above the approved funding, even when a history recorded under older rules allows it', () => {
      // An adjustment below the advances paid, as an import from before that rule could hold.
      const legacy: FromStatus = [
        'in_execution',
        ev.advance(140_000_000),
        ev.adjusted({ approvedFundingVnd: 100_000_000 }),
        ev.accepted(),
      ];
      givenProject(legacy, 'finance').breaks(
        cmd.settle(140_000_000),
        'settlement_exceeds_approved',
        'settledAmountVnd',
      );
    });
  });

  itRefusesOutOfTurn('finance', {
    'to settle before acceptance': ['in_execution', cmd.settle(0)],
    'to settle twice': ['settled', cmd.settle(0)],
  });
});
