import { ProgrammeLookup } from '../../programmes/application/programme-lookup';
import { ReplayLog } from '../../../test/support/read-models/replay-log';
import { planLog } from '../../../test/support/plans/plan-log';
import { AggregateReader } from '../../kernel/aggregate-reader';
import { PlanLookup } from './plan-lookup';

describe('looking up plans and programmes for other commands', () => {
  let log: ReplayLog;
  let plans: PlanLookup;
  let programmes: ProgrammeLookup;
  const { createBareProgramme, openPlan } = planLog(() => log);

  beforeAll(async () => {
    log = new ReplayLog();
    plans = new PlanLookup(new AggregateReader(log.store));
    programmes = new ProgrammeLookup(new AggregateReader(log.store));
    await createBareProgramme();
  });

  afterAll(async () => {
    await log.close();
  });

  it("gives a programme's code and years, and nothing for an unknown code", async () => {
    expect(await programmes.span('DN-2021-2025')).toEqual({
      code: 'DN-2021-2025',
      fromYear: 2021,
      toYear: 2025,
    });
    expect(await programmes.span('NO-SUCH')).toBeUndefined();
  });

  it('says no plan exists for a year until one is opened, straight from the log', async () => {
    expect(await plans.planExists(2022)).toBe(false);
    await openPlan(2022, '2021-05-20', '2021-04-01');
    expect(await plans.planExists(2022)).toBe(true);
    expect(await plans.planExists(2023)).toBe(false);
  });
});
