import 'reflect-metadata';
import { join } from 'node:path';
import { bodyAttackBenchmark } from './body-attack.bench';
import { commandsBenchmark } from './commands.bench';
import { consoleBenchmark } from './console.bench';
import { httpBenchmark } from './http.bench';
import { rebuildBenchmark } from './rebuild.bench';
import { remindersBenchmark } from './reminders.bench';
import { replayBenchmark } from './replay.bench';
import { machineLoad } from './lib/machine';
import { renderTable, writeReport, type BenchmarkOutcome } from './lib/report';

/**
 * `npm run bench`: every benchmark in turn, a table on stdout and the whole run as JSON in
 * bench/results/. `--only commands,http` runs some; `--quick` runs fewer, shorter rounds.
 */

type Benchmark = (quick: boolean) => Promise<BenchmarkOutcome>;

const BENCHMARKS: Record<string, Benchmark> = {
  commands: (quick) => commandsBenchmark({ runs: quick ? 1 : 3, seconds: quick ? 1 : 3 }),
  rebuild: (quick) =>
    rebuildBenchmark({ runs: quick ? 1 : 3, events: quick ? 100_000 : 1_000_000 }),
  replay: (quick) => replayBenchmark({ runs: quick ? 1 : 3, iterations: quick ? 300 : 2000 }),
  reminders: (quick) => remindersBenchmark({ runs: quick ? 3 : 7 }),
  http: (quick) => httpBenchmark({ runs: quick ? 1 : 3, seconds: quick ? 2 : 5, projects: 2000 }),
  'body-attack': (quick) => bodyAttackBenchmark({ seconds: quick ? 5 : 10 }),
  console: (quick) => consoleBenchmark({ runs: quick ? 2 : 5, events: 200 }),
};

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = argument('only')?.split(',');
  const names = Object.keys(BENCHMARKS).filter((name) => !only || only.includes(name));
  const startedAt = new Date().toISOString();
  const loadBefore = machineLoad();
  console.log(
    `Benchmarks: ${names.join(', ')}; load average ${loadBefore.loadavg.join(' ')} on ${loadBefore.cpus} cores`,
  );
  const outcomes: BenchmarkOutcome[] = [];
  for (const name of names) {
    console.log(`\n> ${name}...`);
    const outcome = await BENCHMARKS[name](quick);
    outcomes.push(outcome);
    console.log(renderTable([outcome]));
    console.log(`(${outcome.seconds} s)`);
  }
  const report = {
    startedAt,
    finishedAt: new Date().toISOString(),
    loadBefore,
    loadAfter: machineLoad(),
    options: { quick, only: only ?? 'all' },
    benchmarks: outcomes,
  };
  const file = writeReport(join(__dirname, '..', '..', 'bench', 'results'), report);
  console.log(
    `\n${renderTable(outcomes)}\n\nLoad average before ${loadBefore.loadavg.join(' ')}, after ${report.loadAfter.loadavg.join(' ')}. Written to ${file}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
