import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_GROWING_PERCENT } from '../../src/cli/heap-growth.js';
import { convertsSources, INTERRUPT_BUDGET } from '../../src/cli/optimisation-budget.js';
import { filesUnder, run, runChild } from '../helpers/cli.js';

describe('cli/optimisation-budget', () => {
  it('raises the budget for the commands that convert, wherever the options stand', () => {
    assert.equal(convertsSources(['convert', 'a.txt', '--jobs', '1']), true);
    assert.equal(convertsSources(['build', '--force']), true);
  });

  it('an option with its value before the command: `--jobs 2 convert` is a conversion (the command is not "2")', () => {
    assert.equal(convertsSources(['--jobs', '2', 'convert', 'a.txt']), true);
    assert.equal(convertsSources(['--jobs=2', 'convert', 'a.txt']), true);
    assert.equal(convertsSources(['--out', 'tei', '--jobs', '2', 'build']), true);
    assert.equal(convertsSources(['--schema', 'convert', 'validate', 'tei']), false);
  });

  it('leaves it for validation, transforms and no command at all', () => {
    assert.equal(convertsSources(['validate', 'tei', '--schema', 'schema/chancery.rng']), false);
    assert.equal(convertsSources(['--jobs', '2', 'validate', 'tei']), false);
    assert.equal(convertsSources(['transform', 'tei', '--to', 'html']), false);
    assert.equal(convertsSources(['--version']), false);
    assert.equal(convertsSources([]), false);
  });

  it('agrees with what yargs runs: `--jobs 1 convert FILE` converts, `--quiet build` names no command', async function () {
    this.timeout(60000);
    const dir = mkdtempSync(join(tmpdir(), 'chancery-budget-'));
    try {
      writeFileSync(join(dir, 'letter.txt'), 'Moscow, July 18, 1941.\n\nDear Mr. Eden,\n\nThank you.\n\nJ. STALIN\n');
      const converted = await run(['--jobs', '1', 'convert', join(dir, 'letter.txt'), '--out', join(dir, 'tei')], dir);
      assert.equal(converted.code, 0, converted.stderr);
      assert.ok(filesUnder(join(dir, 'tei')).some((f) => f.startsWith('letter/')), filesUnder(join(dir, 'tei')).join(', '));
      // yargs takes "build" for the value of --quiet, an option it does not know before a command
      assert.equal(convertsSources(['--quiet', 'build']), false);
      const quiet = await run(['--quiet', 'build'], dir);
      assert.equal(quiet.code, 2);
      assert.match(quiet.stderr, /^chancery: name a command/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI process sets it (and limits heap growth) before `--jobs 1 convert`, neither before `--jobs 1 validate` (V8 flags seen as main.ts sets them)', function () {
    this.timeout(120000);
    const dir = mkdtempSync(join(tmpdir(), 'chancery-budget-'));
    try {
      writeFileSync(join(dir, 'letter.txt'), 'Moscow, July 18, 1941.\n\nDear Mr. Eden,\n\nThank you.\n\nJ. STALIN\n');
      // a preload that writes down every flag the process sets through node:v8
      writeFileSync(join(dir, 'flags.cjs'), "const v8 = require('node:v8'); const set = v8.setFlagsFromString;\nv8.setFlagsFromString = (f) => { process.stderr.write(`flag ${f}\\n`); set(f); };\nrequire('node:module').syncBuiltinESMExports();\n");
      const flags = (args: string[]): string[] => {
        const r = runChild(args, { cwd: dir, node: ['-r', join(dir, 'flags.cjs')] });
        assert.ok(r.status === 0, r.stderr);
        return [...r.stderr.matchAll(/^flag (.*)$/gm)].map((m) => m[1]!);
      };
      assert.deepEqual(flags(['--jobs', '1', 'convert', 'letter.txt', '--out', 'tei', '--quiet']).sort(), [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, `--interrupt-budget=${INTERRUPT_BUDGET}`]);
      assert.deepEqual(flags(['--jobs', '1', 'validate', 'tei', '--no-references']), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
