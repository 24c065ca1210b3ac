import { defineProjectStep } from './project-step';

/** Every lifecycle step after registration (DOMAIN.md's table), one command class each. */
export const StartAppraisal = defineProjectStep('StartAppraisal');
export const RecordAppraisalResult = defineProjectStep('RecordAppraisalResult');
export const ResubmitProject = defineProjectStep('ResubmitProject');
export const ApproveProject = defineProjectStep('ApproveProject');
export const RejectProject = defineProjectStep('RejectProject');
export const StartExecution = defineProjectStep('StartExecution');
export const ReportProgress = defineProjectStep('ReportProgress');
export const RecordDisbursement = defineProjectStep('RecordDisbursement');
export const RecordInspection = defineProjectStep('RecordInspection');
export const AdjustProject = defineProjectStep('AdjustProject');
export const AcceptProject = defineProjectStep('AcceptProject');
export const SettleProject = defineProjectStep('SettleProject');
export const CancelProject = defineProjectStep('CancelProject');
export const ErasePersonalData = defineProjectStep('ErasePersonalData');
export const CorrectBeneficiary = defineProjectStep('CorrectBeneficiary');

export const PROJECT_STEP_HANDLERS = [
  StartAppraisal,
  RecordAppraisalResult,
  ResubmitProject,
  ApproveProject,
  RejectProject,
  StartExecution,
  ReportProgress,
  RecordDisbursement,
  RecordInspection,
  AdjustProject,
  AcceptProject,
  SettleProject,
  CancelProject,
  ErasePersonalData,
  CorrectBeneficiary,
].map((step) => step.Handler);
