#!/usr/bin/env node
/**
 * The command line: a thin layer over the library. Only this file touches `process`; `runCli` is what the
 * tests call in-process.
 *
 * Arguments first: yargs (strict) and each command's `check` look at every option and every path a command
 * names before the command reads or writes anything. A usage error is one line naming the problem and one
 * line of usage, exit 2, nothing written.
 */
import yargs from 'yargs';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { ChanceryError, IoCodes, UsageError } from '../diagnostics/index.js';
import { ioCause, removePendingTempFiles } from '../io/index.js';
import { commands } from './commands/index.js';
import { CommandUsageError, ExitCode } from './command.js';
import type { CliIO } from './io.js';
import { usageMessage } from './usage-message.js';
import { errorLine } from './error-lines.js';
import { limitHeapGrowth, limitsHeapGrowth } from './heap-growth.js';
import { convertsSources, raiseOptimisationBudget } from './optimisation-budget.js';
import { commandNamed } from './command-named.js';

const GLOBAL_USAGE = `chancery ${commands.map((c) => c.name).join('|')} … (chancery COMMAND --help for its options)`;

/**
 * After `--` every word is an operand, even one that starts with a dash (`chancery convert -- -dash.txt`). yargs
 * would still take such a word for an option, so it is given as the same path written from this folder
 * (`./-dash.txt`), and `--` itself is dropped.
 */
export function operandsAfterDoubleDash(argv: readonly string[]): string[] {
  const at = argv.indexOf('--');
  if (at < 0) return [...argv];
  return [...argv.slice(0, at), ...argv.slice(at + 1).map((a) => (a.startsWith('-') ? `./${a}` : a))];
}

export async function runCli(rawArgv: string[], io: CliIO): Promise<number> {
  const argv = operandsAfterDoubleDash(rawArgv);
  let exitCode: number = ExitCode.ok;
  const named = commandNamed(argv);
  const command = commands.find((c) => c.name === named);
  let parser = yargs(argv)
    .scriptName('chancery')
    .version(VERSION)
    .strict()
    .demandCommand(1, `name a command: ${commands.map((c) => c.name).join(', ')}`)
    .exitProcess(false)
    .showHelpOnFail(false)
    .wrap(Math.min(100, io.columns ?? 100))
    .fail((message, error) => {
      // Throwing stops yargs before any command handler runs: a mistake must never be half-obeyed.
      // yargs reports some argument problems as its own YError; anything else is a failure of a command
      if (error && error.name !== 'YError') throw error;
      message = message ?? error?.message;
      if (named && !command && !named.includes('=')) {
        throw new CommandUsageError(`unknown command "${named}"; the commands are ${commands.map((c) => c.name).join(', ')}`, GLOBAL_USAGE);
      }
      throw new CommandUsageError(
        usageMessage(message ?? 'wrong usage', command?.options() ?? [], command?.missingOperands),
        command?.usage ?? GLOBAL_USAGE,
      );
    });
  for (const cmd of commands) parser = cmd.register(parser, io, (code) => (exitCode = code));
  let helpOutput = '';
  try {
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpOutput = output;
    });
  } catch (e) {
    if (e instanceof CommandUsageError) {
      io.stderr(`chancery${command ? ` ${command.name}` : ''}: ${e.message}\nusage: ${e.usage}\n`);
      return ExitCode.usage;
    }
    if (e instanceof UsageError) {
      io.stderr(`chancery${command ? ` ${command.name}` : ''}: ${e.message}\nusage: ${command?.usage ?? GLOBAL_USAGE}\n`);
      return ExitCode.usage;
    }
    if (e instanceof ChanceryError) {
      io.stderr(`${errorLine(command?.name, e)}\n`);
      return e.exitCode;
    }
    // A file or folder the file system refused where no finding covers it (a read-only folder, a full disk, a file
    // where a folder should be) is no bug: one line naming it and the cause.
    const system = e as NodeJS.ErrnoException;
    if (typeof system?.path === 'string' && typeof system.code === 'string' && /^E[A-Z]+$/.test(system.code)) {
      io.stderr(`${errorLine(command?.name, ChanceryError.of(IoCodes.fileSystemFailed, { path: system.path, cause: ioCause(system) }))}\n`);
      return ExitCode.usage;
    }
    throw e;
  }
  if (helpOutput) io.stdout(helpOutput + '\n');
  return exitCode;
}

function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** How long an interrupted run waits for its work to stop before it exits anyway. */
const STOP_CEILING_MS = 5000;

/**
 * The CLI as a process: the heap's growth limited (not for a validation), V8's optimisation budget raised for a conversion, signals and a closed stdout handled, `runCli` over the
 * process's arguments, and its exit code set. Run when this file is the script node was given, or by
 * `bin.ts`, the entry of the bundled CLI (scripts/bundle-cli.mjs), where this module is not the main script.
 */
export function main(): void {
  const args = process.argv.slice(2);
  if (limitsHeapGrowth(args)) limitHeapGrowth();
  if (convertsSources(args)) raiseOptimisationBudget();
  // Ctrl-C or a CI's SIGTERM. Conversion runs in a worker thread (src/build/stoppable), so this thread is free to
  // hear the signal at once: the work registered through `onInterrupt` is stopped (its thread ended, its temporary
  // files removed); this thread's own writes are synchronous and its long loops yield between files, so a signal
  // falls between two of them. Then the exit status says why. A second signal ends the process at once (the
  // handlers run once).
  const stops = new Set<() => Promise<void>>();
  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      const ceiling = new Promise<void>((resolve) => setTimeout(resolve, STOP_CEILING_MS).unref());
      void Promise.race([Promise.allSettled([...stops].map((stop) => stop())), ceiling]).then(() => {
        removePendingTempFiles();
        process.stderr.write(`chancery: interrupted (${signal}); files written so far are complete, none half-written\n`);
        process.exit(status);
      });
    });
  }
  // `chancery persons | head`: a closed pipe ends the output, it is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    columns: process.stdout.columns,
    progressStream: process.stderr,
    env: process.env,
    onInterrupt: (stop) => {
      stops.add(stop);
      return () => stops.delete(stop);
    },
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // A signal that came during the last synchronous stretch of work (transform renders a large document in
      // one) waits in libuv's signal pipe, read only when the loop polls; with nothing left to wait for, the
      // process would exit 0 without polling, the signal lost. One more turn reads it: interrupted, 130 or 143.
      setImmediate(() => undefined);
    },
    (e: unknown) => {
      // A bug, not bad input: say so in one line, with the stack only on request.
      const err = e as Error;
      process.stderr.write(`chancery: internal error: ${err.message} (a bug: please report it; CHANCERY_DEBUG=1 shows where)\n`);
      if (process.env.CHANCERY_DEBUG) process.stderr.write(`${err.stack}\n`);
      process.exitCode = ExitCode.usage;
    },
  );
}

if (isMain()) main();
