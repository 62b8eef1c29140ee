/** `chancery validate` in-process through runCli with a fake CliIO: options, exit codes, output. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { FIXTURES, tempDir } from './helpers.js';

async function cli(args: string[], cwd = FIXTURES): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd };
  const code = await runCli(['validate', ...args], io);
  return { code, out, err };
}

const MINI = join(FIXTURES, 'mini.rng');

describe('chancery validate (CLI)', function () {
  it('exits 0 and prints the summary for a valid file', async function () {
    const r = await cli(['mini-valid.xml', '--schema', MINI, '--no-references']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^1 file: 1 valid, 0 invalid; 0 errors, 0 warnings \(\d+\.\d\d s\)\n$/);
  });

  it('exits 1 on any error, one line per problem', async function () {
    const r = await cli(['mini-valid.xml', 'schematron-bad.xml', '--schema', MINI, '--no-references']);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.ok(lines.slice(0, -1).every((l) => /^schematron-bad\.xml:\d+:\d+: (error|warning): .+ \[TEI-[A-Z]+-\d{3}\]$/.test(l)), r.out);
    assert.match(lines.at(-1)!, /^2 files: 1 valid, 1 invalid;/);
  });

  it('--format json prints one JSON document', async function () {
    const r = await cli(['mini-valid.xml', '--schema', MINI, '--format', 'json', '--no-references']);
    const data = JSON.parse(r.out);
    assert.deepEqual(data.files, [{ file: 'mini-valid.xml', valid: true, diagnostics: [] }]);
    assert.equal(data.summary.files, 1);
  });

  it('--format github prints annotations', async function () {
    const r = await cli(['schematron-bad.xml', '--schema', MINI, '--format', 'github', '--no-references']);
    assert.match(r.out, /^::error file=schematron-bad\.xml,line=\d+,col=\d+,title=TEI-/m);
  });

  it('exits 2 on usage errors and unreadable paths', async function () {
    assert.equal((await cli(['mini-valid.xml', '--shard', '3/2'])).code, 2);
    assert.equal((await cli(['mini-valid.xml', '--format', 'yaml'])).code, 2);
    assert.equal((await cli(['mini-valid.xml', '--jobs', '0', '--schema', MINI])).code, 2);
    const missing = await cli(['no-such-folder', '--schema', MINI]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder: no-such-folder/);
    const schema = await cli(['mini-valid.xml', '--schema', 'nope.rng']);
    assert.equal(schema.code, 2);
    assert.match(schema.err, /--schema: no such file or folder: nope\.rng/);
  });

  it('--shard splits the files across runs', async function () {
    const one = await cli(['edition', '--schema', MINI, '--no-references', '--shard', '1/2', '--format', 'json']);
    const two = await cli(['edition', '--schema', MINI, '--no-references', '--shard', '2/2', '--format', 'json']);
    const files = [...JSON.parse(one.out).files, ...JSON.parse(two.out).files].map((f: { file: string }) => f.file).sort();
    assert.deepEqual(files, ['edition/persons.xml', 'edition/src/000.xml', 'edition/src/001.xml']);
  });

  it('--baseline records today’s findings, then fails only on new ones', async function () {
    const dir = tempDir('baseline');
    const doc = join(dir, 'doc.xml');
    const baseline = join(dir, 'baseline.json');
    const valid = readFileSync(join(FIXTURES, 'mini-valid.xml'), 'utf8');
    writeFileSync(doc, valid.replace('End.', 'End.<foo/>'));
    const first = await cli(['doc.xml', '--schema', MINI, '--baseline', 'baseline.json', '--no-references'], dir);
    assert.equal(first.code, 0);
    assert.ok(existsSync(baseline));
    assert.match(first.err, /recorded 1 findings/);
    const again = await cli(['doc.xml', '--schema', MINI, '--baseline', 'baseline.json', '--no-references'], dir);
    assert.equal(again.code, 0, again.out);
    writeFileSync(doc, valid.replace('End.', 'End.<foo/>').replace('1941-07-18', 'yesterday'));
    const worse = await cli(['doc.xml', '--schema', MINI, '--baseline', 'baseline.json', '--no-references'], dir);
    assert.equal(worse.code, 1);
    assert.match(worse.out, /attribute when/);
    assert.doesNotMatch(worse.out, /element foo/);
  });
});
