import { programmeAggregateType as programmeAggregate } from '../../programmes/programme.aggregate';
import { ProgrammeLookup } from '../../programmes/application/programme-lookup';
import { programmeStreamId } from '../../programmes/domain/programme.decider';
import { ReplayLog } from '../../../test/support/read-models/replay-log';
import type { Actor } from '../../shared/actor';
import { planStreamId } from '../domain/plan.decider';
import { planAggregateType as planAggregate } from '../plan.aggregate';
import { AggregateReader } from '../../kernel/aggregate-reader';
import { PlanLookup } from './plan-lookup';

const admin: Actor = { sub: 'u-admin', name: 'Quản Trị', role: 'admin' };
const center: Actor = { sub: 'u-center', name: 'Trần Thị B', role: 'center_officer' };

describe('looking up plans and programmes for other commands', () => {
  let log: ReplayLog;
  let plans: PlanLookup;
  let programmes: ProgrammeLookup;

  beforeAll(async () => {
    log = new ReplayLog();
    plans = new PlanLookup(new AggregateReader(log.store));
    programmes = new ProgrammeLookup(new AggregateReader(log.store));
    await log.run(
      programmeAggregate,
      programmeStreamId('DN-2021-2025'),
      {
        type: 'CreateProgramme',
        data: {
          code: 'DN-2021-2025',
          name: 'Chương trình',
          fromYear: 2021,
          toYear: 2025,
          budgets: [],
          targets: [],
        },
      },
      admin,
      '2021-02-08',
    );
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
    await log.run(
      planAggregate,
      planStreamId(2022),
      {
        type: 'OpenPlan',
        data: { year: 2022, programCode: 'DN-2021-2025', registrationDeadline: '2021-05-20' },
      },
      center,
      '2021-04-01',
      { programme: { code: 'DN-2021-2025', fromYear: 2021, toYear: 2025 } },
    );
    expect(await plans.planExists(2022)).toBe(true);
    expect(await plans.planExists(2023)).toBe(false);
  });
});
