import type { ProjectCommand } from './project.commands';
import {
  centerOfficer,
  cmd,
  ev,
  givenProject,
  contextOf,
  itRefusesOutOfTurn,
  normOf,
  registration,
  TODAY,
} from '../../../test/support/projects/project-specification';

describe('starting the appraisal', () => {
  it('moves a registered project under appraisal, recording who started it', () =>
    givenProject('registered', 'center').decides(
      cmd.startAppraisal(),
      [ev.appraisalStarted()],
      (state) => expect(state.status).toBe('under_appraisal'),
    ));

  itRefusesOutOfTurn('center', {
    'a project already under appraisal': ['under_appraisal', cmd.startAppraisal()],
  });
});

describe('recording the appraisal result', () => {
  describe('when under appraisal', () => {
    const underAppraisal = givenProject('under_appraisal', 'center');

    it('passes it with the appraised funding, recording the appraiser', () =>
      underAppraisal.decides(cmd.pass(150_000_000), [ev.passed(150_000_000)], {
        status: 'appraised',
        appraisedFundingVnd: 150_000_000,
        appraisedBy: centerOfficer.sub,
      }));

    it('passes it at exactly the requested amount', () =>
      underAppraisal.decides(cmd.pass(200_000_000), [ev.passed(200_000_000)]));

    it('requests a revision, dated today', () =>
      underAppraisal.decides(cmd.requestRevision(), [ev.revisionRequested(TODAY)], {
        status: 'revision_requested',
        revisionRequestedOn: TODAY,
      }));

    it('rejects it for good', () =>
      underAppraisal.decides(
        cmd.failAppraisal(),
        [
          {
            type: 'AppraisalRejected',
            data: { notes: 'Không đạt', appraisedBy: centerOfficer.sub },
          },
        ],
        {
          status: 'rejected',
          rejectionReason: 'Không đạt',
          appraisedFundingVnd: null,
        },
      ));

    const maybe = { type: 'RecordAppraisalResult', data: { outcome: 'maybe', notes: '' } };
    underAppraisal.itRefuses({
      '1 đồng above the requested amount': [
        cmd.pass(200_000_001),
        'appraised_exceeds_requested',
        'appraisedFundingVnd',
      ],
      'a pass without appraised funding': [
        cmd.passWithoutFunding(),
        'required',
        'appraisedFundingVnd',
      ],
      'a pass with 0 appraised funding': [
        cmd.pass(0),
        'amount_not_positive',
        'appraisedFundingVnd',
      ],
      'an outcome it does not know': [
        maybe as unknown as ProjectCommand,
        'invalid_outcome',
        'outcome',
      ],
    });
  });

  describe('when the appraisal has not started', () => {
    itRefusesOutOfTurn('center', { 'any result': ['registered', cmd.pass()] });
  });

  describe('against the support norm', () => {
    /** A project of the given shape, under appraisal. */
    const underAppraisal = (
      activityType: string,
      requestedFundingVnd: number,
      counterpartFundingVnd: number,
    ) => {
      const shape = { activityType, requestedFundingVnd, counterpartFundingVnd, targets: [] };
      const project = givenProject([ev.registered(shape), ev.appraisalStarted()], 'center');
      return { project, details: { ...registration, ...shape } };
    };
    type UnderAppraisal = ReturnType<typeof underAppraisal>;
    /** Passes, recording the norm of the day (Thông tư 28/2018 in 2024) as applied. */
    const passes = ({ project, details }: UnderAppraisal, amount: number) =>
      project.decides(cmd.pass(amount), [ev.passed(amount, undefined, normOf(details, TODAY))]);
    const refusedAbove = ({ project }: UnderAppraisal, amount: number) =>
      project.breaks(cmd.pass(amount), 'exceeds_support_norm', 'appraisedFundingVnd');

    /** Where each limit of a norm binds: the requested and counterpart funding, and the limit. */
    interface Binding {
      readonly requested: number;
      readonly counterpart: number;
      readonly limit: number;
    }
    const amount = (vnd: number) => vnd.toLocaleString('en-US');

    describe.each<{ norm: string; activityType: string; percent: Binding; cap: Binding }>([
      {
        norm: 'machinery: 50% of the cost, at most 300,000,000',
        activityType: 'machinery',
        // 250,000,000 requested + 150,000,000 counterpart: 50% is 200,000,000, below the cap.
        percent: { requested: 250_000_000, counterpart: 150_000_000, limit: 200_000_000 },
        // 400,000,000 + 600,000,000: 50% is 500,000,000, so the 300,000,000 cap binds.
        cap: { requested: 400_000_000, counterpart: 600_000_000, limit: 300_000_000 },
      },
      {
        norm: 'demonstration_model: 30% of the cost, at most 1,000,000,000',
        activityType: 'demonstration_model',
        // 700,000,000 + 1,300,000,000: 30% is 600,000,000, below the cap.
        percent: { requested: 700_000_000, counterpart: 1_300_000_000, limit: 600_000_000 },
        // 1,500,000,000 + 2,500,000,000: 30% is 1,200,000,000, so the cap binds.
        cap: { requested: 1_500_000_000, counterpart: 2_500_000_000, limit: 1_000_000_000 },
      },
    ])('$norm', ({ activityType, percent, cap }) => {
      const shaped = ({ requested, counterpart }: Binding) =>
        underAppraisal(activityType, requested, counterpart);

      it('passes exactly its share of the cost', () => passes(shaped(percent), percent.limit));
      it('refuses 1 đồng above its share of the cost', () =>
        refusedAbove(shaped(percent), percent.limit + 1));
      it(`passes exactly ${amount(cap.limit)}`, () => passes(shaped(cap), cap.limit));
      it(`refuses ${amount(cap.limit + 1)}`, () => refusedAbove(shaped(cap), cap.limit + 1));
    });

    describe('machinery: 50% of the cost, at most 300,000,000', () => {
      it('rounds half a đồng of the cap down', () => {
        // 150,000,001 + 50,000,000 = 200,000,001: half is 100,000,000.5, rounded down.
        const oddTotal = underAppraisal('machinery', 150_000_001, 50_000_000);
        passes(oddTotal, 100_000_000);
        refusedAbove(oddTotal, 100_000_001);
      });
    });

    describe('an activity type without a norm', () => {
      it('caps at the requested amount only, even with no counterpart', () =>
        passes(underAppraisal('training', 50_000_000, 0), 50_000_000));

      it('caps nothing more where the norm in force confirms no national figure (brand, since 2018)', () =>
        passes(underAppraisal('brand_registration', 50_000_000, 0), 50_000_000));
    });

    describe('in force on the day the result is recorded', () => {
      it('judges an appraisal of 2017 by Thông tư liên tịch 26/2014 (machinery at most 200,000,000)', () => {
        const shape = {
          activityType: 'machinery',
          requestedFundingVnd: 400_000_000,
          counterpartFundingVnd: 600_000_000,
          targets: [],
        };
        const details = { ...registration, ...shape };
        const in2017 = { ...contextOf('center'), today: '2017-06-01' };
        const project = givenProject([ev.registered(shape), ev.appraisalStarted()], in2017);
        expect(normOf(details, '2017-06-01')).toMatchObject({
          normSet: 'TTLT-26-2014',
          capVnd: 200_000_000,
        });
        project.breaks(cmd.pass(200_000_001), 'exceeds_support_norm', 'appraisedFundingVnd');
        project.decides(cmd.pass(200_000_000), [
          ev.passed(200_000_000, undefined, normOf(details, '2017-06-01')),
        ]);
      });
    });
  });
});

