import type { ProjectCommand } from './project.commands';
import {
  APPROVED_ON,
  cmd,
  ev,
  historyOf,
  STARTED_ON,
  TODAY,
} from '../../../test/support/projects/project-fixtures';
import {
  asApprover,
  asCenter,
  asDistrict,
  spec,
} from '../../../test/support/projects/project-specification';
import { projectView } from './project.view';

describe('starting execution', () => {
  describe('when approved', () => {
    it('starts on the day of the approval decision', () => {
      spec
        .given(historyOf.approved)
        .when(cmd.startExecution(APPROVED_ON), asCenter)
        .then([ev.executionStarted(APPROVED_ON)], (state) =>
          expect(projectView(state)).toMatchObject({
            status: 'in_execution',
            startedOn: APPROVED_ON,
            netDisbursedVnd: 0,
          }),
        );
    });

    it('starts today', () => {
      spec
        .given(historyOf.approved)
        .when(cmd.startExecution(TODAY), asCenter)
        .then([ev.executionStarted(TODAY)]);
    });

    it('refuses a start the day before the approval decision', () => {
      spec
        .given(historyOf.approved)
        .when(cmd.startExecution('2024-02-29'), asCenter)
        .thenThrows('date_before_approval', { kind: 'rule', field: 'startedOn' });
    });

    it('refuses a start tomorrow', () => {
      spec
        .given(historyOf.approved)
        .when(cmd.startExecution('2024-06-16'), asCenter)
        .thenThrows('date_in_future', { kind: 'rule', field: 'startedOn' });
    });
  });

  it('refuses a project that is only appraised', () => {
    spec
      .given(historyOf.appraised)
      .when(cmd.startExecution(), asCenter)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('reporting progress', () => {
  const trainees = (value: number) => [{ indicator: 'trainees', value }];

  describe('when in execution', () => {
    it('records the first report of a period', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.report('2024-04', '2024-04-25', trainees(12)), asDistrict)
        .then([ev.reported('2024-04', '2024-04-25', trainees(12), false)]);
    });

    it('replaces an earlier report for the same period instead of adding to it', () => {
      spec
        .given([...historyOf.in_execution, ev.reported('2024-04', '2024-04-25', trainees(12))])
        .when(cmd.report('2024-04', '2024-05-02', trainees(15)), asDistrict)
        .then([ev.reported('2024-04', '2024-05-02', trainees(15), true)], (state) =>
          expect(projectView(state)?.achieved).toEqual({ trainees: 15 }),
        );
    });

    it('adds up each indicator over the periods', () => {
      spec
        .given([
          ...historyOf.in_execution,
          ev.reported('2024-03', '2024-03-25', [
            { indicator: 'establishments_supported', value: 0 },
            ...trainees(10),
          ]),
        ])
        .when(
          cmd.report('2024-04', '2024-04-25', [
            { indicator: 'establishments_supported', value: 1 },
            ...trainees(15),
          ]),
          asDistrict,
        )
        .then(
          [
            ev.reported('2024-04', '2024-04-25', [
              { indicator: 'establishments_supported', value: 1 },
              ...trainees(15),
            ]),
          ],
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

    it('accepts the month execution started, reported on the day it started', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.report('2024-03', STARTED_ON), asCenter)
        .then([ev.reported('2024-03', STARTED_ON)]);
    });

    it('accepts a report dated today for this month', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.report('2024-06', TODAY), asCenter)
        .then([ev.reported('2024-06', TODAY)]);
    });

    it('accepts a value of 0', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.report('2024-04', '2024-04-25', trainees(0)), asDistrict)
        .then([ev.reported('2024-04', '2024-04-25', trainees(0))]);
    });

    describe('refuses', () => {
      const refused = (command: ProjectCommand, code: string, field: string): void => {
        spec
          .given(historyOf.in_execution)
          .when(command, asDistrict)
          .thenThrows(code, { kind: 'rule', field });
      };

      it('a period before the month execution started', () =>
        refused(cmd.report('2024-02', '2024-04-25'), 'period_before_execution', 'period'));
      it('a period after the month of the report', () =>
        refused(cmd.report('2024-06', '2024-05-31'), 'period_after_report_date', 'period'));
      it('a period that is not a month', () =>
        refused(cmd.report('2024-13', '2024-04-25'), 'invalid_period', 'period'));
      it('a report dated tomorrow', () =>
        refused(cmd.report('2024-06', '2024-06-16'), 'date_in_future', 'reportedOn'));
      it('a report dated before execution started', () =>
        refused(cmd.report('2024-03', '2024-03-10'), 'date_before_execution', 'reportedOn'));
      it('an indicator that is not in the reference data', () =>
        refused(
          cmd.report('2024-04', '2024-04-25', [{ indicator: 'rockets', value: 1 }]),
          'unknown_indicator',
          'achievements[0].indicator',
        ));
      it('the same indicator twice in one report', () =>
        refused(
          cmd.report('2024-04', '2024-04-25', [...trainees(1), ...trainees(2)]),
          'duplicate_indicator',
          'achievements[1].indicator',
        ));
      it('a negative value', () =>
        refused(
          cmd.report('2024-04', '2024-04-25', trainees(-1)),
          'invalid_value',
          'achievements[0].value',
        ));
      it('a fractional value', () =>
        refused(
          cmd.report('2024-04', '2024-04-25', trainees(0.5)),
          'invalid_value',
          'achievements[0].value',
        ));
    });
  });

  it('refuses a project not yet in execution', () => {
    spec
      .given(historyOf.approved)
      .when(cmd.report('2024-04', '2024-04-25'), asDistrict)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });

  it('refuses a project already accepted', () => {
    spec
      .given(historyOf.accepted)
      .when(cmd.report('2024-06', TODAY), asDistrict)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('recording an inspection', () => {
  describe('when in execution', () => {
    it('records it on the day execution started', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.inspect(STARTED_ON), asCenter)
        .then(
          [
            {
              type: 'InspectionRecorded',
              data: {
                inspectedOn: STARTED_ON,
                findings: 'Máy đã lắp đặt',
                outcome: 'satisfactory',
              },
            },
          ],
          (state) => expect(projectView(state)?.inspectionCount).toBe(1),
        );
    });

    it('records issues found today', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.inspect(TODAY, 'issues_found'), asCenter)
        .then([
          {
            type: 'InspectionRecorded',
            data: { inspectedOn: TODAY, findings: 'Máy đã lắp đặt', outcome: 'issues_found' },
          },
        ]);
    });

    it('refuses an inspection before execution started', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.inspect('2024-03-10'), asCenter)
        .thenThrows('date_before_execution', { kind: 'rule', field: 'inspectedOn' });
    });

    it('refuses an inspection dated tomorrow', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.inspect('2024-06-16'), asCenter)
        .thenThrows('date_in_future', { kind: 'rule', field: 'inspectedOn' });
    });

    it('refuses an outcome it does not know', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.inspect(TODAY, 'fine' as 'satisfactory'), asCenter)
        .thenThrows('invalid_outcome', { kind: 'rule', field: 'outcome' });
    });
  });

  it('refuses a project already accepted', () => {
    spec
      .given(historyOf.accepted)
      .when(cmd.inspect(), asCenter)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('adjusting a project in execution', () => {
  // Machinery, 200,000,000 requested + 300,000,000 counterpart: the norm allows 250,000,000.
  it('raises the funding above the appraisal up to the norm', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ approvedFundingVnd: 250_000_000 }), asApprover)
      .then([ev.adjusted({ approvedFundingVnd: 250_000_000 })], (state) =>
        expect(projectView(state)).toMatchObject({
          approvedFundingVnd: 250_000_000,
          appraisedFundingVnd: 200_000_000,
        }),
      );
  });

  it('refuses 1 đồng above the norm', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ approvedFundingVnd: 250_000_001 }), asApprover)
      .thenThrows('exceeds_support_norm', { kind: 'rule', field: 'approvedFundingVnd' });
  });

  it('lowers the funding to exactly the advances already paid', () => {
    spec
      .given([...historyOf.in_execution, ev.advance(100_000_000)])
      .when(cmd.adjust({ approvedFundingVnd: 100_000_000 }), asApprover)
      .then([ev.adjusted({ approvedFundingVnd: 100_000_000 })]);
  });

  it('refuses funding 1 đồng below the advances already paid', () => {
    spec
      .given([...historyOf.in_execution, ev.advance(100_000_000)])
      .when(cmd.adjust({ approvedFundingVnd: 99_999_999 }), asApprover)
      .thenThrows('approved_below_disbursed', { kind: 'rule', field: 'approvedFundingVnd' });
  });

  it('refuses 0 funding', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ approvedFundingVnd: 0 }), asApprover)
      .thenThrows('amount_not_positive', { kind: 'rule', field: 'approvedFundingVnd' });
  });

  it('moves the planned end, down to the planned start', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ plannedEnd: '2024-03-01' }), asApprover)
      .then([ev.adjusted({ plannedEnd: '2024-03-01' })], (state) =>
        expect(projectView(state)?.plannedEnd).toBe('2024-03-01'),
      );
  });

  it('refuses a planned end before the planned start', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ plannedEnd: '2024-02-29' }), asApprover)
      .thenThrows('planned_end_before_start', { kind: 'rule', field: 'plannedEnd' });
  });

  it('refuses a planned end that is not a date', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ plannedEnd: '2024-11-31' }), asApprover)
      .thenThrows('invalid_date', { kind: 'rule', field: 'plannedEnd' });
  });

  it('replaces the targets, keeping what was achieved', () => {
    const targets = [
      { indicator: 'establishments_supported', target: 2 },
      { indicator: 'trainees', target: 40 },
    ];
    spec
      .given([
        ...historyOf.in_execution,
        ev.reported('2024-04', '2024-04-25', [{ indicator: 'trainees', value: 12 }]),
      ])
      .when(cmd.adjust({ targets }), asApprover)
      .then([ev.adjusted({ targets })], (state) =>
        expect(projectView(state)?.targets).toEqual([
          { indicator: 'establishments_supported', target: 2, achieved: 0 },
          { indicator: 'trainees', target: 40, achieved: 12 },
        ]),
      );
  });

  it('refuses targets that registration would refuse', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ targets: [{ indicator: 'trainees', target: 0 }] }), asApprover)
      .thenThrows('invalid_target', { kind: 'rule', field: 'targets[0].target' });
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ targets: [{ indicator: 'rockets', target: 1 }] }), asApprover)
      .thenThrows('unknown_indicator', { kind: 'rule', field: 'targets[0].indicator' });
  });

  it('refuses an adjustment that changes nothing', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({}), asApprover)
      .thenThrows('nothing_to_adjust', { kind: 'rule' });
  });

  it('refuses an adjustment without a decision number or a reason', () => {
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ plannedEnd: '2024-12-31' }, ''), asApprover)
      .thenThrows('required', { kind: 'rule', field: 'decisionNo' });
    spec
      .given(historyOf.in_execution)
      .when(cmd.adjust({ plannedEnd: '2024-12-31' }, '45/QĐ-SCT', ''), asApprover)
      .thenThrows('required', { kind: 'rule', field: 'reason' });
  });

  it('refuses a project not yet in execution', () => {
    spec
      .given(historyOf.approved)
      .when(cmd.adjust({ plannedEnd: '2024-12-31' }), asApprover)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('accepting the results (nghiệm thu)', () => {
  describe('when in execution', () => {
    it('accepts on the day execution started', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.accept(STARTED_ON), asCenter)
        .then([ev.accepted(STARTED_ON)], (state) =>
          expect(projectView(state)).toMatchObject({ status: 'accepted', acceptedOn: STARTED_ON }),
        );
    });

    it('accepts today', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.accept(TODAY), asCenter)
        .then([ev.accepted(TODAY)]);
    });

    it('refuses an acceptance before execution started', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.accept('2024-03-10'), asCenter)
        .thenThrows('date_before_execution', { kind: 'rule', field: 'acceptedOn' });
    });

    it('refuses an acceptance dated tomorrow', () => {
      spec
        .given(historyOf.in_execution)
        .when(cmd.accept('2024-06-16'), asCenter)
        .thenThrows('date_in_future', { kind: 'rule', field: 'acceptedOn' });
    });
  });

  it('refuses to accept twice', () => {
    spec
      .given(historyOf.accepted)
      .when(cmd.accept(), asCenter)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});
