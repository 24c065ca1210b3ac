import type { CommandWorld } from './kernel/command-world';

export const TEST_PROGRAMME_CODE = 'TEST-PROGRAMME';

/**
 * Projects register against the yearly plan of their year: tests that drive the command
 * services directly open a programme and the plans of the years they use first, through the
 * real programme and plan aggregates (compiled, so no registration reminder is due).
 */
export async function openPlans(world: CommandWorld, years: readonly number[]): Promise<void> {
  const { programmes, plans } = world;
  const fromYear = Math.min(...years);
  const toYear = Math.max(...years);
  await programmes.execute(
    TEST_PROGRAMME_CODE,
    {
      type: 'CreateProgramme',
      data: {
        code: TEST_PROGRAMME_CODE,
        name: 'Chương trình thử nghiệm',
        fromYear,
        toYear,
        budgets: [],
        targets: [],
      },
    },
    {
      commandId: `open-programme-${TEST_PROGRAMME_CODE}`,
      actor: { sub: 'admin-1', name: 'Quản trị', role: 'admin' },
    },
  );
  for (const year of years) {
    await plans.handle(
      year,
      {
        type: 'OpenPlan',
        data: { year, programCode: TEST_PROGRAMME_CODE, registrationDeadline: `${year - 1}-05-20` },
      },
      {
        commandId: `open-plan-${year}`,
        actor: { sub: 'center-1', name: 'Trung tâm', role: 'center_officer' },
      },
    );
    // Compiled at once: the districts' registration is not what these tests are about, and an
    // open plan past its deadline would make registration reminders due.
    await plans.handle(
      year,
      { type: 'CompilePlan', data: {} },
      {
        commandId: `compile-plan-${year}`,
        actor: { sub: 'center-1', name: 'Trung tâm', role: 'center_officer' },
      },
    );
  }
}
