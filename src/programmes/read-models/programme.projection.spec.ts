import { planLog } from '../../../test/support/plans/plan-log';
import { createProgramme } from '../../../test/support/programmes/programme-fixtures';
import {
  itRebuildsTheSameRows,
  rowsOf,
  useReadModelLog,
} from '../../../test/support/read-models/replay-log';
import type { ProgrammeCommand } from '../domain/programme.commands';
import { ProgrammeProjection } from './programme.projection';
import { ProgrammeQueries } from './programme-queries';

const TABLES = [
  'programme_summary',
  'programme_budgets',
  'programme_targets',
  'programme_context_indicators',
];

describe('the programme read model', () => {
  const { programme, createBareProgramme } = planLog(() => fixture.log);
  const run = (command: ProgrammeCommand) => programme('DN-2021-2025', command, '2023-09-01');
  const fixture = useReadModelLog(
    () => [new ProgrammeProjection()],
    async () => {
      await programme(
        'DN-2021-2025',
        createProgramme({
          name: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021–2025',
          budgets: [
            { year: 2021, amountVnd: 8_000_000_000 },
            { year: 2022, amountVnd: 7_808_200_000 },
            { year: 2023, amountVnd: 9_000_000_000 },
          ],
        }),
        '2021-02-08',
      );
      await run({
        type: 'ChangeProgrammeBudget',
        data: { year: 2021, amountVnd: 6_500_000_000, decisionNo: '1/QĐ-UBND', reason: 'Covid-19' },
      });
      await run({
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
      const production2023 = { year: 2023, code: 'rural_industrial_production_value_vnd' };
      await run({
        type: 'RecordContextIndicator',
        data: { ...production2023, value: 74_000_000_000_000, estimated: true },
      });
      // A later value for the same year and code replaces the first.
      await run({
        type: 'RecordContextIndicator',
        data: { ...production2023, value: 73_000_000_000_000, estimated: true, note: 'ước đạt' },
      });
      await run({
        type: 'RecordContextIndicator',
        data: {
          year: 2023,
          code: 'rural_industrial_establishments',
          value: 9_413,
          asOf: '2023-06-30',
        },
      });
      await createBareProgramme(
        {
          code: 'OTHER',
          name: 'Chương trình khác',
          fromYear: 2026,
          toYear: 2030,
        },
        '2023-09-01',
      );
    },
  );

  it('holds each programme with its budgets as changed, its latest targets and latest context values', () => {
    const rows = rowsOf(fixture.live.db, TABLES);
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
    const programme = new ProgrammeQueries(fixture.live.db).find('DN-2021-2025');
    expect(programme).toMatchObject({
      version: 6,
      totalBudgetVnd: 23_308_200_000,
      decisionNo: '558/QĐ-UBND',
    });
    expect(new ProgrammeQueries(fixture.live.db).list().items.map((p) => p.code)).toEqual([
      'DN-2021-2025',
      'OTHER',
    ]);
  });

  itRebuildsTheSameRows(fixture, TABLES);
});
