import { eventIdFor } from '../../src/kernel/command-ids';
import type { EventToAppend } from '../../src/event-store/event-store.port';
import { projectStreamId } from '../../src/projects/application/project-stream';
import type { ProjectCommand, RegisterProject } from '../../src/projects/domain/project.commands';
import {
  DEFAULT_PROJECT_RULES,
  type ProjectContext,
} from '../../src/projects/domain/project.context';
import { projectDecider } from '../../src/projects/domain/project.decider';
import { occurredOnOf, type ProjectEvent } from '../../src/projects/domain/project.events';
import type { ProjectState } from '../../src/projects/domain/project.state';
import { projectSerde } from '../../src/projects/project.serde';
import { DEFAULT_REFERENCE_DATA } from '../../src/reference-data/default-reference-data';
import type { Actor } from '../../src/shared/actor';

/**
 * Realistic project histories for the benchmarks, made by the real decider (so every event is
 * one the engine could have recorded): registration through execution, monthly progress,
 * advances, inspections, acceptance, payment and settlement.
 */

/** Dates in the scripts are in 2024; decisions are taken "today" at the end of that year. */
export const SCRIPT_TODAY = '2024-12-31';

export const DISTRICTS = Object.keys(DEFAULT_REFERENCE_DATA.districts);

export const ACTORS = {
  district: (district: string): Actor => ({
    sub: `bench-district-${district}`,
    name: 'Nguyễn Văn Huyện',
    role: 'district_officer',
    district,
  }),
  appraiser: { sub: 'bench-center-1', name: 'Trần Thị Thẩm Định', role: 'center_officer' } as Actor,
  center: { sub: 'bench-center-2', name: 'Hoàng Văn Trung Tâm', role: 'center_officer' } as Actor,
  approver: { sub: 'bench-approver', name: 'Lê Văn Duyệt', role: 'approver' } as Actor,
  finance: { sub: 'bench-finance', name: 'Phạm Thị Kế Toán', role: 'finance_officer' } as Actor,
};

export interface ScriptStep {
  readonly actor: Actor;
  readonly command: ProjectCommand;
}

export function registration(projectId: string, n: number): RegisterProject['data'] {
  const district = DISTRICTS[n % DISTRICTS.length];
  return {
    projectId,
    planYear: 2024,
    district,
    title: `Hỗ trợ máy chế biến hạt điều, cơ sở số ${n}`,
    activityType: 'machinery',
    beneficiary: { name: `Cơ sở chế biến điều Tân Phong ${n}`, address: 'Ấp 3, xã Phú Lập' },
    requestedFundingVnd: 200_000_000,
    counterpartFundingVnd: 300_000_000,
    fundingSource: 'local',
    targets: [
      { indicator: 'establishments_supported', target: 1 },
      { indicator: 'trainees', target: 40 },
    ],
    plannedStart: '2024-02-01',
    plannedEnd: '2024-11-30',
  };
}

const monthOf = (i: number) => String(i).padStart(2, '0');

/** The first five steps every project takes: registration to the start of execution. */
function openingSteps(projectId: string, n: number): ScriptStep[] {
  const data = registration(projectId, n);
  return [
    { actor: ACTORS.district(data.district), command: { type: 'RegisterProject', data } },
    { actor: ACTORS.appraiser, command: { type: 'StartAppraisal', data: {} } },
    {
      actor: ACTORS.appraiser,
      command: {
        type: 'RecordAppraisalResult',
        data: { outcome: 'passed', notes: 'Đạt yêu cầu', appraisedFundingVnd: 200_000_000 },
      },
    },
    {
      actor: ACTORS.approver,
      command: {
        type: 'ApproveProject',
        data: {
          decisionNo: '123/QĐ-SCT',
          decisionDate: '2024-02-20',
          approvedFundingVnd: 200_000_000,
        },
      },
    },
    {
      actor: ACTORS.center,
      command: { type: 'StartExecution', data: { startedOn: '2024-03-01' } },
    },
  ];
}

function report(n: number, month: number): ScriptStep {
  return {
    actor: ACTORS.district(DISTRICTS[n % DISTRICTS.length]),
    command: {
      type: 'ReportProgress',
      data: {
        period: `2024-${monthOf(month)}`,
        reportedOn: `2024-${monthOf(month)}-24`,
        achievements: [
          { indicator: 'trainees', value: 3 + (month % 4) },
          { indicator: 'establishments_supported', value: month >= 10 ? 1 : 0 },
        ],
      },
    },
  };
}

