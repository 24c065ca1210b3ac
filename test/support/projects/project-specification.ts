import { projectDecider } from '../../../src/projects/domain/project.decider';
import { deciderSpecification } from '../decider-specification';
import {
  approver,
  centerOfficer,
  contextFor,
  districtOfficer,
  financeOfficer,
} from './project-fixtures';

/** Given/When/Then on the project decider, and each fixture actor's context on the fixed day. */
export const spec = deciderSpecification(projectDecider);
export const asDistrict = contextFor(districtOfficer);
export const asCenter = contextFor(centerOfficer);
export const asApprover = contextFor(approver);
export const asFinance = contextFor(financeOfficer);
