import 'reflect-metadata';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { Database } from 'better-sqlite3';
import { AppModule } from '../app.module';
import { loadSettings, resolveDevJwtSecret } from '../config/settings';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { databasePathIn } from '../event-store/sqlite-database';
import { FixedClock } from '../platform/clock';
import { READ_MODEL_DB } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { programmeReview, type ProgrammeReview } from '../reports/programme-review';
import { programmeReviewMarkdown } from '../reports/programme-review.markdown';
import { checkDemoData } from './demo/demo-checks';
import { demoTimeline } from './demo/demo-script';
import { PROGRAMME, PROGRAMME_CODE, REVIEW_DATE } from './demo/dong-nai-data';
import { PlanQueries } from '../plans/read-models/plan-queries';
import { registeringKeysIn, registeringUnits } from '../reference-data/registering-units';
import { PLAN_2026, PROGRAMME_2026 } from './demo/dong-nai-2026';

/**
 * npm run demo: builds the Đồng Nai industrial promotion programme 2021–2023 (the seed
 * article) in a fresh data directory through the real command handlers, each step by its
 * role on its own date, then prints the programme review the system computes from its events.
 *
 *   npm run demo [-- --data-dir <empty directory>]
 */

export interface DemoOptions {
  /** A directory without a database yet; a new temporary one when omitted. */
  readonly dataDir?: string;
  /** Where the lines go (stdout by default). */
  readonly out?: (line: string) => void;
}

export interface DemoResult {
  readonly dataDir: string;
  readonly commands: number;
  readonly events: bigint;
  readonly review: ProgrammeReview;
  readonly markdown: string;
  /** The 2026 plan: the commune-level units expected, and those that registered. */
  readonly plan2026: { readonly expected: number; readonly submitted: readonly string[] };
}

const noonOf = (date: string): Date => new Date(`${date}T12:00:00+07:00`);

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  checkDemoData();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'khuyencong-demo-'));
  if (existsSync(databasePathIn(dataDir)))
    throw new Error(`${dataDir} already holds a database; the demo needs a fresh directory`);
  const settings = loadSettings(
    { NODE_ENV: 'development', DATA_DIR: dataDir, EVENT_STORE: 'sqlite', LOG_LEVEL: 'error' },
    { devJwtSecret: resolveDevJwtSecret },
  );
  const clock = new FixedClock(noonOf(PROGRAMME.decisionDate));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(settings, { clock }), {
    logger: false,
  });
  try {
    const { timeline, commands } = demoTimeline(app.get(CommandBus));
    await timeline.play((on) => clock.set(noonOf(on)));
    clock.set(noonOf(REVIEW_DATE));

    const events = await app.get<EventStore>(EVENT_STORE).headPosition();
    const runner = app.get(ProjectionRunner);
    if (!(await runner.waitFor(events, 30_000)))
      throw new Error('the read models did not catch up with the log');
    const review = programmeReview(
      app.get<Database>(READ_MODEL_DB),
      PROGRAMME_CODE,
      { from: 2021, to: 2023 },
      app.get(ReferenceDataService, { strict: false }).current(),
      runner.position,
    );
    if (!review) throw new Error(`the programme ${PROGRAMME_CODE} is missing from the read models`);
    const markdown = programmeReviewMarkdown(review);
    const reference = app.get(ReferenceDataService, { strict: false }).current();
    const plan = new PlanQueries(app.get<Database>(READ_MODEL_DB)).find(PLAN_2026.year, (year) =>
      registeringKeysIn(reference, year),
    );
    if (!plan) throw new Error(`the plan of ${PLAN_2026.year} is missing from the read models`);
    const submitted = plan.districts.filter((d) => d.status !== 'missing').map((d) => d.district);
    const names = registeringUnits(reference);

    out('Khuyến công Đồng Nai 2021–2023: demo');
    out(`Dữ liệu (data directory): ${dataDir}`);
    out(
      `Đã gửi ${commands()} lệnh qua các bộ xử lý lệnh thật, nhật ký có ${events} sự kiện ` +
        `(${commands()} commands sent through the real command handlers; the log holds ${events} events).`,
    );
    out(
      'Lưu ý: bài viết chỉ nêu số tổng. Việc phân bổ theo năm, huyện và đề án, các ngày, kinh phí 2024–2025 và ' +
        'mục tiêu chỉ tiêu của Chương trình là minh họa; nhiệm vụ của Trung tâm được ghi cho chính Trung tâm (mã 75). ' +
        '(Note: the article gives totals only. The split across years, districts and projects is illustrative, ' +
        "as are the dates, the 2024–2025 budgets and the programme's indicator targets; the Center's own tasks are recorded under the Center's own unit, code 75.)",
    );
    out(
      'Số chưa giải ngân được tính từ sự kiện; con số in trong bài viết không khớp với chính các số liệu của bài. ' +
        "(The shortfall is computed from the events; the article's printed figure does not follow from its own numbers.)",
    );
    out(
      `Kế hoạch năm ${PLAN_2026.year} (${PROGRAMME_2026.name}): ${submitted.length}/${plan.districts.length} ` +
        `đơn vị cấp xã đã đăng ký: ${submitted.map((key) => names[key]?.name ?? key).join(', ')}. ` +
        `(The ${PLAN_2026.year} plan is registered by the new communes and wards, the districts being gone since 1 July 2025.)`,
    );
    out('');
    out('---');
    out('');
    for (const line of markdown.split('\n')) out(line);
    return {
      dataDir,
      commands: commands(),
      events,
      review,
      markdown,
      plan2026: { expected: plan.districts.length, submitted },
    };
  } finally {
    await app.close();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' } },
    strict: true,
  });
  const { dataDir } = await runDemo({ dataDir: values['data-dir'] });
  process.stdout.write(
    `\nLook around: DATA_DIR=${dataDir} npm start, with a token from DATA_DIR=${dataDir} npm run token -- --role auditor\n`,
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
