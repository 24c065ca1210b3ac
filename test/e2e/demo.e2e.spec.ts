import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo, type DemoResult } from '../../src/cli/demo';

/**
 * npm run demo, run in-process on a fresh data directory: the Đồng Nai programme built
 * through the real command handlers, and the review it prints.
 */
describe('the Đồng Nai demo', () => {
  let dataDir: string;
  let lines: string[];
  let result: DemoResult;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'khuyencong-demo-spec-'));
    lines = [];
    result = await runDemo({ dataDir, out: (line) => lines.push(line) });
  }, 120_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const output = () => lines.join('\n');

  it('prints the budget, the money disbursed and the rate in Vietnamese format', () => {
    expect(output()).toContain('23.308.200.000 đồng');
    expect(output()).toContain('13.216.387.314 đồng');
    expect(output()).toContain('56,7%');
  });

  it('prints the shortfall computed from the events, not the figure the article printed', () => {
    expect(output()).toContain('10.091.812.686 đồng');
    expect(output()).not.toContain('10.225.812.686');
    expect(result.review).toMatchObject({
      budgetVnd: 23_308_200_000,
      disbursedVnd: 13_216_387_314,
      shortfallVnd: 10_091_812_686,
      rate: 0.567,
    });
  });

  it('says the split across years, districts and projects is illustrative', () => {
    expect(output()).toMatch(/split across years, districts and projects is illustrative/);
  });

  it('shows the achievements of the article', () => {
    const achieved = Object.fromEntries(
      result.review.indicators.map((i) => [i.indicator, i.achieved]),
    );
    expect(achieved).toEqual({
      study_tours: 2,
      trainees: 484,
      establishments_supported: 19,
      product_selections_provincial: 3,
      product_selections_national: 2,
      artisan_awards_provincial: 3,
      artisan_awards_national: 1,
      trade_fairs: 6,
      broadcast_topics: 72,
      bulletins_printed: 4_800,
      brochures_printed: 3_000,
      workshops: 12,
      collaborators: 65,
      showrooms: 1,
    });
    expect(output()).toContain(
      '| Học viên đào tạo khởi sự doanh nghiệp, quản lý | học viên | 1.000 | 484 | 48,4% |',
    );
  });

  it('lists the nine lines cancelled for lack of legal basis and eligible beneficiaries, on their own dates', () => {
    expect(result.review.cancelledLines).toHaveLength(9);
    for (const line of result.review.cancelledLines) {
      expect(line.reason).toBe('Chưa có cơ sở pháp lý và đối tượng thụ hưởng đủ điều kiện');
      // Cancellation is dated "today": the demo's clock, not the machine's.
      expect(line.cancelledOn! >= '2021-01-01' && line.cancelledOn! <= '2023-12-31').toBe(true);
    }
    expect(output()).toContain('Hỗ trợ ứng dụng máy móc thiết bị tiên tiến (khuyến công quốc gia)');
  });

  it('shows the context indicators as the article states them', () => {
    expect(output()).toContain('73.396.000.000.000 đồng (73.396 tỷ đồng)');
    expect(output()).toContain('902.389.000 USD');
    expect(output()).toContain('9.413 cơ sở');
    expect(output()).toContain('tại ngày 30/06/2023');
    expect(
      result.review.contextIndicators.find(
        (c) => c.year === 2023 && c.code === 'rural_industrial_production_value_vnd',
      ),
    ).toMatchObject({
      value: 73_000_000_000_000,
      estimated: true,
    });
  });

  it('adds a 2026 plan registered by the new communes and wards, the districts being gone', () => {
    expect(result.plan2026).toEqual({
      expected: 95,
      submitted: ['26116', '26425', '26068'].sort(),
    });
    expect(output()).toContain('3/95 đơn vị cấp xã đã đăng ký');
    expect(output()).toContain('Phường Biên Hòa');
  });

  it("records the Center's own tasks under the Center's unit, the province's code, not a district's", () => {
    expect(output()).toContain(
      "the Center's own tasks are recorded under the Center's own unit, code 75",
    );
    const technicalNorms = result.review.cancelledLines.find(
      (line) => line.activityType === 'technical_norms',
    );
    expect(technicalNorms).toMatchObject({ planYear: 2023, district: '75' });
    expect(
      result.review.cancelledLines.filter((line) => line.activityType !== 'technical_norms'),
    ).not.toContainEqual(expect.objectContaining({ district: '75' }));
  });

  it('refuses a data directory that already holds a database', async () => {
    await expect(runDemo({ dataDir, out: () => undefined })).rejects.toThrow(/fresh directory/);
  });
});
