import type {
  DistrictRegistrationSubmitted,
  PlanApproved,
  PlanCompiled,
  PlanOpened,
} from '../../../src/plans/domain/plan.events';

/**
 * The yearly plan of 2024 on the programme DN-2021-2025, its registrations due 2023-05-20,
 * as events for the plan decider's specifications.
 */

export const REGISTRATION_DEADLINE = '2023-05-20';

export const planOpened: PlanOpened = {
  type: 'PlanOpened',
  data: {
    year: 2024,
    programCode: 'DN-2021-2025',
    registrationDeadline: REGISTRATION_DEADLINE,
    openedBy: 'center-1',
  },
};

/** A district's submission, late when after the deadline, by `district-<district>`. */
export const districtSubmitted = (
  district: string,
  projectIds: string[],
  submittedOn = '2023-05-15',
  submissionNo = 1,
): DistrictRegistrationSubmitted => ({
  type: 'DistrictRegistrationSubmitted',
  data: {
    district,
    projectIds,
    submittedOn,
    late: submittedOn > REGISTRATION_DEADLINE,
    submittedBy: `district-${district}`,
    submissionNo,
  },
});

export const planCompiled = (data: Partial<PlanCompiled['data']> = {}): PlanCompiled => ({
  type: 'PlanCompiled',
  data: {
    compiledOn: '2023-06-01',
    compiledBy: 'center-1',
    districtsSubmitted: [],
    districtsMissing: [],
    projectIds: [],
    ...data,
  },
});

export const planApproved = (data: Partial<PlanApproved['data']> = {}): PlanApproved => ({
  type: 'PlanApproved',
  data: { decisionNo: '12/QĐ-UBND', decisionDate: '2023-06-10', approvedBy: 'approver-1', ...data },
});
