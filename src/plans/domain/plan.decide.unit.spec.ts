import { deciderSpecification } from '../../../test/support/decider-specification';
import type { Actor } from '../../shared/actor';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { PlanCommand } from './plan.commands';
import type { PlanContext } from './plan.decide';
import { planDecider } from './plan.decider';
import {
  districtSubmitted as submitted,
  planApproved,
  planCompiled,
  planOpened as opened,
} from '../../../test/support/plans/plan-fixtures';

const centerOfficer: Actor = { sub: 'center-1', name: 'Trần Thị Bình', role: 'center_officer' };
const bienHoaOfficer: Actor = {
  sub: 'district-bh',
  name: 'Lê Văn Cường',
  role: 'district_officer',
  district: 'bien-hoa',
};
const approver: Actor = { sub: 'approver-1', name: 'Phạm Minh Đức', role: 'approver' };

const programme = { code: 'DN-2021-2025', fromYear: 2021, toYear: 2025 };
const at = (today: string, actor: Actor = centerOfficer): PlanContext => ({
  actor,
  today,
  reference: DEFAULT_REFERENCE_DATA,
  programme,
});

const spec = deciderSpecification(planDecider);

const allDistricts = Object.keys(DEFAULT_REFERENCE_DATA.districts);

const compiled = planCompiled({
  districtsSubmitted: ['bien-hoa'],
  districtsMissing: allDistricts.filter((d) => d !== 'bien-hoa'),
  projectIds: ['p-1'],
});

describe('OpenPlan', () => {
  const open = (
    data: Partial<Extract<PlanCommand, { type: 'OpenPlan' }>['data']> = {},
  ): PlanCommand => ({
    type: 'OpenPlan',
    data: { year: 2024, programCode: 'DN-2021-2025', registrationDeadline: '2023-05-20', ...data },
  });

  describe('when no plan is open for the year', () => {
    it('opens it with its registration deadline, recording who opened it', () => {
      spec.given([]).when(open(), at('2023-03-01')).then([opened]);
    });

    it('opens plans for the first and the last year of the programme', () => {
      for (const year of [2021, 2025]) {
        spec
          .given([])
          .when(open({ year, registrationDeadline: `${year - 1}-05-20` }), at('2023-03-01'))
          .then([
            {
              type: 'PlanOpened',
              data: { ...opened.data, year, registrationDeadline: `${year - 1}-05-20` },
            },
          ]);
      }
    });

    it('accepts a deadline on the last day of the plan year', () => {
      spec
        .given([])
        .when(open({ registrationDeadline: '2024-12-31' }), at('2023-03-01'))
        .then([
          { type: 'PlanOpened', data: { ...opened.data, registrationDeadline: '2024-12-31' } },
        ]);
    });

    it('refuses a deadline after the plan year has ended', () => {
      spec
        .given([])
        .when(open({ registrationDeadline: '2025-01-01' }), at('2023-03-01'))
        .thenThrows('registration_deadline_after_plan_year', {
          kind: 'rule',
          field: 'registrationDeadline',
        });
    });

    it.each(['2023-02-29', '20-05-2023', ''])('refuses the deadline %j', (registrationDeadline) => {
      spec
        .given([])
        .when(open({ registrationDeadline }), at('2023-03-01'))
        .thenThrows('invalid_date', { kind: 'rule', field: 'registrationDeadline' });
    });

    it.each([2020, 2026])('refuses a plan for %i, outside the programme 2021–2025', (year) => {
      spec
        .given([])
        .when(open({ year, registrationDeadline: '2019-05-20' }), at('2023-03-01'))
        .thenThrows('plan_year_outside_programme', { kind: 'rule', field: 'year' });
    });

    it('refuses a year that is not a whole year', () => {
      spec
        .given([])
        .when(open({ year: 2024.5 }), at('2023-03-01'))
        .thenThrows('invalid_year', { kind: 'rule', field: 'year' });
    });

    it('refuses a programme the application layer did not find', () => {
      spec
        .given([])
        .when(open(), { ...at('2023-03-01'), programme: undefined })
        .thenThrows('unknown_programme', { kind: 'rule', field: 'programCode' });
    });

    it('refuses a programme code other than the one looked up', () => {
      spec
        .given([])
        .when(open({ programCode: 'DN-2026-2030' }), at('2023-03-01'))
        .thenThrows('unknown_programme', { kind: 'rule', field: 'programCode' });
    });
  });

  describe('when the plan is already open', () => {
    it('refuses to open it again', () => {
      spec
        .given([opened])
        .when(open(), at('2023-03-01'))
        .thenThrows('plan_already_open', { kind: 'invalid_state' });
    });
  });
});

