/**
 * `chancery build` from the user's side, in-process: the build runs in a worker thread (src/build/stoppable) and
 * the command prints its summary, writes the report, and returns the exit code the outcome calls for.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../helpers/cli.js';

const LETTER = 'SECRET\n\nDecember 23rd, 1941.\n\nMy dear Welles,\n\nYou will remember our talk with Mr. Eden.\n\nYours very sincerely,\n\nHALIFAX\n';

describe('cli: chancery build', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-cli-build-'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'letter.txt'), LETTER);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds tei/, site/ and exports/, prints one line per stage (every warning with --verbose), writes the report', async () => {
    const r = await run(['build', '--verbose', '--report', 'report.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^convert: 1 sources → 1 TEI documents in tei\/ \(\d+ warnings(: all in report\.json)?\) in \d+\.\d\d s$/);
    assert.ok(lines.some((l) => /^validate: 2 files: 2 valid, 0 invalid/.test(l)), r.stdout);
    assert.ok(lines.some((l) => /^transform: \d+ files in site\/ and exports\//.test(l)), r.stdout);
    assert.equal(lines.at(-1), 'full report (every finding of every stage): report.json');
    assert.ok(existsSync(join(dir, 'tei', 'letter', '000.xml')));
    assert.ok(existsSync(join(dir, 'site', 'index.html')));
    assert.ok(Array.isArray(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).diagnostics));
    const again = await run(['build', '--quiet'], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, '');
  });

  it('a source that cannot be read: one line naming it, exit 3, nothing validated or transformed', async () => {
    writeFileSync(join(dir, 'sources', 'empty.txt'), '');
    const r = await run(['build'], dir);
    assert.equal(r.code, 3);
    assert.deepEqual(r.stderr.trimEnd().split('\n').filter((l) => l.startsWith('chancery')), [`chancery build: error: ${join(dir, 'sources', 'empty.txt')}: the file is empty [TEI-IN-003]`]);
    assert.doesNotMatch(r.stdout, /^validate:/m);
    assert.equal(existsSync(join(dir, 'site')), false);
  });
});
