import { ReplayLog, rowsOf } from '../../../test/support/read-models/replay-log';
import type { Actor } from '../../shared/actor';
import { programmeAggregateType as programmeAggregate } from '../programme.aggregate';
import type { ProgrammeCommand } from '../domain/programme.commands';
import { programmeStreamId } from '../domain/programme.decider';
import { ProgrammeProjection } from './programme.projection';
import { ProgrammeQueries } from './programme-queries';

const TABLES = [
  'programme_summary',
  'programme_budgets',
  'programme_targets',
  'programme_context_indicators',
];
const admin: Actor = { sub: 'u-admin', name: 'Quản Trị', role: 'admin' };

describe('the programme read model', () => {
  let log: ReplayLog;
  let live: ReturnType<ReplayLog['feed']>;
  const run = (code: string, command: ProgrammeCommand, today = '2023-09-01') =>
    log.run(programmeAggregate, programmeStreamId(code), command, admin, today);

  beforeAll(async () => {
    log = new ReplayLog();
    // Fed while the commands run, so it applies the log in many small batches.
    live = log.feed(() => [new ProgrammeProjection()]);
    await run(
      'DN-2021-2025',
      {
        type: 'CreateProgramme',
        data: {
          code: 'DN-2021-2025',
          name: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021–2025',
          fromYear: 2021,
          toYear: 2025,
          budgets: [
            { year: 2021, amountVnd: 8_000_000_000 },
            { year: 2022, amountVnd: 7_808_200_000 },
            { year: 2023, amountVnd: 9_000_000_000 },
          ],
          targets: [{ indicator: 'trainees', target: 800 }],
          decisionNo: '558/QĐ-UBND',
          decisionDate: '2021-02-08',
        },
      },
      '2021-02-08',
    );
    await run('DN-2021-2025', {
      type: 'ChangeProgrammeBudget',
      data: { year: 2021, amountVnd: 6_500_000_000, decisionNo: '1/QĐ-UBND', reason: 'Covid-19' },
    });
    await run('DN-2021-2025', {
      type: 'SetProgrammeTargets',
      data: {
        targets: [
          { indicator: 'trainees', target: 700 },
          { indicator: 'workshops', target: 20 },
        ],
        decisionNo: '2/QĐ-UBND',
        reason: 'Sửa đổi',
      },
    });
    await run('DN-2021-2025', {
      type: 'RecordContextIndicator',
      data: {
        year: 2023,
        code: 'rural_industrial_production_value_vnd',
        value: 74_000_000_000_000,
        estimated: true,
      },
    });
    // A later value for the same year and code replaces the first.
    await run('DN-2021-2025', {
      type: 'RecordContextIndicator',
      data: {
        year: 2023,
        code: 'rural_industrial_production_value_vnd',
        value: 73_000_000_000_000,
        estimated: true,
        note: 'ước đạt',
      },
    });
    await run('DN-2021-2025', {
      type: 'RecordContextIndicator',
      data: {
        year: 2023,
        code: 'rural_industrial_establishments',
        value: 9_413,
        asOf: '2023-06-30',
      },
    });
    await run('OTHER', {
      type: 'CreateProgramme',
      data: {
        code: 'OTHER',
        name: 'Chương trình khác',
        fromYear: 2026,
        toYear: 2030,
        budgets: [],
        targets: [],
      },
    });
    await log.caughtUp(live.runner);
  });

  afterAll(async () => {
    await log.close();
  });

  it('holds each programme with its budgets as changed, its latest targets and latest context values', () => {
    const rows = rowsOf(live.db, TABLES);
    expect(rows.programme_budgets).toEqual([
      { code: 'DN-2021-2025', year: 2021, amount_vnd: 6_500_000_000 },
      { code: 'DN-2021-2025', year: 2022, amount_vnd: 7_808_200_000 },
      { code: 'DN-2021-2025', year: 2023, amount_vnd: 9_000_000_000 },
    ]);
    expect(rows.programme_targets).toEqual([
      { code: 'DN-2021-2025', indicator: 'trainees', target: 700 },
      { code: 'DN-2021-2025', indicator: 'workshops', target: 20 },
    ]);
    expect(rows.programme_context_indicators).toEqual([
      expect.objectContaining({
        year: 2023,
        indicator_code: 'rural_industrial_establishments',
        value: 9_413,
        as_of: '2023-06-30',
        estimated: 0,
      }),
      expect.objectContaining({
        year: 2023,
        indicator_code: 'rural_industrial_production_value_vnd',
        value: 73_000_000_000_000,
        estimated: 1,
        note: 'ước đạt',
      }),
    ]);
    const programme = new ProgrammeQueries(live.db).find('DN-2021-2025');
    expect(programme).toMatchObject({
      version: 6,
      totalBudgetVnd: 23_308_200_000,
      decisionNo: '558/QĐ-UBND',
    });
    expect(new ProgrammeQueries(live.db).list().items.map((p) => p.code)).toEqual([
      'DN-2021-2025',
      'OTHER',
    ]);
  });

  it('gets the same rows when rebuilt from the same events', async () => {
    const before = rowsOf(live.db, TABLES);
    await live.runner.rebuild();
    expect(rowsOf(live.db, TABLES)).toEqual(before);
  });

  it('gets the same rows in a fresh database fed the whole log at once', async () => {
    const fresh = log.feed(() => [new ProgrammeProjection()]);
    await log.caughtUp(fresh.runner);
    expect(rowsOf(fresh.db, TABLES)).toEqual(rowsOf(live.db, TABLES));
  });
});
