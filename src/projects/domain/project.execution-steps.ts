import { periodOf } from '../../shared/business-date';
import { ruleBroken } from '../../shared/domain-error';
import type { ProjectContext } from './project.context';
import type {
  AcceptProject,
  AdjustProject,
  RecordInspection,
  ReportProgress,
  StartExecution,
} from './project.commands';
import type { ProjectEvent } from './project.events';
import {
  requireDate,
  requireNotBefore,
  requirePastDate,
  requirePeriod,
  requirePlannedEndNotBeforeStart,
  requirePositiveVnd,
  requireText,
  validateAchievements,
  validateTargets,
} from './project.input-rules';
import { netDisbursedVnd, requireWithinSupportNorm, type AppliedNorm } from './project.money-rules';
import type { ProjectState } from './project.state';
import { requireStatus } from './project.status-guard';
import { requireSegregationOfDuties } from './segregation-of-duties';

/** The steps from the start of execution to acceptance (nghiệm thu). */

export function startExecution(
  command: StartExecution,
  state: ProjectState,
  { today }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'start execution', ['approved']);
  const startedOn = requirePastDate(command.data.startedOn, today, 'startedOn');
  requireNotBefore(
    startedOn,
    s.approval.decisionDate,
    'date_before_approval',
    'the approval decision',
    'startedOn',
  );
  return [{ type: 'ExecutionStarted', data: { startedOn } }];
}

export function reportProgress(
  command: ReportProgress,
  state: ProjectState,
  { today, reference }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'report progress', ['in_execution']);
  const { period, reportedOn, achievements } = command.data;
  const { startedOn } = s.execution;
  requirePeriod(period, 'period');
  requirePastDate(reportedOn, today, 'reportedOn');
  requireNotBefore(
    reportedOn,
    startedOn,
    'date_before_execution',
    'the start of execution',
    'reportedOn',
  );
  if (period < periodOf(startedOn)) {
    throw ruleBroken(
      'period_before_execution',
      `period ${period} is before execution started (${startedOn})`,
      'period',
      { period, startedOn },
    );
  }
  if (period > periodOf(reportedOn)) {
    throw ruleBroken(
      'period_after_report_date',
      `period ${period} has not begun on ${reportedOn}`,
      'period',
      { period, reportedOn },
    );
  }
  validateAchievements(achievements, reference);
  const replacesEarlierReport = Object.prototype.hasOwnProperty.call(s.execution.reports, period);
  return [
    { type: 'ProgressReported', data: { period, reportedOn, achievements, replacesEarlierReport } },
  ];
}

export function recordInspection(
  command: RecordInspection,
  state: ProjectState,
  { today }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'record an inspection', ['in_execution']);
  const { inspectedOn, findings, outcome } = command.data;
  requirePastDate(inspectedOn, today, 'inspectedOn');
  requireNotBefore(
    inspectedOn,
    s.execution.startedOn,
    'date_before_execution',
    'the start of execution',
    'inspectedOn',
  );
  if (outcome !== 'satisfactory' && outcome !== 'issues_found') {
    throw ruleBroken('invalid_outcome', 'outcome must be satisfactory or issues_found', 'outcome');
  }
  return [{ type: 'InspectionRecorded', data: { inspectedOn, findings, outcome } }];
}

export function adjust(
  command: AdjustProject,
  state: ProjectState,
  { actor, reference, today }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'adjust', ['in_execution']);
  // An adjustment is an approval decision: it may change the approved funding.
  requireSegregationOfDuties('adjust', s, actor);
  const { decisionNo, reason, approvedFundingVnd, plannedEnd, targets } = command.data;
  requireText(decisionNo, 'decisionNo');
  requireText(reason, 'reason');
  if (approvedFundingVnd === undefined && plannedEnd === undefined && targets === undefined) {
    throw ruleBroken(
      'nothing_to_adjust',
      'An adjustment changes approvedFundingVnd, plannedEnd or targets',
    );
  }
  let supportNorm: AppliedNorm | undefined;
  if (approvedFundingVnd !== undefined) {
    const approved = requirePositiveVnd(approvedFundingVnd, 'approvedFundingVnd');
    // An adjustment may raise the funding above the appraisal, but never above the norm in
    // force on the day it is recorded (the adjustment carries no decision date of its own).
    supportNorm = requireWithinSupportNorm(
      approved,
      s.dossier.details,
      reference,
      today,
      'approvedFundingVnd',
    );
    // Recoveries come only after acceptance, so today the two agree; both bounds are kept so
    // the rule still reads right if recoveries during execution are ever allowed.
    const alreadyOut = Math.max(netDisbursedVnd(s.disbursed), s.disbursed.advancesVnd);
    if (approved < alreadyOut) {
      throw ruleBroken(
        'approved_below_disbursed',
        `approvedFundingVnd ${approved} is below the ${alreadyOut} already disbursed`,
        'approvedFundingVnd',
        { amountVnd: approved, disbursedVnd: alreadyOut },
      );
    }
  }
  if (plannedEnd !== undefined) {
    requirePlannedEndNotBeforeStart(
      s.dossier.details.plannedStart,
      requireDate(plannedEnd, 'plannedEnd'),
    );
  }
  if (targets !== undefined) validateTargets(targets, reference, s.dossier.planYear);
  return [
    {
      type: 'ProjectAdjusted',
      data: {
        decisionNo,
        reason,
        ...(approvedFundingVnd !== undefined ? { approvedFundingVnd } : {}),
        ...(plannedEnd !== undefined ? { plannedEnd } : {}),
        ...(targets !== undefined ? { targets } : {}),
        adjustedBy: actor.sub,
        ...(supportNorm && { supportNorm }),
      },
    },
  ];
}

export function accept(
  command: AcceptProject,
  state: ProjectState,
  { actor, today }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'accept', ['in_execution']);
  requireSegregationOfDuties('accept', s, actor);
  const { acceptedOn, notes } = command.data;
  requirePastDate(acceptedOn, today, 'acceptedOn');
  requireNotBefore(
    acceptedOn,
    s.execution.startedOn,
    'date_before_execution',
    'the start of execution',
    'acceptedOn',
  );
  return [{ type: 'ProjectAccepted', data: { acceptedOn, notes, acceptedBy: actor.sub } }];
}
