import { parseArgs } from 'node:util';
import { loadSettingsFromEnvironment, type Settings } from '../config/settings';

/** Where a command-line tool writes (tests pass their own to read it back). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The arguments of a tool that takes one required file option (`--in`, `--out`) and flags:
 * the values, or the exit code to end with (0 after --help, 1 with the usage on a mistake).
 */
export function fileArguments(
  argv: readonly string[],
  io: CliIo,
  usage: string,
  file: { readonly name: string; readonly short: string },
  flags: readonly string[] = [],
): { file: string; flags: Record<string, boolean> } | number {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        [file.name]: { type: 'string', short: file.short },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(flags.map((flag) => [flag, { type: 'boolean' as const }])),
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${messageOf(error)}\n${usage}\n`);
    return 1;
  }
  if (values.help) {
    io.out(`${usage}\n`);
    return 0;
  }
  const path = values[file.name];
  if (typeof path !== 'string' || path === '') {
    io.err(`--${file.name} is required\n${usage}\n`);
    return 1;
  }
  return {
    file: path,
    flags: Object.fromEntries(flags.map((flag) => [flag, values[flag] === true])),
  };
}

/**
 * A tool that takes one required file option and flags, run with the settings of its
 * environment; `(argv, env, io)` so tests can pass their own.
 */
export function fileTool(
  usage: string,
  file: { readonly name: string; readonly short: string },
  flags: readonly string[],
  run: (
    args: { file: string; flags: Record<string, boolean> },
    settings: Settings,
    io: CliIo,
  ) => Promise<number>,
): (argv: readonly string[], env?: NodeJS.ProcessEnv, io?: CliIo) => Promise<number> {
  return async (argv, env = process.env, io = processIo) => {
    const args = fileArguments(argv, io, usage, file, flags);
    if (typeof args === 'number') return args;
    return run(args, loadSettingsFromEnvironment(env), io);
  };
}

/** Runs a tool's main function when its file is run directly, and exits with its code. */
export function runAsMain(run: () => Promise<number>): void {
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${messageOf(error)}\n`);
      process.exit(1);
    },
  );
}