describe('SubmitDistrictRegistration', () => {
  const submit = (district: string, projectIds: string[]): PlanCommand => ({
    type: 'SubmitDistrictRegistration',
    data: { district, projectIds },
  });
  const byBienHoa = (today: string) => at(today, bienHoaOfficer);

  describe('when the plan is open', () => {
    it('records the registration on time on the deadline day itself', () => {
      spec
        .given([opened])
        .when(submit('bien-hoa', ['p-1', 'p-2']), byBienHoa('2023-05-20'))
        .then([
          {
            type: 'DistrictRegistrationSubmitted',
            data: {
              district: 'bien-hoa',
              projectIds: ['p-1', 'p-2'],
              submittedOn: '2023-05-20',
              late: false,
              submittedBy: 'district-bh',
              submissionNo: 1,
            },
          },
        ]);
    });

    it('records a registration the day after the deadline as late', () => {
      spec
        .given([opened])
        .when(submit('bien-hoa', ['p-1']), byBienHoa('2023-05-21'))
        .then([
          {
            type: 'DistrictRegistrationSubmitted',
            data: {
              district: 'bien-hoa',
              projectIds: ['p-1'],
              submittedOn: '2023-05-21',
              late: true,
              submittedBy: 'district-bh',
              submissionNo: 1,
            },
          },
        ]);
    });

    it('takes "nothing to register" as an answer', () => {
      spec
        .given([opened])
        .when(submit('bien-hoa', []), byBienHoa('2023-05-01'))
        .then([
          {
            type: 'DistrictRegistrationSubmitted',
            data: {
              district: 'bien-hoa',
              projectIds: [],
              submittedOn: '2023-05-01',
              late: false,
              submittedBy: 'district-bh',
              submissionNo: 1,
            },
          },
        ]);
    });

    it('lets a district resubmit, counting its submissions', () => {
      spec
        .given([opened, submitted('bien-hoa', ['p-1'])])
        .when(submit('bien-hoa', ['p-1', 'p-3']), byBienHoa('2023-05-18'))
        .then([
          {
            type: 'DistrictRegistrationSubmitted',
            data: {
              district: 'bien-hoa',
              projectIds: ['p-1', 'p-3'],
              submittedOn: '2023-05-18',
              late: false,
              submittedBy: 'district-bh',
              submissionNo: 2,
            },
          },
        ]);
    });

    it('lets a district take back a project it registered', () => {
      spec
        .given([opened, submitted('bien-hoa', ['p-1'])])
        .when(submit('bien-hoa', []), byBienHoa('2023-05-18'))
        .then([
          {
            type: 'DistrictRegistrationSubmitted',
            data: {
              district: 'bien-hoa',
              projectIds: [],
              submittedOn: '2023-05-18',
              late: false,
              submittedBy: 'district-bh',
              submissionNo: 2,
            },
          },
        ]);
    });

    it('refuses a district that is not known', () => {
      spec
        .given([opened])
        .when(submit('phuoc-long', []), byBienHoa('2023-05-01'))
        .thenThrows('unknown_district', { kind: 'rule', field: 'district' });
    });

    it('refuses the same project twice in one registration', () => {
      spec
        .given([opened])
        .when(submit('bien-hoa', ['p-1', 'p-2', 'p-1']), byBienHoa('2023-05-01'))
        .thenThrows('duplicate_project_id', { kind: 'rule', field: 'projectIds[2]' });
    });

    it('refuses an empty project id', () => {
      spec
        .given([opened])
        .when(submit('bien-hoa', ['p-1', ' ']), byBienHoa('2023-05-01'))
        .thenThrows('invalid_project_id', { kind: 'rule', field: 'projectIds[1]' });
    });

    it("refuses a project already in another district's registration", () => {
      spec
        .given([opened, submitted('long-khanh', ['p-9'])])
        .when(submit('bien-hoa', ['p-9']), byBienHoa('2023-05-01'))
        .thenThrows('project_registered_by_other_district', {
          kind: 'rule',
          field: 'projectIds[0]',
        });
    });
  });

  describe('when the plan is compiled', () => {
    it('refuses a registration', () => {
      spec
        .given([opened, submitted('bien-hoa', ['p-1']), compiled])
        .when(submit('long-khanh', []), byBienHoa('2023-06-02'))
        .thenThrows('plan_already_compiled', { kind: 'invalid_state' });
    });
  });

  describe('when no plan is open', () => {
    it('answers that there is no plan', () => {
      spec
        .given([])
        .when(submit('bien-hoa', []), byBienHoa('2023-05-01'))
        .thenThrows('plan_not_found', { kind: 'not_found' });
    });
  });
});

