import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { CliIO } from './io.js';

/**
 * One CLI command: it parses its options, calls one library function, prints, and returns the exit code
 * (0 ok, 1 findings, 2 usage or tool failure, 3 unreadable input). Commands never call process.exit.
 */
export interface CliCommand<T = Record<string, unknown>> {
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv<T>;
  run: (args: ArgumentsCamelCase<T>, io: CliIO) => Promise<number>;
}

export const ExitCode = { ok: 0, findings: 1, usage: 2, input: 3 } as const;
