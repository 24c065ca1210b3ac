import {
  APPROVED_ON,
  cmd,
  ev,
  givenProject,
  itRefusesOutOfTurn,
  STARTED_ON,
  TODAY,
} from '../../../test/support/projects/project-specification';
import { projectView } from './project.view';

const inExecution = givenProject('in_execution', 'center');

describe('starting execution', () => {
  describe('when approved', () => {
    const approved = givenProject('approved', 'center');

    it('starts on the day of the approval decision', () =>
      approved.decides(cmd.startExecution(APPROVED_ON), [ev.executionStarted(APPROVED_ON)], {
        status: 'in_execution',
        startedOn: APPROVED_ON,
        netDisbursedVnd: 0,
      }));

    it('starts today', () =>
      approved.decides(cmd.startExecution(TODAY), [ev.executionStarted(TODAY)]));

    approved.itRefuses({
      'a start the day before the approval decision': [
        cmd.startExecution('2024-02-29'),
        'date_before_approval',
        'startedOn',
      ],
      'a start tomorrow': [cmd.startExecution('2024-06-16'), 'date_in_future', 'startedOn'],
    });
  });

  itRefusesOutOfTurn('center', {
    'a project that is only appraised': ['appraised', cmd.startExecution()],
  });
});

describe('reporting progress', () => {
  const trainees = (value: number) => [{ indicator: 'trainees', value }];

  describe('when in execution', () => {
    const inExecutionByDistrict = givenProject('in_execution', 'district');

    it('records the first report of a period', () =>
      inExecutionByDistrict.decides(cmd.report('2024-04', '2024-04-25', trainees(12)), [
        ev.reported('2024-04', '2024-04-25', trainees(12), false),
      ]));

    it('replaces an earlier report for the same period instead of adding to it', () =>
      givenProject(
        ['in_execution', ev.reported('2024-04', '2024-04-25', trainees(12))],
        'district',
      ).decides(
        cmd.report('2024-04', '2024-05-02', trainees(15)),
        [ev.reported('2024-04', '2024-05-02', trainees(15), true)],
        (state) => expect(projectView(state)?.achieved).toEqual({ trainees: 15 }),
      ));

    it('adds up each indicator over the periods', () => {
      const establishments = (value: number) => [{ indicator: 'establishments_supported', value }];
      givenProject(
        [
          'in_execution',
          ev.reported('2024-03', '2024-03-25', [...establishments(0), ...trainees(10)]),
        ],
        'district',
      ).decides(
        cmd.report('2024-04', '2024-04-25', [...establishments(1), ...trainees(15)]),
        [ev.reported('2024-04', '2024-04-25', [...establishments(1), ...trainees(15)])],
        (state) => {
          const view = projectView(state);
          expect(view?.achieved).toEqual({ establishments_supported: 1, trainees: 25 });
          expect(view?.targets).toEqual([
            { indicator: 'establishments_supported', target: 1, achieved: 1 },
          ]);
          expect(view?.reportedPeriods).toEqual(['2024-03', '2024-04']);
        },
      );
    });

    it.each([
      ['the month execution started, reported on the day it started', '2024-03', STARTED_ON],
      ['a report dated today for this month', '2024-06', TODAY],
    ])('accepts %s', (_, period, reportedOn) =>
      inExecution.decides(cmd.report(period, reportedOn), [ev.reported(period, reportedOn)]),
    );

    it('accepts a value of 0', () =>
      inExecutionByDistrict.decides(cmd.report('2024-04', '2024-04-25', trainees(0)), [
        ev.reported('2024-04', '2024-04-25', trainees(0)),
      ]));

    const report = (period: string, reportedOn = '2024-04-25') => cmd.report(period, reportedOn);
    const april = (achievements: { indicator: string; value: number }[]) =>
      cmd.report('2024-04', '2024-04-25', achievements);
    inExecutionByDistrict.itRefuses({
      'a period before the month execution started': [
        report('2024-02'),
        'period_before_execution',
        'period',
      ],
      'a period after the month of the report': [
        report('2024-06', '2024-05-31'),
        'period_after_report_date',
        'period',
      ],
      'a period that is not a month': [report('2024-13'), 'invalid_period', 'period'],
      'a report dated tomorrow': [report('2024-06', '2024-06-16'), 'date_in_future', 'reportedOn'],
      'a report dated before execution started': [
        report('2024-03', '2024-03-10'),
        'date_before_execution',
        'reportedOn',
      ],
      'an indicator that is not in the reference data': [
        april([{ indicator: 'rockets', value: 1 }]),
        'unknown_indicator',
        'achievements[0].indicator',
      ],
      'the same indicator twice in one report': [
        april([...trainees(1), ...trainees(2)]),
        'duplicate_indicator',
        'achievements[1].indicator',
      ],
      'a negative value': [april(trainees(-1)), 'invalid_value', 'achievements[0].value'],
      'a fractional value': [april(trainees(0.5)), 'invalid_value', 'achievements[0].value'],
    });
  });

  itRefusesOutOfTurn('district', {
    'a project not yet in execution': ['approved', cmd.report('2024-04', '2024-04-25')],
    'a project already accepted': ['accepted', cmd.report('2024-06', TODAY)],
  });
});

