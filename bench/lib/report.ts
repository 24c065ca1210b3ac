import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineLoad } from './machine';

/** One line of the table: the engine's figure beside the floor measured in the same run. */
export interface Figure {
  readonly benchmark: string;
  readonly case: string;
  readonly value: number;
  readonly unit: string;
  readonly floor?: number;
  /** engine / floor when higher is better, floor / engine when lower is better. */
  readonly ratio?: number;
  readonly target?: string;
  /** Undefined when the figure has no target of its own. */
  readonly met?: boolean;
  /** Every run's value, so the spread can be judged. */
  readonly runs?: readonly number[];
  readonly note?: string;
}

export interface BenchmarkOutcome {
  readonly name: string;
  readonly figures: readonly Figure[];
  /** Load before and after, and anything else worth keeping (batch sizes, memory...). */
  readonly details: Record<string, unknown>;
  readonly seconds: number;
}

export interface RunReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly loadBefore: MachineLoad;
  readonly loadAfter: MachineLoad;
  readonly options: Record<string, unknown>;
  readonly benchmarks: readonly BenchmarkOutcome[];
}

function format(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function renderTable(benchmarks: readonly BenchmarkOutcome[]): string {
  const header = ['Benchmark', 'Case', 'Engine', 'Unit', 'Floor', 'Ratio', 'Target', 'Met'];
  const rows = benchmarks.flatMap((b) =>
    b.figures.map((f) => [
      f.benchmark,
      f.case,
      format(f.value),
      f.unit,
      format(f.floor),
      f.ratio === undefined ? '' : f.ratio.toFixed(2),
      f.target ?? '',
      f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

export function writeReport(directory: string, report: RunReport): string {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
