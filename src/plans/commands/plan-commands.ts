import { definePlanCommand } from './plan-command';

/** Every yearly plan command, one command class each. */
export const OpenPlan = definePlanCommand('OpenPlan');
export const SubmitDistrictRegistration = definePlanCommand('SubmitDistrictRegistration');
export const CompilePlan = definePlanCommand('CompilePlan');
export const ApprovePlan = definePlanCommand('ApprovePlan');

export const PLAN_COMMAND_HANDLERS = [
  OpenPlan,
  SubmitDistrictRegistration,
  CompilePlan,
  ApprovePlan,
].map((command) => command.Handler);
