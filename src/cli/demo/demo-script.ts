import type { CommandBus } from '@nestjs/cqrs';
import { derivedId } from '../../kernel/command-ids';
import { RunPlanCommand } from '../../plans/commands/run-plan-command';
import { RunProgrammeCommand } from '../../programmes/commands/run-programme-command';
import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { RunProjectCommand } from '../../projects/commands/run-project-command';
import { RegisterProjectCommand } from '../../projects/commands/register-project.command';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import { registeringKeysIn } from '../../reference-data/registering-units';
import type { Actor } from '../../shared/actor';
import { addDays, periodOf } from '../../shared/business-date';
import {
  CANCELLATION_REASON,
  CANCELLED_LINES,
  CONTEXT_INDICATORS,
  PLANS,
  PROGRAMME,
  PROGRAMME_CODE,
  PROJECTS,
  REVIEW_DATE,
  type DemoCancelledLine,
  type DemoPlan,
  type DemoProject,
} from './dong-nai-data';
import { communesOf2026 } from './dong-nai-2026';
import { Timeline } from './timeline';

const ADVANCE_SHARE_PERCENT = 50;

const actor = (sub: string, name: string, role: Actor['role']): Actor => ({ sub, name, role });
const admin = actor('demo-admin', 'Quản trị hệ thống', 'admin');
const center = actor('demo-center', 'Nguyễn Thị Thu (Trung tâm Khuyến công)', 'center_officer');
/** Another Center officer: a project the Center registered is accepted by someone else (segregation of duties). */
const acceptor = actor(
  'demo-acceptance',
  'Trần Văn Nghiệm (Trung tâm Khuyến công)',
  'center_officer',
);
const approver = actor('demo-approver', 'Lê Văn Phê (Sở Công Thương)', 'approver');
const finance = actor('demo-finance', 'Phạm Thị Kế (kế toán)', 'finance_officer');
const officerOf = (district: string): Actor => ({
  sub: `demo-officer-${district}`,
  name: `Cán bộ phòng Kinh tế ${district}`,
  role: 'district_officer',
  district,
});

/** An advance before acceptance and the rest paid after it, so the money moves as in life. */
export function moneySteps(project: DemoProject): { advanceVnd: number; paymentVnd: number } {
  if (project.end === 'in_execution') return { advanceVnd: project.disbursedVnd, paymentVnd: 0 };
  const half =
    Math.floor((project.approvedVnd * ADVANCE_SHARE_PERCENT) / 100 / 1_000_000) * 1_000_000;
  const advanceVnd = Math.min(half, project.disbursedVnd);
  return { advanceVnd, paymentVnd: project.disbursedVnd - advanceVnd };
}

/**
 * The Đồng Nai programme 2021–2023, then the first plan of 2026–2030 registered by communes
 * (dong-nai-2026.ts), as a timeline of commands sent on the command bus, each
 * by the role that takes the step, on the date it happened. Returns the timeline and a count
 * of the commands sent once it has been played.
 */
