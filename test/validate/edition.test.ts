/**
 * The project's CI validates its own edition with the CLI: `chancery validate tei` (schema/chancery.rng,
 * schema/chancery.sch, references into tei/persons.xml) must exit 0. Findings are printed when it does not.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { ROOT, skipBecause } from './helpers.js';

describe('the edition in tei/', function () {
  it('passes chancery validate tei (RELAX NG, Schematron, references)', async function () {
    if (!existsSync(join(ROOT, 'tei')) || !existsSync(join(ROOT, 'schema/chancery.rng'))) {
      return skipBecause(this, 'tei/ or schema/chancery.rng is absent');
    }
    let out = '';
    let err = '';
    const code = await runCli(['validate', 'tei'], {
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      isTTY: false,
      cwd: ROOT,
    });
    assert.equal(code, 0, `chancery validate tei exited ${code}:\n${out}${err}`);
    assert.match(out, /^\d+ files: \d+ valid, 0 invalid; 0 errors/m);
  });
});
