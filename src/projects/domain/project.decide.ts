import { assertNever } from '../../shared/decider';
import {
  approve,
  recordAppraisalResult,
  register,
  reject,
  resubmit,
  startAppraisal,
} from './project.appraisal-steps';
import type { ProjectCommand } from './project.commands';
import type { ProjectContext } from './project.context';
import type { ProjectEvent } from './project.events';
import {
  accept,
  adjust,
  recordInspection,
  reportProgress,
  startExecution,
} from './project.execution-steps';
import { cancel, recordDisbursement, settle } from './project.money-steps';
import { correctBeneficiary, erasePersonalData } from './project.personal-data-steps';
import { recordReminderSent } from './project.reminder-steps';
import type { ProjectState } from './project.state';

/**
 * Answers a command on one support project with the events it causes, or throws a
 * DomainError: `invalid_state` when the step is not allowed in the current status (409),
 * `rule` when a business rule is broken (422), `not_found` when nothing was registered.
 * Each step lives with its neighbours in the lifecycle; this only routes.
 */
export function decideProject(
  command: ProjectCommand,
  state: ProjectState,
  context: ProjectContext,
): readonly ProjectEvent[] {
  switch (command.type) {
    case 'RegisterProject':
      return register(command, state, context);
    case 'StartAppraisal':
      return startAppraisal(command, state, context);
    case 'RecordAppraisalResult':
      return recordAppraisalResult(command, state, context);
    case 'ResubmitProject':
      return resubmit(command, state, context);
    case 'ApproveProject':
      return approve(command, state, context);
    case 'RejectProject':
      return reject(command, state, context);
    case 'StartExecution':
      return startExecution(command, state, context);
    case 'ReportProgress':
      return reportProgress(command, state, context);
    case 'RecordDisbursement':
      return recordDisbursement(command, state, context);
    case 'RecordInspection':
      return recordInspection(command, state, context);
    case 'AdjustProject':
      return adjust(command, state, context);
    case 'AcceptProject':
      return accept(command, state, context);
    case 'SettleProject':
      return settle(command, state, context);
    case 'CancelProject':
      return cancel(command, state, context);
    case 'RecordReminderSent':
      return recordReminderSent(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state, context.actor);
    case 'CorrectBeneficiary':
      return correctBeneficiary(command, state, context.actor);
    default:
      return assertNever(command, 'project command');
  }
}