export function demoTimeline(bus: CommandBus): { timeline: Timeline; commands: () => number } {
  const timeline = new Timeline();
  let sent = 0;
  let decisions = 0;
  const send = async (command: object): Promise<CommandResponse> => {
    sent += 1;
    return bus.execute(command as never) as Promise<CommandResponse>;
  };
  const meta = (actor: Actor): CommandMeta => ({
    commandId: derivedId('demo-dong-nai', String(sent)),
    actor,
  });

  timeline.at(PROGRAMME.decisionDate, async () => {
    const { code, name, fromYear, toYear, budgets, targets, decisionNo, decisionDate } = PROGRAMME;
    await send(
      new RunProgrammeCommand(
        code,
        {
          type: 'CreateProgramme',
          data: { code, name, fromYear, toYear, budgets, targets, decisionNo, decisionDate },
        },
        meta(admin),
      ),
    );
  });

  for (const plan of PLANS) {
    const projectIds = new Map<string, string[]>();
    timeline.at(plan.openedOn, async () => {
      const data = {
        year: plan.year,
        programCode: PROGRAMME_CODE,
        registrationDeadline: plan.deadline,
      };
      await send(new RunPlanCommand(plan.year, { type: 'OpenPlan', data }, meta(center)));
    });
    for (const project of PROJECTS.filter((p) => p.year === plan.year)) {
      const ref = registerLine(timeline, plan, project, projectIds, send, meta);
      carryOut(timeline, plan, project, ref, (decisions += 1), send, meta);
    }
    for (const line of CANCELLED_LINES.filter((c) => c.year === plan.year)) {
      const ref = registerLine(timeline, plan, line, projectIds, send, meta);
      timeline.at(plan.steps.cancelled, async () => {
        await send(
          new RunProjectCommand(
            ref.id,
            { type: 'CancelProject', data: { reason: CANCELLATION_REASON } },
            meta(approver),
          ),
        );
      });
    }
    submitRegistrations(timeline, plan, projectIds, send, meta);
    timeline.at(plan.compiledOn, async () => {
      await send(new RunPlanCommand(plan.year, { type: 'CompilePlan', data: {} }, meta(center)));
    });
    timeline.at(plan.approvedOn, async () => {
      const data = { decisionNo: plan.decisionNo, decisionDate: plan.approvedOn };
      await send(new RunPlanCommand(plan.year, { type: 'ApprovePlan', data }, meta(approver)));
    });
  }

  for (const indicator of CONTEXT_INDICATORS) {
    timeline.at(REVIEW_DATE, async () => {
      await send(
        new RunProgrammeCommand(
          PROGRAMME_CODE,
          { type: 'RecordContextIndicator', data: { ...indicator } },
          meta(admin),
        ),
      );
    });
  }
  communesOf2026(timeline, send, meta, { admin, center });
  return { timeline, commands: () => sent };
}

type Send = (command: object) => Promise<CommandResponse>;
type Meta = (actor: Actor) => CommandMeta;

/** The id of a project once its registration has run (the timeline runs it before any later step). */
interface ProjectRef {
  id: string;
}

/** Registers the line on the plan's registration day; a district's own lines go into its registration. */
function registerLine(
  timeline: Timeline,
  plan: DemoPlan,
  line: DemoProject | DemoCancelledLine,
  projectIds: Map<string, string[]>,
  send: Send,
  meta: Meta,
): ProjectRef {
  const ref: ProjectRef = { id: '' };
  timeline.at(plan.steps.registered, async () => {
    const carriedOut = 'approvedVnd' in line;
    const data = {
      planYear: plan.year,
      district: line.district,
      title: line.title,
      activityType: line.activityType,
      beneficiary: { name: line.beneficiary },
      requestedFundingVnd: carriedOut ? line.approvedVnd : line.requestedVnd,
      counterpartFundingVnd: carriedOut ? (line.counterpartVnd ?? 0) : line.counterpartVnd,
      fundingSource:
        !carriedOut && line.fundingSource === 'national'
          ? ('national' as const)
          : ('local' as const),
      targets: carriedOut
        ? Object.entries(line.targets).map(([indicator, target]) => ({ indicator, target }))
        : [],
      plannedStart: plan.steps.started,
      plannedEnd: `${plan.year}-12-15`,
    };
    ref.id = (
      await send(
        new RegisterProjectCommand(data, meta(line.byCenter ? center : officerOf(line.district))),
      )
    ).id;
    if (!line.byCenter)
      projectIds.set(line.district, [...(projectIds.get(line.district) ?? []), ref.id]);
  });
  return ref;
}

