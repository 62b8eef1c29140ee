/**
 * What `defineCommand` does with yargs beyond registering the command: a command's run does not pay for the help
 * yargs would render and keep (skipHelpRendering), while `--help` still shows every option.
 */
import assert from 'node:assert/strict';
import yargs, { type Argv } from 'yargs';
import { defineCommand, skipHelpRendering } from '../../src/cli/command.js';
import type { CliIO } from '../../src/cli/io.js';
import { run } from '../helpers/cli.js';

const io: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: process.cwd() };

/** The usage instance of a yargs parser, through the internal API skipHelpRendering reaches. */
function usageOf(parser: Argv): { hasCachedHelpMessage(): boolean } {
  return (parser as unknown as { getInternalMethods(): { getUsageInstance(): { hasCachedHelpMessage(): boolean } } }).getInternalMethods().getUsageInstance();
}

const builder = (y: Argv): Argv<{ word: string }> =>
  y.positional('word', { type: 'string', demandOption: true }).option('loud', { type: 'boolean', describe: 'a described option, as help would lay out' }) as unknown as Argv<{ word: string }>;

/** `echo hello` through defineCommand (skip) or registered with yargs directly (the control: yargs' own way). */
async function runEcho(through: 'defineCommand' | 'yargs'): Promise<{ ran: number | undefined; helpKept: boolean }> {
  let ran: number | undefined;
  let parser = yargs(['echo', 'hello']).exitProcess(false);
  if (through === 'defineCommand') {
    const echo = defineCommand<{ word: string }>({ command: 'echo <word>', describe: 'says a word', usage: 'test echo WORD', builder, run: async (args) => (args.word === 'hello' ? 0 : 1) });
    parser = echo.register(parser, io, (code) => (ran = code));
  } else {
    parser = parser.command<{ word: string }>('echo <word>', 'says a word', builder, (args) => {
      ran = args.word === 'hello' ? 0 : 1;
    });
  }
  await parser.parseAsync();
  return { ran, helpKept: usageOf(parser).hasCachedHelpMessage() };
}

describe('cli/command: a command run renders no help', () => {
  it('runs the command and keeps no rendered help', async () => {
    const r = await runEcho('defineCommand');
    assert.equal(r.ran, 0);
    assert.equal(r.helpKept, false);
  });

  it('control: without the skip, yargs renders the help on every run', async () => {
    const r = await runEcho('yargs');
    assert.equal(r.ran, 0);
    assert.equal(r.helpKept, true);
  });

  it('skipHelpRendering leaves a parser without the internal method alone', () => {
    assert.doesNotThrow(() => skipHelpRendering({} as Argv));
  });

  it('chancery validate --help still lists every option', async () => {
    const r = await run(['validate', '--help']);
    assert.equal(r.code, 0);
    for (const option of ['--schema', '--schematron', '--format', '--jobs', '--no-references', '--max-depth']) assert.ok(r.stdout.includes(option), `${option} in the help`);
  });
});