function disbursement(
  kind: 'advance' | 'payment',
  amountVnd: number,
  paidOn: string,
  voucher: string,
): ScriptStep {
  return {
    actor: ACTORS.finance,
    command: { type: 'RecordDisbursement', data: { kind, amountVnd, paidOn, voucherNo: voucher } },
  };
}

function inspection(inspectedOn: string): ScriptStep {
  return {
    actor: ACTORS.center,
    command: {
      type: 'RecordInspection',
      data: { inspectedOn, findings: 'Máy đã lắp đặt, vận hành tốt', outcome: 'satisfactory' },
    },
  };
}

/** A whole project in 20 events: opened, 7 monthly reports, 3 advances, 2 inspections, accepted, paid, settled. */
export function typicalProject(projectId: string, n: number): ScriptStep[] {
  return [
    ...openingSteps(projectId, n),
    report(n, 3),
    disbursement('advance', 50_000_000, '2024-03-05', `UNC-${n}-1`),
    report(n, 4),
    report(n, 5),
    inspection('2024-05-20'),
    disbursement('advance', 50_000_000, '2024-06-03', `UNC-${n}-2`),
    report(n, 6),
    report(n, 7),
    disbursement('advance', 40_000_000, '2024-08-01', `UNC-${n}-3`),
    report(n, 8),
    inspection('2024-09-12'),
    report(n, 9),
    {
      actor: ACTORS.center,
      command: { type: 'AcceptProject', data: { acceptedOn: '2024-11-28', notes: 'Đạt mục tiêu' } },
    },
    disbursement('payment', 60_000_000, '2024-12-05', `UNC-${n}-4`),
    {
      actor: ACTORS.finance,
      command: {
        type: 'SettleProject',
        data: { settledAmountVnd: 200_000_000, settledOn: '2024-12-15', decisionNo: '77/QĐ-SCT' },
      },
    },
  ];
}

/**
 * A long-running project with `length` events: opened, then months of progress reports (a
 * report may replace the month's earlier one), small advances and inspections.
 */
export function longProject(projectId: string, n: number, length: number): ScriptStep[] {
  const steps = openingSteps(projectId, n);
  for (let i = 0; steps.length < length; i++) {
    const month = 3 + (i % 10);
    if (i % 3 === 0) steps.push(report(n, month));
    else if (i % 3 === 1)
      steps.push(disbursement('advance', 500_000, `2024-${monthOf(month)}-10`, `UNC-${n}-${i}`));
    else steps.push(inspection(`2024-${monthOf(month)}-12`));
  }
  return steps;
}

/** An execution-stage project ready to take advances (for disbursement load). */
export function projectInExecution(projectId: string, n: number): ScriptStep[] {
  return openingSteps(projectId, n);
}

export function contextFor(actor: Actor): ProjectContext {
  return {
    actor,
    today: SCRIPT_TODAY,
    reference: DEFAULT_REFERENCE_DATA,
    rules: DEFAULT_PROJECT_RULES,
  };
}

/**
 * Runs the steps through the decider and returns the events as the command loop would append
 * them, one array per command. Event ids are derived as the command loop derives them, unless
 * `eventId` gives them (bulk logs use random ones: deriving a million is slow and proves nothing).
 */
export function eventsOf(
  streamProjectId: string,
  steps: readonly ScriptStep[],
  commandIdPrefix: string,
  eventId: (commandId: string, streamId: string, index: number) => string = eventIdFor,
): EventToAppend[][] {
  const streamId = projectStreamId(streamProjectId);
  let state: ProjectState = projectDecider.initialState();
  const out: EventToAppend[][] = [];
  steps.forEach((step, index) => {
    const events: readonly ProjectEvent[] = projectDecider.decide(
      step.command,
      state,
      contextFor(step.actor),
    );
    state = events.reduce(projectDecider.evolve, state);
    const commandId = `${commandIdPrefix}-${index}`;
    out.push(
      events.map((event, i) => ({
        eventId: eventId(commandId, streamId, i),
        type: event.type,
        data: event.data,
        metadata: {
          commandId,
          actor: { sub: step.actor.sub, name: step.actor.name, role: step.actor.role },
          occurredOn: occurredOnOf(event, SCRIPT_TODAY),
          schemaVersion: projectSerde.schemaVersionOf(event.type),
        },
      })),
    );
  });
  return out;
}