/** Appraisal, approval, execution, progress, money, acceptance and settlement, each on its day. */
function carryOut(
  timeline: Timeline,
  plan: DemoPlan,
  project: DemoProject,
  ref: ProjectRef,
  decision: number,
  send: Send,
  meta: Meta,
): void {
  const { steps } = plan;
  const { advanceVnd, paymentVnd } = moneySteps(project);
  const reporter = project.byCenter ? center : officerOf(project.district);
  /** An advance (voucher TU) or a payment (TT), when the project has one. */
  const disburse = (kind: 'advance' | 'payment', amountVnd: number, paidOn: string) => {
    if (amountVnd <= 0) return;
    const voucherNo = `UNC-${plan.year}-${kind === 'advance' ? 'TU' : 'TT'}-${decision}`;
    timeline.at(paidOn, async () => {
      const data = { kind, amountVnd, paidOn, voucherNo };
      await send(
        new RunProjectCommand(ref.id, { type: 'RecordDisbursement', data }, meta(finance)),
      );
    });
  };
  timeline.at(steps.appraised, async () => {
    await send(new RunProjectCommand(ref.id, { type: 'StartAppraisal', data: {} }, meta(center)));
    const result = {
      outcome: 'passed' as const,
      notes: 'Hội đồng thẩm định thống nhất',
      appraisedFundingVnd: project.approvedVnd,
    };
    await send(
      new RunProjectCommand(ref.id, { type: 'RecordAppraisalResult', data: result }, meta(center)),
    );
  });
  timeline.at(steps.approved, async () => {
    const data = {
      decisionNo: `${decision}/QĐ-SCT`,
      decisionDate: steps.approved,
      approvedFundingVnd: project.approvedVnd,
    };
    await send(new RunProjectCommand(ref.id, { type: 'ApproveProject', data }, meta(approver)));
  });
  timeline.at(steps.started, async () => {
    await send(
      new RunProjectCommand(
        ref.id,
        { type: 'StartExecution', data: { startedOn: steps.started } },
        meta(center),
      ),
    );
  });
  disburse('advance', advanceVnd, steps.advanced);
  timeline.at(steps.reportedOn, async () => {
    const achievements = Object.entries(project.achieved).map(([indicator, value]) => ({
      indicator,
      value,
    }));
    const data = { period: periodOf(steps.reportedOn), reportedOn: steps.reportedOn, achievements };
    await send(new RunProjectCommand(ref.id, { type: 'ReportProgress', data }, meta(reporter)));
  });
  if (project.end === 'in_execution') return;
  timeline.at(steps.accepted, async () => {
    await send(
      new RunProjectCommand(
        ref.id,
        {
          type: 'AcceptProject',
          data: { acceptedOn: steps.accepted, notes: 'Nghiệm thu đạt yêu cầu' },
        },
        meta(acceptor),
      ),
    );
  });
  disburse('payment', paymentVnd, steps.paid);
  if (project.end !== 'settled') return;
  timeline.at(steps.settled, async () => {
    const data = {
      settledAmountVnd: project.disbursedVnd,
      settledOn: steps.settled,
      decisionNo: `QT-${decision}/TTKC`,
    };
    await send(new RunProjectCommand(ref.id, { type: 'SettleProject', data }, meta(finance)));
  });
}

/** Every district answers on time, a week late, or not at all, as the plan says. */
function submitRegistrations(
  timeline: Timeline,
  plan: DemoPlan,
  projectIds: Map<string, string[]>,
  send: Send,
  meta: Meta,
): void {
  for (const district of registeringKeysIn(DEFAULT_REFERENCE_DATA, plan.year)) {
    if (plan.missing.includes(district)) continue;
    const on = plan.late.includes(district) ? addDays(plan.deadline, 7) : plan.submittedOn;
    timeline.at(on, async () => {
      const data = { district, projectIds: projectIds.get(district) ?? [] };
      await send(
        new RunPlanCommand(
          plan.year,
          { type: 'SubmitDistrictRegistration', data },
          meta(officerOf(district)),
        ),
      );
    });
  }
}
