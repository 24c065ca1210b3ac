import { districtOfficer } from '../../../test/support/actors';
import { deciderSpecification } from '../../../test/support/decider-specification';
import type { Actor } from '../../shared/actor';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { PlanCommand } from './plan.commands';
import type { PlanContext } from './plan.decide';
import { planDecider } from './plan.decider';
import type { PlanEvent } from './plan.events';
import {
  districtSubmitted as submitted,
  planApproved,
  planCompiled,
  planOpened as opened,
} from '../../../test/support/plans/plan-fixtures';

const centerOfficer: Actor = { sub: 'center-1', name: 'Trần Thị Bình', role: 'center_officer' };
const bienHoaOfficer = districtOfficer('bien-hoa', 'district-bh', 'Lê Văn Cường');
const approver: Actor = { sub: 'approver-1', name: 'Phạm Minh Đức', role: 'approver' };

const programme = { code: 'DN-2021-2025', fromYear: 2021, toYear: 2025 };
const at = (today: string, actor: Actor = centerOfficer): PlanContext => ({
  actor,
  today,
  reference: DEFAULT_REFERENCE_DATA,
  programme,
});

const spec = deciderSpecification(planDecider);

/** `command` on the history, decided in `context`, is refused by a rule on `field`. */
const refuses = (
  history: readonly PlanEvent[],
  command: PlanCommand,
  context: PlanContext,
  code: string,
  field: string,
) => spec.given(history).when(command, context).thenThrows(code, { kind: 'rule', field });

const allDistricts = Object.keys(DEFAULT_REFERENCE_DATA.districts);

const compiled = planCompiled({
  districtsSubmitted: ['bien-hoa'],
  districtsMissing: allDistricts.filter((d) => d !== 'bien-hoa'),
  projectIds: ['p-1'],
});