describe('CompilePlan', () => {
  const compile: PlanCommand = { type: 'CompilePlan', data: {} };

  it('lists who submitted, who is missing and every registered project', () => {
    spec
      .given([
        opened,
        submitted('long-khanh', ['p-2', 'p-3']),
        submitted('bien-hoa', ['p-1']),
        submitted('tan-phu', [], '2023-05-25'),
      ])
      .when(compile, at('2023-06-01'))
      .then([
        {
          type: 'PlanCompiled',
          data: {
            compiledOn: '2023-06-01',
            compiledBy: 'center-1',
            districtsSubmitted: ['long-khanh', 'bien-hoa', 'tan-phu'],
            districtsMissing: allDistricts.filter(
              (d) => !['long-khanh', 'bien-hoa', 'tan-phu'].includes(d),
            ),
            projectIds: ['p-2', 'p-3', 'p-1'],
          },
        },
      ]);
  });

  it('compiles the latest registration of a district that resubmitted', () => {
    spec
      .given([
        opened,
        submitted('bien-hoa', ['p-1']),
        submitted('bien-hoa', ['p-4'], '2023-05-19', 2),
      ])
      .when(compile, at('2023-06-01'))
      .then([
        {
          type: 'PlanCompiled',
          data: { ...compiled.data, projectIds: ['p-4'] },
        },
      ]);
  });

  it('compiles a plan no district answered, all of them missing', () => {
    spec
      .given([opened])
      .when(compile, at('2023-06-01'))
      .then([
        {
          type: 'PlanCompiled',
          data: {
            ...compiled.data,
            districtsSubmitted: [],
            districtsMissing: allDistricts,
            projectIds: [],
          },
        },
      ]);
  });

  it('counts as missing only the districts known when compiling', () => {
    const reference = {
      ...DEFAULT_REFERENCE_DATA,
      districts: { 'bien-hoa': { name: 'Biên Hòa' }, 'xa-moi': { name: 'Xã mới' } },
    };
    spec
      .given([opened, submitted('bien-hoa', ['p-1'])])
      .when(compile, { ...at('2023-06-01'), reference })
      .then([{ type: 'PlanCompiled', data: { ...compiled.data, districtsMissing: ['xa-moi'] } }]);
  });

  it('refuses to compile twice', () => {
    spec
      .given([opened, compiled])
      .when(compile, at('2023-06-02'))
      .thenThrows('plan_already_compiled', { kind: 'invalid_state' });
  });

  it('refuses to compile an approved plan', () => {
    const approved = planApproved({ decisionNo: '1/QĐ-UBND' });
    spec
      .given([opened, compiled, approved])
      .when(compile, at('2023-06-12'))
      .thenThrows('plan_already_compiled', { kind: 'invalid_state' });
  });

  it('answers that there is no plan to compile', () => {
    spec
      .given([])
      .when(compile, at('2023-06-01'))
      .thenThrows('plan_not_found', { kind: 'not_found' });
  });
});

