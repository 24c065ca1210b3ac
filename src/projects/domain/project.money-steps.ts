import { ruleBroken } from '../../shared/domain-error';
import { sumVnd } from '../../shared/vnd';
import type { ProjectContext } from './project.context';
import type { CancelProject, RecordDisbursement, SettleProject } from './project.commands';
import type { ProjectEvent } from './project.events';
import type { BusinessDate } from './project.types';
import {
  requireNotBefore,
  requirePastDate,
  requirePositiveVnd,
  requireText,
  requireVnd,
} from './project.input-rules';
import { advanceCapPercentOn, advanceCapVnd, netDisbursedVnd } from './project.money-rules';
import { CANCELLABLE_STATUSES, type Approval, type ProjectState } from './project.state';
import { requireStatus } from './project.status-guard';
import { requireSegregationOfDuties } from './segregation-of-duties';

/** Disbursements (tạm ứng, thanh toán, thu hồi), settlement (quyết toán) and cancellation. */

export function recordDisbursement(
  command: RecordDisbursement,
  state: ProjectState,
  { actor, today, rules, reference }: ProjectContext,
): ProjectEvent[] {
  const { kind, paidOn } = command.data;
  const by = actor.sub;
  switch (kind) {
    case 'advance': {
      const s = requireStatus(state, 'record an advance', ['in_execution']);
      requireSegregationOfDuties('disburse', s, actor);
      const { amount, data } = checkedMovement(command.data, today, by);
      requirePaidAfterApproval(paidOn, s.approval);
      // The cap the Center recorded as in force on the day paid; else the deployment's setting.
      const percent = advanceCapPercentOn(reference, rules, paidOn);
      const cap = advanceCapVnd(s.approval.approvedFundingVnd, percent);
      const advances = sumVnd([s.disbursed.advancesVnd, amount], 'amountVnd');
      if (advances > cap) {
        throw ruleBroken(
          'advance_cap_exceeded',
          `Advances would total ${advances}, above ${percent}% of the approved funding: ${cap}`,
          'amountVnd',
          { totalVnd: advances, percent, capVnd: cap, capLeftVnd: cap - s.disbursed.advancesVnd },
        );
      }
      return [{ type: 'AdvanceDisbursed', data }];
    }
    case 'payment': {
      const s = requireStatus(state, 'record a payment', ['accepted']);
      requireSegregationOfDuties('disburse', s, actor);
      const { amount, data } = checkedMovement(command.data, today, by);
      requireNotBefore(paidOn, s.acceptedOn, 'date_before_acceptance', 'the acceptance', 'paidOn');
      // The gross total paid out (advances + payments) must stay exact too, not only the net.
      sumVnd([s.disbursed.advancesVnd, s.disbursed.paymentsVnd, amount], 'amountVnd');
      const net = sumVnd([netDisbursedVnd(s.disbursed), amount], 'amountVnd');
      if (net > s.approval.approvedFundingVnd) {
        throw ruleBroken(
          'disbursement_exceeds_approved',
          `Net disbursed would be ${net}, above the approved funding ${s.approval.approvedFundingVnd}`,
          'amountVnd',
          { netVnd: net, approvedVnd: s.approval.approvedFundingVnd },
        );
      }
      return [{ type: 'PaymentDisbursed', data }];
    }
    case 'recovery': {
      const s = requireStatus(state, 'record a recovery', ['accepted', 'cancelled']);
      requireSegregationOfDuties('disburse', s, actor);
      const { amount, data } = checkedMovement(command.data, today, by);
      sumVnd([s.disbursed.recoveredVnd, amount], 'amountVnd');
      const net = netDisbursedVnd(s.disbursed);
      if (amount > net) {
        throw ruleBroken(
          'recovery_exceeds_disbursed',
          `Recovering ${amount} is more than the ${net} disbursed`,
          'amountVnd',
          { amountVnd: amount, netVnd: net },
        );
      }
      // Money cannot come back before any could have gone out.
      if (s.approval) requirePaidAfterApproval(paidOn, s.approval);
      return [{ type: 'FundsRecovered', data }];
    }
    default: {
      // Unreachable for typed callers; the CLI and tests can still send anything.
      const unknownKind: never = kind;
      throw ruleBroken(
        'invalid_kind',
        `kind must be advance, payment or recovery, not ${String(unknownKind)}`,
        'kind',
      );
    }
  }
}

/** Money cannot go out, or come back, before the province approved the project. */
function requirePaidAfterApproval(paidOn: BusinessDate, approval: Approval): void {
  requireNotBefore(
    paidOn,
    approval.decisionDate,
    'date_before_approval',
    'the approval decision',
    'paidOn',
  );
}

/** What every disbursement needs, whatever its kind: a positive amount, a past date, a voucher. */
function checkedMovement(
  { amountVnd, paidOn, voucherNo }: RecordDisbursement['data'],
  today: BusinessDate,
  recordedBy: string,
) {
  const amount = requirePositiveVnd(amountVnd, 'amountVnd');
  requirePastDate(paidOn, today, 'paidOn');
  requireText(voucherNo, 'voucherNo');
  return { amount, data: { amountVnd: amount, paidOn, voucherNo, recordedBy } };
}

export function settle(
  command: SettleProject,
  state: ProjectState,
  { actor, today }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'settle', ['accepted']);
  requireSegregationOfDuties('settle', s, actor);
  const { settledAmountVnd, settledOn, decisionNo } = command.data;
  const settled = requireVnd(settledAmountVnd, 'settledAmountVnd');
  const net = netDisbursedVnd(s.disbursed);
  if (settled !== net) {
    throw ruleBroken(
      'settlement_mismatch',
      `settledAmountVnd ${settled} differs from the net disbursed ${net}`,
      'settledAmountVnd',
      { amountVnd: settled, netVnd: net },
    );
  }
  if (settled > s.approval.approvedFundingVnd) {
    throw ruleBroken(
      'settlement_exceeds_approved',
      `settledAmountVnd ${settled} is above the approved funding ${s.approval.approvedFundingVnd}`,
      'settledAmountVnd',
      { amountVnd: settled, approvedVnd: s.approval.approvedFundingVnd },
    );
  }
  requirePastDate(settledOn, today, 'settledOn');
  requireNotBefore(
    settledOn,
    s.acceptedOn,
    'date_before_acceptance',
    'the acceptance',
    'settledOn',
  );
  requireText(decisionNo, 'decisionNo');
  return [{ type: 'ProjectSettled', data: { settledAmountVnd: settled, settledOn, decisionNo } }];
}

export function cancel(
  command: CancelProject,
  state: ProjectState,
  { actor, today }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'cancel', CANCELLABLE_STATUSES);
  requireSegregationOfDuties('cancel', s, actor);
  const reason = requireText(command.data.reason, 'reason');
  const amountToRecoverVnd = 'disbursed' in s ? netDisbursedVnd(s.disbursed) : 0;
  return [{ type: 'ProjectCancelled', data: { reason, cancelledOn: today, amountToRecoverVnd } }];
}