describe('OpenPlan', () => {
  type OpenData = Extract<PlanCommand, { type: 'OpenPlan' }>['data'];
  const open = (data: Partial<OpenData> = {}): PlanCommand => ({
    type: 'OpenPlan',
    data: { year: 2024, programCode: 'DN-2021-2025', registrationDeadline: '2023-05-20', ...data },
  });

  describe('when no plan is open for the year', () => {
    it('opens it with its registration deadline, recording who opened it', () => {
      spec.given([]).when(open(), at('2023-03-01')).then([opened]);
    });

    it.each<[string, Partial<OpenData>]>([
      [
        'opens a plan for the first year of the programme',
        { year: 2021, registrationDeadline: '2020-05-20' },
      ],
      [
        'opens a plan for the last year of the programme',
        { year: 2025, registrationDeadline: '2024-05-20' },
      ],
      [
        'accepts a deadline on the last day of the plan year',
        { registrationDeadline: '2024-12-31' },
      ],
    ])('%s', (_, data) => {
      spec
        .given([])
        .when(open(data), at('2023-03-01'))
        .then([{ type: 'PlanOpened', data: { ...opened.data, ...data } }]);
    });

    it.each(['2023-02-29', '20-05-2023', ''])('refuses the deadline %j', (registrationDeadline) =>
      refuses(
        [],
        open({ registrationDeadline }),
        at('2023-03-01'),
        'invalid_date',
        'registrationDeadline',
      ),
    );

    it.each<[string, Partial<OpenData>, PlanContext, string, string]>([
      [
        'refuses a deadline after the plan year has ended',
        { registrationDeadline: '2025-01-01' },
        at('2023-03-01'),
        'registration_deadline_after_plan_year',
        'registrationDeadline',
      ],
      ...[2020, 2026].map((year): [string, Partial<OpenData>, PlanContext, string, string] => [
        `refuses a plan for ${year}, outside the programme 2021–2025`,
        { year, registrationDeadline: '2019-05-20' },
        at('2023-03-01'),
        'plan_year_outside_programme',
        'year',
      ]),
      [
        'refuses a year that is not a whole year',
        { year: 2024.5 },
        at('2023-03-01'),
        'invalid_year',
        'year',
      ],
      [
        'refuses a programme the application layer did not find',
        {},
        { ...at('2023-03-01'), programme: undefined },
        'unknown_programme',
        'programCode',
      ],
      [
        'refuses a programme code other than the one looked up',
        { programCode: 'DN-2026-2030' },
        at('2023-03-01'),
        'unknown_programme',
        'programCode',
      ],
    ])('%s', (_, data, context, code, field) => refuses([], open(data), context, code, field));
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
    /** Biên Hòa's registration of `projectIds` on `submittedOn`, its `submissionNo`th. */
    const registered = (
      projectIds: string[],
      submittedOn: string,
      late: boolean,
      submissionNo = 1,
    ): PlanEvent => ({
      type: 'DistrictRegistrationSubmitted',
      data: {
        district: 'bien-hoa',
        projectIds,
        submittedOn,
        late,
        submittedBy: 'district-bh',
        submissionNo,
      },
    });
    const resubmitting = [opened, submitted('bien-hoa', ['p-1'])];

    it.each<[string, PlanEvent[], string[], string, PlanEvent]>([
      [
        'records the registration on time on the deadline day itself',
        [opened],
        ['p-1', 'p-2'],
        '2023-05-20',
        registered(['p-1', 'p-2'], '2023-05-20', false),
      ],
      [
        'records a registration the day after the deadline as late',
        [opened],
        ['p-1'],
        '2023-05-21',
        registered(['p-1'], '2023-05-21', true),
      ],
      [
        'takes "nothing to register" as an answer',
        [opened],
        [],
        '2023-05-01',
        registered([], '2023-05-01', false),
      ],
      [
        'lets a district resubmit, counting its submissions',
        resubmitting,
        ['p-1', 'p-3'],
        '2023-05-18',
        registered(['p-1', 'p-3'], '2023-05-18', false, 2),
      ],
      [
        'lets a district take back a project it registered',
        resubmitting,
        [],
        '2023-05-18',
        registered([], '2023-05-18', false, 2),
      ],
    ])('%s', (_, history, projectIds, today, event) => {
      spec.given(history).when(submit('bien-hoa', projectIds), byBienHoa(today)).then([event]);
    });

    it.each<[string, PlanEvent[], PlanCommand, string, string]>([
      [
        'refuses a district that is not known',
        [opened],
        submit('phuoc-long', []),
        'unknown_district',
        'district',
      ],
      [
        "refuses a registration under the Center's own unit: the Center submits none to its plan",
        [opened],
        submit('75', []),
        'center_submits_no_registration',
        'district',
      ],
      [
        'refuses the same project twice in one registration',
        [opened],
        submit('bien-hoa', ['p-1', 'p-2', 'p-1']),
        'duplicate_project_id',
        'projectIds[2]',
      ],
      [
        'refuses an empty project id',
        [opened],
        submit('bien-hoa', ['p-1', ' ']),
        'invalid_project_id',
        'projectIds[1]',
      ],
      [
        "refuses a project already in another district's registration",
        [opened, submitted('long-khanh', ['p-9'])],
        submit('bien-hoa', ['p-9']),
        'project_registered_by_other_district',
        'projectIds[0]',
      ],
    ])('%s', (_, history, command, code, field) =>
      refuses(history, command, byBienHoa('2023-05-01'), code, field),
    );
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

  it("never counts the Center's own unit as missing: it registers tasks, not a registration", () => {
    expect(DEFAULT_REFERENCE_DATA.center).toBeDefined();
    spec
      .given([opened])
      .when(compile, at('2023-06-01'))
      .then([
        {
          type: 'PlanCompiled',
          data: {
            ...compiled.data,
            districtsSubmitted: [],
            districtsMissing: allDistricts.filter((d) => d !== '75'),
            projectIds: [],
          },
        },
      ]);
  });

  it('counts as missing only the districts known when compiling', () => {
    const reference = {
      ...DEFAULT_REFERENCE_DATA,
      districts: { 'bien-hoa': { name: 'Biên Hòa' }, 'xa-moi': { name: 'Xã mới' } },
      units: [],
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
    it.each([
      [
        'approves it by decision, recording the approver',
        approve(),
        '2023-06-12',
        '1234/QĐ-UBND',
        '2023-06-10',
      ],
      [
        'accepts a decision dated the day of compilation, which is today',
        approve(' 7/QĐ-UBND ', '2023-06-01'),
        '2023-06-01',
        '7/QĐ-UBND',
        '2023-06-01',
      ],
    ])('%s', (_, command, today, decisionNo, decisionDate) => {
      spec
        .given([opened, compiled])
        .when(command, byApprover(today))
        .then([planApproved({ decisionNo, decisionDate, approvedBy: 'approver-1' })]);
    });

    it.each<[string, PlanCommand, string, string, string]>([
      [
        'refuses a decision dated before the plan was compiled',
        approve('1', '2023-05-31'),
        '2023-06-12',
        'decision_date_before_compilation',
        'decisionDate',
      ],
      [
        'refuses a decision dated tomorrow',
        approve('1', '2023-06-13'),
        '2023-06-12',
        'decision_date_in_future',
        'decisionDate',
      ],
      [
        'refuses a decision date that is not a date',
        approve('1', '2023-06-31'),
        '2023-07-12',
        'invalid_date',
        'decisionDate',
      ],
      [
        'refuses an approval without a decision number',
        approve('  '),
        '2023-06-12',
        'decision_no_required',
        'decisionNo',
      ],
    ])('%s', (_, command, today, code, field) =>
      refuses([opened, compiled], command, byApprover(today), code, field),
    );

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