describe('ApprovePlan', () => {
  const approve = (decisionNo = '1234/QĐ-UBND', decisionDate = '2023-06-10'): PlanCommand => ({
    type: 'ApprovePlan',
    data: { decisionNo, decisionDate },
  });
  const byApprover = (today: string) => at(today, approver);

  describe('when compiled', () => {
    it('approves it by decision, recording the approver', () => {
      spec
        .given([opened, compiled])
        .when(approve(), byApprover('2023-06-12'))
        .then([
          {
            type: 'PlanApproved',
            data: {
              decisionNo: '1234/QĐ-UBND',
              decisionDate: '2023-06-10',
              approvedBy: 'approver-1',
            },
          },
        ]);
    });

    it('accepts a decision dated the day of compilation, which is today', () => {
      spec
        .given([opened, compiled])
        .when(approve(' 7/QĐ-UBND ', '2023-06-01'), byApprover('2023-06-01'))
        .then([
          {
            type: 'PlanApproved',
            data: { decisionNo: '7/QĐ-UBND', decisionDate: '2023-06-01', approvedBy: 'approver-1' },
          },
        ]);
    });

    it('refuses a decision dated before the plan was compiled', () => {
      spec
        .given([opened, compiled])
        .when(approve('1', '2023-05-31'), byApprover('2023-06-12'))
        .thenThrows('decision_date_before_compilation', { kind: 'rule', field: 'decisionDate' });
    });

    it('refuses a decision dated tomorrow', () => {
      spec
        .given([opened, compiled])
        .when(approve('1', '2023-06-13'), byApprover('2023-06-12'))
        .thenThrows('decision_date_in_future', { kind: 'rule', field: 'decisionDate' });
    });

    it('refuses a decision date that is not a date', () => {
      spec
        .given([opened, compiled])
        .when(approve('1', '2023-06-31'), byApprover('2023-07-12'))
        .thenThrows('invalid_date', { kind: 'rule', field: 'decisionDate' });
    });

    it('refuses an approval without a decision number', () => {
      spec
        .given([opened, compiled])
        .when(approve('  '), byApprover('2023-06-12'))
        .thenThrows('decision_no_required', { kind: 'rule', field: 'decisionNo' });
    });

    it('refuses an approval by whoever compiled the plan, whatever role they act in', () => {
      const compilerAsApprover: Actor = { ...approver, sub: 'center-1' };
      spec
        .given([opened, compiled])
        .when(approve(), at('2023-06-12', compilerAsApprover))
        .thenThrows('segregation_of_duties', { kind: 'rule' });
    });
  });

  describe('when still open', () => {
    it('refuses to approve a plan that was not compiled', () => {
      spec
        .given([opened, submitted('bien-hoa', ['p-1'])])
        .when(approve(), byApprover('2023-06-12'))
        .thenThrows('plan_not_compiled', { kind: 'invalid_state' });
    });
  });

  describe('when already approved', () => {
    it('refuses to approve it again', () => {
      const approved = planApproved({ decisionNo: '1234/QĐ-UBND' });
      spec
        .given([opened, compiled, approved])
        .when(approve(), byApprover('2023-06-12'))
        .thenThrows('plan_already_approved', { kind: 'invalid_state' });
    });
  });

  describe('when no plan is open', () => {
    it('answers that there is no plan to approve', () => {
      spec
        .given([])
        .when(approve(), byApprover('2023-06-12'))
        .thenThrows('plan_not_found', { kind: 'not_found' });
    });
  });
});
