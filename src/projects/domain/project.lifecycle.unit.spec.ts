import { replay } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import type { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectEvent } from './project.events';
import { initialProjectState, type ProjectStateStatus } from './project.state';
import {
  type Acting,
  centerOfficer,
  cmd,
  contextOf,
  districtOfficer,
  ev,
  historyOf,
  TODAY,
} from '../../../test/support/projects/project-specification';
import { projectView } from './project.view';

/** Runs commands one after the other against the growing stream, as the command handler does. */
function stream() {
  const events: ProjectEvent[] = [];
  return {
    events,
    run(command: ProjectCommand, who: Acting): string[] {
      const decided = projectDecider.decide(
        command,
        replay(projectDecider, events),
        contextOf(who),
      );
      events.push(...decided);
      return decided.map((e) => e.type);
    },
  };
}

describe('the life of a support project', () => {
  it('goes from registration to settlement', () => {
    const project = stream();
    const trainees = (value: number) => [
      { indicator: 'establishments_supported', value: 0 },
      { indicator: 'trainees', value },
    ];

    expect(project.run(cmd.register(), 'district')).toEqual(['ProjectRegistered']);
    expect(project.run(cmd.startAppraisal(), 'center')).toEqual(['AppraisalStarted']);
    expect(project.run(cmd.requestRevision(), 'center')).toEqual(['RevisionRequested']);
    expect(project.run(cmd.resubmit({ counterpartFundingVnd: 350_000_000 }), 'district')).toEqual([
      'ProjectResubmitted',
    ]);
    expect(project.run(cmd.startAppraisal(), 'center')).toEqual(['AppraisalStarted']);
    expect(project.run(cmd.pass(200_000_000), 'center')).toEqual(['AppraisalPassed']);
    expect(project.run(cmd.approve(190_000_000), 'approver')).toEqual(['ProjectApproved']);
    expect(project.run(cmd.startExecution('2024-03-11'), 'center')).toEqual(['ExecutionStarted']);
    expect(project.run(cmd.disburse('advance', 133_000_000, '2024-03-20'), 'finance')).toEqual([
      'AdvanceDisbursed',
    ]);
    expect(project.run(cmd.report('2024-03', '2024-03-25', trainees(10)), 'district')).toEqual([
      'ProgressReported',
    ]);
    expect(project.run(cmd.report('2024-04', '2024-04-25', trainees(5)), 'district')).toEqual([
      'ProgressReported',
    ]);
    expect(project.run(cmd.report('2024-04', '2024-04-28', trainees(8)), 'district')).toEqual([
      'ProgressReported',
    ]);
    expect(project.run(cmd.inspect('2024-05-20'), 'center')).toEqual(['InspectionRecorded']);
    expect(
      project.run(
        cmd.adjust({
          approvedFundingVnd: 200_000_000,
          targets: [{ indicator: 'trainees', target: 20 }],
        }),
        'approver',
      ),
    ).toEqual(['ProjectAdjusted']);
    expect(
      project.run(
        {
          type: 'ReportProgress',
          data: { period: '2024-05', reportedOn: '2024-05-25', achievements: trainees(3) },
        },
        'district',
      ),
    ).toEqual(['ProgressReported']);
    expect(project.run(cmd.accept('2024-06-10'), 'center')).toEqual(['ProjectAccepted']);
    expect(
      project.run(cmd.disburse('payment', 67_000_000, '2024-06-12', 'PC-002'), 'finance'),
    ).toEqual(['PaymentDisbursed']);
    expect(project.run(cmd.settle(200_000_000, TODAY), 'finance')).toEqual(['ProjectSettled']);

    expect(projectView(replay(projectDecider, project.events))).toEqual({
      projectId: '6f1c2a3e-0000-4000-8000-000000000001',
      status: 'settled',
      planYear: 2024,
      district: 'bien-hoa',
      title: 'Hỗ trợ máy chế biến hạt điều',
      activityType: 'machinery',
      fundingSource: 'local',
      beneficiary: { name: 'Cơ sở chế biến điều Tân Phong' },
      beneficiaryUnit: null,
      requestedFundingVnd: 200_000_000,
      counterpartFundingVnd: 350_000_000,
      appraisedFundingVnd: 200_000_000,
      approvedFundingVnd: 200_000_000,
      advancesVnd: 133_000_000,
      paymentsVnd: 67_000_000,
      recoveredVnd: 0,
      netDisbursedVnd: 200_000_000,
      disbursementRate: 1,
      settledVnd: 200_000_000,
      amountToRecoverVnd: 0,
      targets: [{ indicator: 'trainees', target: 20, achieved: 21 }],
      achieved: { establishments_supported: 0, trainees: 21 },
      reportedPeriods: ['2024-03', '2024-04', '2024-05'],
      inspectionCount: 1,
      plannedStart: '2024-03-01',
      plannedEnd: '2024-11-30',
      registeredBy: districtOfficer.sub,
      appraisedBy: centerOfficer.sub,
      revisionRequestedOn: null,
      approvalDecisionNo: '123/QĐ-SCT',
      approvalDecisionDate: '2024-03-01',
      // The adjustment's: 50% of 550,000,000, under Thông tư 28/2018 (machinery, per establishment).
      supportNorm: {
        normSet: 'TT-28-2018',
        legalBasis: 'Thông tư 28/2018/TT-BTC ngày 28/03/2018 của Bộ Tài chính, Điều 8',
        clause: 'khoản 4',
        percent: 50,
        maxVnd: 300_000_000,
        capVnd: 275_000_000,
      },
      startedOn: '2024-03-11',
      acceptedOn: '2024-06-10',
      settledOn: TODAY,
      cancelledOn: null,
      cancellationReason: null,
      rejectionReason: null,
      sentReminderIds: [],
    });
  });

  it('is cancelled with an advance to recover, which is then recovered', () => {
    const project = stream();
    project.run(cmd.register(), 'district');
    project.run(cmd.startAppraisal(), 'center');
    project.run(cmd.pass(200_000_000), 'center');
    project.run(cmd.approve(200_000_000), 'approver');
    project.run(cmd.startExecution(), 'center');
    project.run(cmd.disburse('advance', 140_000_000, '2024-03-20'), 'finance');
    expect(project.run(cmd.cancel('Cơ sở không đủ điều kiện'), 'approver')).toEqual([
      'ProjectCancelled',
    ]);
    expect(project.events.at(-1)).toEqual(ev.cancelled(140_000_000, 'Cơ sở không đủ điều kiện'));
    expect(projectView(replay(projectDecider, project.events))?.amountToRecoverVnd).toBe(
      140_000_000,
    );

    expect(project.run(cmd.disburse('recovery', 140_000_000, TODAY, 'PT-001'), 'finance')).toEqual([
      'FundsRecovered',
    ]);
    expect(projectView(replay(projectDecider, project.events))).toMatchObject({
      status: 'cancelled',
      advancesVnd: 140_000_000,
      recoveredVnd: 140_000_000,
      netDisbursedVnd: 0,
      amountToRecoverVnd: 0,
    });
    expect(() => project.run(cmd.disburse('recovery', 1, TODAY, 'PT-002'), 'finance')).toThrow(
      expect.objectContaining({ code: 'recovery_exceeds_disbursed' }),
    );
  });
});

