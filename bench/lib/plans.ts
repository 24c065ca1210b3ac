import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { RunPlanCommand } from '../../src/plans/commands/run-plan-command';
import { RunProgrammeCommand } from '../../src/programmes/commands/run-programme-command';
import type { Actor } from '../../src/shared/actor';

/**
 * Projects register against the yearly plan of their year: the benchmarks open a programme and
 * the 2024 plan first, as the admin and the Center would.
 */

export const BENCH_PROGRAMME = 'BENCH-2021-2025';
export const BENCH_PLAN_YEAR = 2024;

const admin: Actor = { sub: 'bench-admin', name: 'Quản Trị', role: 'admin' };
const center: Actor = {
  sub: 'bench-center-plan',
  name: 'Trần Thị Kế Hoạch',
  role: 'center_officer',
};

export const PROGRAMME_BODY = {
  code: BENCH_PROGRAMME,
  name: 'Chương trình khuyến công 2021–2025 (đo hiệu năng)',
  fromYear: 2021,
  toYear: 2025,
  budgets: [],
  targets: [],
};

export const PLAN_BODY = {
  year: BENCH_PLAN_YEAR,
  programCode: BENCH_PROGRAMME,
  registrationDeadline: '2023-05-20',
};

export async function openPlanThroughBus(bus: CommandBus): Promise<void> {
  await bus.execute(
    new RunProgrammeCommand(BENCH_PROGRAMME, { type: 'CreateProgramme', data: PROGRAMME_BODY }, {
      commandId: randomUUID(),
      actor: admin,
    }),
  );
  await bus.execute(
    new RunPlanCommand(
      BENCH_PLAN_YEAR,
      { type: 'OpenPlan', data: PLAN_BODY },
      { commandId: randomUUID(), actor: center },
    ),
  );
}

/** The same over HTTP, for a server in another process; `token` signs for a role. */
export async function openPlanOverHttp(
  baseUrl: string,
  token: (role: 'admin' | 'center_officer') => Promise<string>,
): Promise<void> {
  const post = async (path: string, role: 'admin' | 'center_officer', body: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token(role)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  await post('/programs', 'admin', PROGRAMME_BODY);
  await post('/plans', 'center_officer', PLAN_BODY);
}
