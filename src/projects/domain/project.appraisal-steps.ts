import { invalidState, ruleBroken } from '../../shared/domain-error';
import type { ProjectContext } from './project.context';
import type {
  ApproveProject,
  RecordAppraisalResult,
  RegisterProject,
  RejectProject,
  ResubmitProject,
  StartAppraisal,
} from './project.commands';
import type { ProjectEvent } from './project.events';
import { requireWithinSupportNorm } from './project.money-rules';
import {
  requirePastDate,
  requirePlanYear,
  requirePositiveVnd,
  requireText,
  validateDetails,
} from './project.input-rules';
import { changedDetails, detailsOf } from './project.registration-details';
import type { ProjectState } from './project.state';
import { requireStatus } from './project.status-guard';
import { requireSegregationOfDuties } from './segregation-of-duties';
import { requireBeneficiaryUnit } from '../../reference-data/beneficiary-units';
import { isCenterUnit, requireRegisteringUnit } from '../../reference-data/registering-units';

/** The steps from registration to the approval decision. */

export function register(
  command: RegisterProject,
  state: ProjectState,
  { actor, reference }: ProjectContext,
): ProjectEvent[] {
  if (state.status !== 'unregistered') {
    throw invalidState(
      'already_registered',
      `The project is already registered (it is ${state.status})`,
      { status: state.status },
    );
  }
  const { projectId, planYear, district } = command.data;
  requireText(projectId, 'projectId');
  requireRegisteringUnit(district, reference, requirePlanYear(planYear));
  // The Center's own unit holds its nhiệm vụ: no district's or commune's officer files there.
  if (isCenterUnit(reference, district) && actor.role !== 'center_officer') {
    throw ruleBroken(
      'center_unit_reserved',
      `${district} is the Center's own unit: only the Center's officers register its tasks`,
      'district',
    );
  }
  const details = detailsOf(command.data);
  validateDetails(details, reference, planYear);
  if (details.beneficiaryUnit !== undefined)
    requireBeneficiaryUnit(details.beneficiaryUnit, reference, district, planYear);
  return [
    {
      type: 'ProjectRegistered',
      data: { ...details, projectId, planYear, district, registeredBy: actor.sub },
    },
  ];
}

export function startAppraisal(
  _command: StartAppraisal,
  state: ProjectState,
  { actor }: ProjectContext,
): ProjectEvent[] {
  requireStatus(state, 'start the appraisal', ['registered']);
  return [{ type: 'AppraisalStarted', data: { startedBy: actor.sub } }];
}

export function recordAppraisalResult(
  command: RecordAppraisalResult,
  state: ProjectState,
  { actor, reference, today }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'record an appraisal result', ['under_appraisal']);
  const { outcome, notes, appraisedFundingVnd } = command.data;
  switch (outcome) {
    case 'passed': {
      if (appraisedFundingVnd === undefined) {
        throw ruleBroken(
          'required',
          'appraisedFundingVnd is required when the appraisal passed',
          'appraisedFundingVnd',
        );
      }
      const appraised = requirePositiveVnd(appraisedFundingVnd, 'appraisedFundingVnd');
      const requested = s.dossier.details.requestedFundingVnd;
      if (appraised > requested) {
        throw ruleBroken(
          'appraised_exceeds_requested',
          `appraisedFundingVnd ${appraised} is above the requested ${requested}`,
          'appraisedFundingVnd',
          { amountVnd: appraised, requestedVnd: requested },
        );
      }
      // Judged by the norms in force on the day the appraisal result is recorded.
      const supportNorm = requireWithinSupportNorm(
        appraised,
        s.dossier.details,
        reference,
        today,
        'appraisedFundingVnd',
      );
      return [
        {
          type: 'AppraisalPassed',
          data: {
            appraisedFundingVnd: appraised,
            notes,
            appraisedBy: actor.sub,
            ...(supportNorm && { supportNorm }),
          },
        },
      ];
    }
    case 'revision_requested':
      return [
        { type: 'RevisionRequested', data: { notes, requestedOn: today, appraisedBy: actor.sub } },
      ];
    case 'rejected':
      return [{ type: 'AppraisalRejected', data: { notes, appraisedBy: actor.sub } }];
    default:
      throw ruleBroken(
        'invalid_outcome',
        'outcome must be passed, revision_requested or rejected',
        'outcome',
      );
  }
}

export function resubmit(
  command: ResubmitProject,
  state: ProjectState,
  { actor, reference }: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'resubmit', ['revision_requested']);
  const changes = changedDetails(command.data.changes ?? {});
  validateDetails({ ...s.dossier.details, ...changes }, reference, s.dossier.planYear);
  const { district, planYear } = s.dossier;
  if (changes.beneficiaryUnit !== undefined)
    requireBeneficiaryUnit(changes.beneficiaryUnit, reference, district, planYear);
  return [{ type: 'ProjectResubmitted', data: { changes, resubmittedBy: actor.sub } }];
}

export function approve(
  command: ApproveProject,
  state: ProjectState,
  context: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'approve', ['appraised']);
  requireSegregationOfDuties('approve', s, context.actor);
  const { decisionNo, decisionDate, approvedFundingVnd } = command.data;
  requireText(decisionNo, 'decisionNo');
  requirePastDate(decisionDate, context.today, 'decisionDate');
  const approved = requirePositiveVnd(approvedFundingVnd, 'approvedFundingVnd');
  const appraised = s.appraisal.appraisedFundingVnd;
  if (approved > appraised) {
    throw ruleBroken(
      'approved_exceeds_appraised',
      `approvedFundingVnd ${approved} is above the appraised ${appraised}`,
      'approvedFundingVnd',
      { amountVnd: approved, appraisedVnd: appraised },
    );
  }
  // The norm may have changed since the appraisal: the approval answers to the norm in force
  // on the date of its decision.
  const supportNorm = requireWithinSupportNorm(
    approved,
    s.dossier.details,
    context.reference,
    decisionDate,
    'approvedFundingVnd',
  );
  return [
    {
      type: 'ProjectApproved',
      data: {
        decisionNo,
        decisionDate,
        approvedFundingVnd: approved,
        approvedBy: context.actor.sub,
        ...(supportNorm && { supportNorm }),
      },
    },
  ];
}

export function reject(
  command: RejectProject,
  state: ProjectState,
  context: ProjectContext,
): ProjectEvent[] {
  const s = requireStatus(state, 'reject', ['appraised']);
  requireSegregationOfDuties('reject', s, context.actor);
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'ProjectRejected', data: { reason } }];
}