describe('which steps each status allows', () => {
  const samples: Record<string, ProjectCommand> = {
    register: cmd.register(),
    startAppraisal: cmd.startAppraisal(),
    appraisalResult: cmd.pass(),
    resubmit: cmd.resubmit({}),
    approve: cmd.approve(),
    reject: cmd.reject(),
    startExecution: cmd.startExecution(),
    report: cmd.report('2024-06', TODAY),
    advance: cmd.disburse('advance', 1, TODAY),
    payment: cmd.disburse('payment', 1, TODAY),
    recovery: cmd.disburse('recovery', 1, TODAY),
    inspect: cmd.inspect(TODAY),
    adjust: cmd.adjust({ plannedEnd: '2024-12-31' }),
    accept: cmd.accept(TODAY),
    settle: cmd.settle(0),
    cancel: cmd.cancel(),
  };
  const allowed: Record<keyof typeof historyOf, readonly string[]> = {
    unregistered: ['register'],
    registered: ['startAppraisal', 'cancel'],
    under_appraisal: ['appraisalResult', 'cancel'],
    revision_requested: ['resubmit', 'cancel'],
    appraised: ['approve', 'reject', 'cancel'],
    approved: ['startExecution', 'cancel'],
    in_execution: ['report', 'advance', 'inspect', 'adjust', 'accept', 'cancel'],
    accepted: ['payment', 'recovery', 'settle'],
    settled: [],
    rejected: [],
    cancelled: ['recovery'],
  };
  // An approver who neither registered nor appraised, so segregation of duties never interferes.
  const context = contextOf('approver');

  const outcome = (
    status: keyof typeof historyOf,
    command: ProjectCommand,
  ): DomainError | 'decided' => {
    try {
      projectDecider.decide(command, replay(projectDecider, historyOf[status]), context);
      return 'decided';
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  };

  const cases = (Object.keys(allowed) as (keyof typeof historyOf)[]).flatMap((status) =>
    Object.keys(samples).map((step) => [status, step] as const),
  );

  it.each(cases)('when %s, %s is allowed only if the lifecycle says so', (status, step) => {
    const result = outcome(status, samples[step]);
    if (allowed[status].includes(step)) {
      // Allowed steps may still break a rule (a recovery with nothing paid), never the state.
      expect(result === 'decided' || result.kind === 'rule').toBe(true);
    } else if (status === 'unregistered') {
      expect(result).toMatchObject({ kind: 'not_found', code: 'project_not_found' });
    } else {
      expect(result).toMatchObject({
        kind: 'invalid_state',
        code: step === 'register' ? 'already_registered' : 'invalid_transition',
      });
    }
  });

  it('names the step and the status in the refusal', () => {
    expect(outcome('settled', samples.cancel)).toMatchObject({
      message: expect.stringMatching(/cancel.*settled/),
    });
  });
});

describe('folding events', () => {
  it('starts from an unregistered project that has no view', () => {
    expect(initialProjectState()).toEqual({ status: 'unregistered' });
    expect(projectView(initialProjectState())).toBeNull();
  });

  it('reaches every status through the histories used in these specifications', () => {
    const reached = (Object.keys(historyOf) as (keyof typeof historyOf)[]).map(
      (status) =>
        [status, replay(projectDecider, historyOf[status]).status] as [string, ProjectStateStatus],
    );
    for (const [expected, actual] of reached) expect(actual).toBe(expected);
  });
});
