import { DEFAULT_REFERENCE_DATA } from '../src/reference-data/default-reference-data';
import { scanReminders } from '../src/reminders/rules/all-rules';
import type { ProjectReminderFacts, ReminderFacts } from '../src/reminders/rules/reminder-facts';
import { machineLoad } from './lib/machine';
import { DISTRICTS } from './lib/project-script';
import type { BenchmarkOutcome, Figure } from './lib/report';
import { median, nowMs, round } from './lib/stats';

/**
 * The reminder scan (src/reminders/rules scanReminders, the pure rules over facts) over 10,000
 * and 100,000 projects in execution with 1% due (a missing monthly report), and over 100,000
 * with the same 100 due as the small case: a scan that grows with the due items keeps that
 * last figure near the first; one that grows with all projects does not.
 */

export interface RemindersOptions {
  readonly runs: number;
}

const AS_OF = '2024-07-10';

function factsOf(projects: number, due: number): ReminderFacts {
  const every = Math.floor(projects / due);
  const list: ProjectReminderFacts[] = Array.from({ length: projects }, (_, n) => ({
    projectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    district: DISTRICTS[n % DISTRICTS.length],
    planYear: 2024,
    title: `Hỗ trợ máy chế biến hạt điều, cơ sở số ${n}`,
    status: 'in_execution',
    registeredOn: '2024-01-15',
    revisionRequestedOn: null,
    executionStartedOn: '2024-03-01',
    plannedEnd: '2024-11-30',
    acceptedOn: null,
    // Due: June's report is missing (due on June 25th); the others sent it.
    reportedPeriods: n % every === 0 ? ['2024-05'] : ['2024-05', '2024-06'],
    sentReminderIds: [],
  }));
  return { plans: [], projects: list, districts: DEFAULT_REFERENCE_DATA.districts };
}

function timeScan(facts: ReminderFacts, runs: number, expected: number): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = nowMs();
    const reminders = scanReminders(facts, AS_OF);
    times.push(nowMs() - t0);
    if (reminders.length !== expected)
      throw new Error(`the scan found ${reminders.length} reminders, expected ${expected}`);
  }
  return times;
}

export async function remindersBenchmark(options: RemindersOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const loadBefore = machineLoad();
  const cases = [
    { projects: 10_000, due: 100 },
    { projects: 100_000, due: 1_000 },
    { projects: 100_000, due: 100 },
  ];
  const timings = cases.map(({ projects, due }) => {
    const facts = factsOf(projects, due);
    timeScan(facts, 1, due); // warm-up
    return { projects, due, ms: timeScan(facts, options.runs, due) };
  });
  const [small, large, largeFewDue] = timings.map((t) => median(t.ms));
  const figures: Figure[] = timings.map((t, i) => ({
    benchmark: 'reminder scan (pure rules)',
    case: `${t.projects.toLocaleString('en-US')} projects, ${t.due.toLocaleString('en-US')} due`,
    value: round(median(t.ms), 2),
    unit: 'ms',
    runs: t.ms.map((ms) => round(ms, 2)),
    ...(i === 2
      ? {
          target: 'grows with due items',
          met: largeFewDue < small * 2,
          note: `x${round(large / small, 1)} from 10k to 100k projects at 1% due; x${round(largeFewDue / small, 1)} with the due count fixed: the scan reads every project's facts`,
        }
      : {}),
  }));
  return {
    name: 'reminders',
    figures,
    details: {
      loadBefore,
      loadAfter: machineLoad(),
      asOf: AS_OF,
      timings,
      source: 'pure scan (scanReminders over in-memory facts)',
    },
    seconds: round((nowMs() - started) / 1000, 1),
  };
}
