#!/usr/bin/env node
/**
 * The command line: a thin layer over the library. Only this file touches `process`; `runCli` is what the
 * tests call in-process.
 */
import yargs from 'yargs';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { ChanceryError } from '../diagnostics/diagnostic.js';
import { commands } from './commands/index.js';
import { ExitCode } from './command.js';
import type { CliIO } from './io.js';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = ExitCode.ok;
  let usageError: string | undefined;
  let parser = yargs(argv)
    .scriptName('chancery')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'Name a command: convert, validate, transform, build or persons.')
    .exitProcess(false)
    .showHelpOnFail(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      if (err) throw err;
      usageError = msg;
    });
  for (const cmd of commands) {
    parser = parser.command({
      command: cmd.command,
      describe: cmd.describe,
      builder: cmd.builder,
      handler: async (args) => {
        exitCode = await cmd.run(args as never, io);
      },
    });
  }
  let helpOutput = '';
  try {
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpOutput = output;
    });
  } catch (e) {
    if (e instanceof ChanceryError) {
      io.stderr(`chancery: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
  if (helpOutput) io.stdout(helpOutput + '\n');
  if (usageError !== undefined) {
    io.stderr(`chancery: ${usageError}\n`);
    return ExitCode.usage;
  }
  return exitCode;
}

function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // `chancery persons | head`: a closed pipe ends the output, it is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not bad input: say so in one line, with the stack only on request.
      const err = e as Error;
      process.stderr.write(`chancery: internal error: ${err.message}\n`);
      if (process.env.CHANCERY_DEBUG) process.stderr.write(`${err.stack}\n`);
      process.exitCode = ExitCode.usage;
    },
  );
}
