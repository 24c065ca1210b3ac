import type { CommandMeta, CommandResponse } from '../../kernel/command-meta';
import { RunPlanCommand } from '../../plans/commands/run-plan-command';
import { RunProgrammeCommand } from '../../programmes/commands/run-programme-command';
import { RegisterProjectCommand } from '../../projects/commands/register-project.command';
import type { Actor } from '../../shared/actor';
import type { Timeline } from './timeline';

/**
 * After 1 July 2025 communes register: the first year of the 2026–2030 programme, its plan
 * registered by three of the new Đồng Nai's commune-level units (codes of Công văn
 * 1027/CTK-CSCL). The units are real; the programme's figures, the decision numbers, the dates
 * and the projects are illustrative, like the 2021–2023 split.
 */
export const PROGRAMME_2026 = {
  code: 'DN-2026-2030',
  name: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2026–2030 (minh họa)',
  fromYear: 2026,
  toYear: 2030,
  decisionNo: 'Minh họa 01/QĐ-UBND',
  decisionDate: '2025-12-15',
  budgets: [{ year: 2026, amountVnd: 12_000_000_000 }],
  targets: [{ indicator: 'establishments_supported', target: 60 }],
} as const;

export const PLAN_2026 = {
  year: 2026,
  openedOn: '2025-12-18',
  deadline: '2026-01-31',
  registeredOn: '2026-01-12',
  submittedOn: '2026-01-20',
};

/** Who registers what for 2026: a ward and two communes of the new map. */
export const REGISTRATIONS_2026 = [
  {
    unit: '26068',
    unitName: 'Phường Biên Hòa',
    title: 'Hỗ trợ máy CNC gia công cơ khí chính xác',
    beneficiary: 'Cơ sở cơ khí Hóa An',
    requestedVnd: 280_000_000,
    counterpartVnd: 600_000_000,
  },
  {
    unit: '26425',
    unitName: 'Xã Xuân Lộc',
    title: 'Hỗ trợ dây chuyền sấy nông sản',
    beneficiary: 'Hợp tác xã nông sản Xuân Lộc',
    requestedVnd: 250_000_000,
    counterpartVnd: 500_000_000,
  },
  {
    unit: '26116',
    unitName: 'Xã Tân Phú',
    title: 'Hỗ trợ máy chưng cất tinh dầu',
    beneficiary: 'Cơ sở tinh dầu Phú Lâm',
    requestedVnd: 200_000_000,
    counterpartVnd: 400_000_000,
  },
] as const;

type Send = (command: object) => Promise<CommandResponse>;
type Meta = (actor: Actor) => CommandMeta;

const officerOf = (unit: string, name: string): Actor => ({
  sub: `demo-officer-${unit}`,
  name: `Cán bộ ${name}`,
  role: 'district_officer',
  district: unit,
});

/** The 2026–2030 programme, its 2026 plan and the communes' registrations, each on its date. */
export function communesOf2026(
  timeline: Timeline,
  send: Send,
  meta: Meta,
  by: { readonly admin: Actor; readonly center: Actor },
): void {
  timeline.at(PROGRAMME_2026.decisionDate, async () => {
    const { code } = PROGRAMME_2026;
    const data = {
      ...PROGRAMME_2026,
      budgets: [...PROGRAMME_2026.budgets],
      targets: [...PROGRAMME_2026.targets],
    };
    await send(new RunProgrammeCommand(code, { type: 'CreateProgramme', data }, meta(by.admin)));
  });
  timeline.at(PLAN_2026.openedOn, async () => {
    const data = {
      year: PLAN_2026.year,
      programCode: PROGRAMME_2026.code,
      registrationDeadline: PLAN_2026.deadline,
    };
    await send(new RunPlanCommand(PLAN_2026.year, { type: 'OpenPlan', data }, meta(by.center)));
  });
  for (const line of REGISTRATIONS_2026) {
    const officer = officerOf(line.unit, line.unitName);
    const projectIds: string[] = [];
    timeline.at(PLAN_2026.registeredOn, async () => {
      const data = {
        planYear: PLAN_2026.year,
        district: line.unit,
        title: line.title,
        activityType: 'machinery',
        beneficiary: { name: line.beneficiary },
        requestedFundingVnd: line.requestedVnd,
        counterpartFundingVnd: line.counterpartVnd,
        fundingSource: 'local' as const,
        targets: [{ indicator: 'establishments_supported', target: 1 }],
        plannedStart: '2026-04-01',
        plannedEnd: '2026-11-30',
      };
      projectIds.push((await send(new RegisterProjectCommand(data, meta(officer)))).id);
    });
    timeline.at(PLAN_2026.submittedOn, async () => {
      const data = { district: line.unit, projectIds };
      await send(
        new RunPlanCommand(
          PLAN_2026.year,
          { type: 'SubmitDistrictRegistration', data },
          meta(officer),
        ),
      );
    });
  }
}