describe('resubmitting after a revision request', () => {
  const revisionRequested = givenProject('revision_requested', 'district');

  it('returns the project to registered with the changes merged, recording who resubmitted', () => {
    const changes = { requestedFundingVnd: 180_000_000, plannedEnd: '2024-12-15' };
    revisionRequested.decides(cmd.resubmit(changes), [ev.resubmitted(changes)], {
      status: 'registered',
      requestedFundingVnd: 180_000_000,
      plannedEnd: '2024-12-15',
      plannedStart: '2024-03-01',
      title: 'Hỗ trợ máy chế biến hạt điều',
    });
  });

  it('accepts a resubmission that changes nothing (documents were added outside the system)', () =>
    revisionRequested.decides(cmd.resubmit({}), [ev.resubmitted({})]));

  it('keeps only registration fields among the changes', () => {
    const changes = { title: 'Máy sấy điều', district: 'cam-my' } as { title: string };
    revisionRequested.decides(cmd.resubmit(changes), [ev.resubmitted({ title: 'Máy sấy điều' })]);
  });

  it("changes where the establishment is, within the registering unit's territory", () =>
    revisionRequested.decides(
      cmd.resubmit({ beneficiaryUnit: '26068' }),
      [ev.resubmitted({ beneficiaryUnit: '26068' })],
      { beneficiaryUnit: '26068' },
    ));

  it('can be appraised again afterwards', () =>
    givenProject(['revision_requested', ev.resubmitted()], 'center').decides(cmd.startAppraisal(), [
      ev.appraisalStarted(),
    ]));

  describe('refuses changes that would make the registration invalid', () => {
    revisionRequested.itRefuses(
      {
        'a plannedEnd before the unchanged plannedStart': [
          cmd.resubmit({ plannedEnd: '2024-02-29' }),
          'planned_end_before_start',
          'plannedEnd',
        ],
        'a requested amount of 0': [
          cmd.resubmit({ requestedFundingVnd: 0 }),
          'amount_not_positive',
          'requestedFundingVnd',
        ],
        'an unknown indicator': [
          cmd.resubmit({ targets: [{ indicator: 'rockets', target: 1 }] }),
          'unknown_indicator',
          'targets[0].indicator',
        ],
        "a beneficiary's unit outside Biên Hòa, the registering district": [
          cmd.resubmit({ beneficiaryUnit: '26119' }),
          'beneficiary_unit_outside_territory',
          'beneficiaryUnit',
        ],
        'an unknown activity type': [
          cmd.resubmit({ activityType: 'space_program' }),
          'unknown_activity_type',
          'activityType',
        ],
      },
      '%s',
    );
  });

  itRefusesOutOfTurn('district', {
    'a project that was not sent back for revision': ['under_appraisal', cmd.resubmit({})],
  });
});
