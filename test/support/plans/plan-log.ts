import { planStreamId } from '../../../src/plans/domain/plan.decider';
import type { PlanCommand } from '../../../src/plans/domain/plan.commands';
import { planAggregateType } from '../../../src/plans/plan.aggregate';
import type { CreateProgramme } from '../../../src/programmes/domain/programme.commands';
import { programmeStreamId } from '../../../src/programmes/domain/programme.decider';
import type { ProgrammeCommand } from '../../../src/programmes/domain/programme.commands';
import { programmeAggregateType } from '../../../src/programmes/programme.aggregate';
import type { Actor } from '../../../src/shared/actor';
import { districtOfficer } from '../actors';
import type { ReplayLog } from '../read-models/replay-log';

/** The programme DN-2021-2025 as a plan's decider sees it. */
export const PROGRAMME_SPAN = { code: 'DN-2021-2025', fromYear: 2021, toYear: 2025 };

export const admin: Actor = { sub: 'u-admin', name: 'Quản Trị', role: 'admin' };
export const center: Actor = { sub: 'u-center', name: 'Trần Thị B', role: 'center_officer' };
export const approver: Actor = { sub: 'u-approver', name: 'Lê Văn C', role: 'approver' };
/**
 * Programme and plan commands on a replay log, each run by whom it would be: the admin keeps
 * programmes, the Center opens and compiles plans, a district's officer submits its district.
 * `log` is read on every call, so a spec may pass the log it makes in beforeAll.
 */
export function planLog(log: () => ReplayLog) {
  const programme = (code: string, command: ProgrammeCommand, today: string) =>
    log().run(programmeAggregateType, programmeStreamId(code), command, admin, today);
  const plan = (year: number, command: PlanCommand, actor: Actor, today: string) =>
    log().run(planAggregateType, planStreamId(year), command, actor, today, {
      programme: PROGRAMME_SPAN,
    });
  return {
    programme,
    /** A programme of no budgets or targets, DN-2021-2025 unless `data` says otherwise. */
    createBareProgramme: (data: Partial<CreateProgramme['data']> = {}, today = '2021-02-08') => {
      const created = {
        ...PROGRAMME_SPAN,
        name: 'Chương trình',
        budgets: [],
        targets: [],
        ...data,
      };
      return programme(created.code, { type: 'CreateProgramme', data: created }, today);
    },
    plan,
    openPlan: (year: number, registrationDeadline: string, today: string) =>
      plan(
        year,
        {
          type: 'OpenPlan',
          data: { year, programCode: PROGRAMME_SPAN.code, registrationDeadline },
        },
        center,
        today,
      ),
    submit: (year: number, district: string, today: string) =>
      plan(
        year,
        { type: 'SubmitDistrictRegistration', data: { district, projectIds: [] } },
        districtOfficer(district),
        today,
      ),
  };
}