describe('recording an inspection', () => {
  describe('when in execution', () => {
    it('records it on the day execution started', () =>
      inExecution.decides(cmd.inspect(STARTED_ON), [ev.inspected(STARTED_ON)], (state) =>
        expect(projectView(state)?.inspectionCount).toBe(1),
      ));

    it('records issues found today', () =>
      inExecution.decides(cmd.inspect(TODAY, 'issues_found'), [
        ev.inspected(TODAY, 'issues_found'),
      ]));

    inExecution.itRefuses({
      'an inspection before execution started': [
        cmd.inspect('2024-03-10'),
        'date_before_execution',
        'inspectedOn',
      ],
      'an inspection dated tomorrow': [cmd.inspect('2024-06-16'), 'date_in_future', 'inspectedOn'],
      'an outcome it does not know': [
        cmd.inspect(TODAY, 'fine' as 'satisfactory'),
        'invalid_outcome',
        'outcome',
      ],
    });
  });

  itRefusesOutOfTurn('center', {
    'a project already accepted': ['accepted', cmd.inspect()],
  });
});

describe('adjusting a project in execution', () => {
  const inExecutionByApprover = givenProject('in_execution', 'approver');
  const advanced = givenProject(['in_execution', ev.advance(100_000_000)], 'approver');

  // Machinery, 200,000,000 requested + 300,000,000 counterpart: the norm allows 250,000,000.
  it('raises the funding above the appraisal up to the norm', () =>
    inExecutionByApprover.decides(
      cmd.adjust({ approvedFundingVnd: 250_000_000 }),
      [ev.adjusted({ approvedFundingVnd: 250_000_000 })],
      {
        approvedFundingVnd: 250_000_000,
        appraisedFundingVnd: 200_000_000,
      },
    ));

  it('lowers the funding to exactly the advances already paid', () =>
    advanced.decides(cmd.adjust({ approvedFundingVnd: 100_000_000 }), [
      ev.adjusted({ approvedFundingVnd: 100_000_000 }),
    ]));

  it('refuses funding 1 đồng below the advances already paid', () =>
    advanced.breaks(
      cmd.adjust({ approvedFundingVnd: 99_999_999 }),
      'approved_below_disbursed',
      'approvedFundingVnd',
    ));

  it('moves the planned end, down to the planned start', () =>
    inExecutionByApprover.decides(
      cmd.adjust({ plannedEnd: '2024-03-01' }),
      [ev.adjusted({ plannedEnd: '2024-03-01' })],
      (state) => expect(projectView(state)?.plannedEnd).toBe('2024-03-01'),
    ));

  it('replaces the targets, keeping what was achieved', () => {
    const targets = [
      { indicator: 'establishments_supported', target: 2 },
      { indicator: 'trainees', target: 40 },
    ];
    givenProject(
      [
        'in_execution',
        ev.reported('2024-04', '2024-04-25', [{ indicator: 'trainees', value: 12 }]),
      ],
      'approver',
    ).decides(cmd.adjust({ targets }), [ev.adjusted({ targets })], (state) =>
      expect(projectView(state)?.targets).toEqual([
        { indicator: 'establishments_supported', target: 2, achieved: 0 },
        { indicator: 'trainees', target: 40, achieved: 12 },
      ]),
    );
  });

  const newEnd = { plannedEnd: '2024-12-31' };
  inExecutionByApprover.itRefuses({
    '1 đồng above the norm': [
      cmd.adjust({ approvedFundingVnd: 250_000_001 }),
      'exceeds_support_norm',
      'approvedFundingVnd',
    ],
    '0 funding': [
      cmd.adjust({ approvedFundingVnd: 0 }),
      'amount_not_positive',
      'approvedFundingVnd',
    ],
    'a planned end before the planned start': [
      cmd.adjust({ plannedEnd: '2024-02-29' }),
      'planned_end_before_start',
      'plannedEnd',
    ],
    'a planned end that is not a date': [
      cmd.adjust({ plannedEnd: '2024-11-31' }),
      'invalid_date',
      'plannedEnd',
    ],
    'targets that registration would refuse (a target of 0)': [
      cmd.adjust({ targets: [{ indicator: 'trainees', target: 0 }] }),
      'invalid_target',
      'targets[0].target',
    ],
    'targets that registration would refuse (an unknown indicator)': [
      cmd.adjust({ targets: [{ indicator: 'rockets', target: 1 }] }),
      'unknown_indicator',
      'targets[0].indicator',
    ],
    'an adjustment that changes nothing': [cmd.adjust({}), 'nothing_to_adjust'],
    'an adjustment without a decision number': [cmd.adjust(newEnd, ''), 'required', 'decisionNo'],
    'an adjustment without a reason': [cmd.adjust(newEnd, '45/QĐ-SCT', ''), 'required', 'reason'],
  });

  itRefusesOutOfTurn('approver', {
    'a project not yet in execution': ['approved', cmd.adjust(newEnd)],
  });
});

describe('accepting the results (nghiệm thu)', () => {
  describe('when in execution', () => {
    it('accepts on the day execution started', () =>
      inExecution.decides(cmd.accept(STARTED_ON), [ev.accepted(STARTED_ON)], {
        status: 'accepted',
        acceptedOn: STARTED_ON,
      }));

    it('accepts today', () => inExecution.decides(cmd.accept(TODAY), [ev.accepted(TODAY)]));

    inExecution.itRefuses({
      'an acceptance before execution started': [
        cmd.accept('2024-03-10'),
        'date_before_execution',
        'acceptedOn',
      ],
      'an acceptance dated tomorrow': [cmd.accept('2024-06-16'), 'date_in_future', 'acceptedOn'],
    });
  });

  itRefusesOutOfTurn('center', { 'to accept twice': ['accepted', cmd.accept()] });
});
