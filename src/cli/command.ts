import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { CliIO } from './io.js';

/** Exit codes of every command: 0 ok, 1 findings, 2 usage or tool failure, 3 unreadable input. */
export const ExitCode = { ok: 0, findings: 1, usage: 2, input: 3 } as const;

/**
 * What a command declares. `builder` types the options; `check` looks at them (and at the paths they name)
 * before anything is read or written, returning a usage problem in one line; `run` parses nothing more, calls
 * the public API, prints, and returns the exit code. Commands never call process.exit.
 */
export interface CommandSpec<T> {
  /** The yargs command string (`convert <files..>`). */
  command: string;
  describe: string;
  /** One line of synopsis printed under every usage error (`chancery convert FILE… [--out DIR] …`). */
  usage: string;
  /** What to say when the command's operands are missing. */
  missingOperands?: string;
  builder: (yargs: Argv) => Argv<T>;
  check?: (args: ArgumentsCamelCase<T>, io: CliIO) => string | undefined;
  run: (args: ArgumentsCamelCase<T>, io: CliIO) => Promise<number>;
}

/** A command with its option types hidden behind `register`, so that a list of commands needs no casts. */
export interface CliCommand {
  name: string;
  usage: string;
  /** What to say when the command's operands are missing (`name at least one input file`). */
  missingOperands: string;
  /** The options the command accepts (known once yargs has built it), for suggestions when one is misspelt. */
  options: () => readonly string[];
  register: (yargs: Argv, io: CliIO, done: (exitCode: number) => void) => Argv;
}

/** A usage problem found by a command's `check`: main prints it with the command's usage and exits 2. */
export class CommandUsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** The part of yargs' internal API {@link skipHelpRendering} reaches, which its type declarations leave out. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * yargs renders a command's whole help (cliui laying out every option, string widths measured) each time it runs
 * the command's handler, and keeps the text in case the handler fails and help is to be shown. The CLI never shows
 * it (`showHelpOnFail(false)`: a failure is one line and the usage), so the rendering is skipped: about 25 ms of
 * CPU at the start of every command (docs/decisions.md, "Validation start-up"). `--help` is rendered as before. If
 * a later yargs moves this internal method, nothing breaks: the help is rendered as it was.
 */
export function skipHelpRendering(yargs: Argv): void {
  const usage = (yargs as unknown as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

export function defineCommand<T>(spec: CommandSpec<T>): CliCommand {
  let options: readonly string[] = [];
  return {
    name: spec.command.split(' ')[0]!,
    usage: spec.usage,
    missingOperands: spec.missingOperands ?? 'an operand is missing',
    options: () => options,
    register: (yargs, io, done) =>
      yargs.command<T>({
        command: spec.command,
        describe: spec.describe,
        builder: (y) => {
          const built = spec.builder(y);
          // getOptions() is yargs API its type declarations leave out
          const declared = (built as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key;
          options = Object.keys(declared).filter((k) => k !== 'help' && k !== 'version');
          skipHelpRendering(built);
          return built;
        },
        handler: async (args) => {
          const problem = spec.check?.(args, io);
          if (problem) throw new CommandUsageError(problem, spec.usage);
          done(await spec.run(args, io));
        },
      }),
  };
}
