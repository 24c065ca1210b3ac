import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** What the machine was doing when a figure was taken: the numbers mean little without it. */
export interface MachineLoad {
  readonly at: string;
  /** 1, 5 and 15 minute load averages (uptime). */
  readonly loadavg: readonly number[];
  readonly cpus: number;
  readonly cpuModel: string;
  readonly freeMemMb: number;
  readonly totalMemMb: number;
  readonly node: string;
}

export function machineLoad(): MachineLoad {
  const cores = cpus();
  return {
    at: new Date().toISOString(),
    loadavg: loadavg().map((value) => Math.round(value * 100) / 100),
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    freeMemMb: Math.round(freemem() / 2 ** 20),
    totalMemMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
  };
}
