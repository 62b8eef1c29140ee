/**
 * Arguments first: every command, given each kind of mistake a newcomer makes, answers with one line naming the
 * problem and one line of usage, exit 2, and leaves the project folder byte-identical (an edited TEI file
 * included). The table is the newcomer trial of issue 14.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../helpers/cli.js';

/** Every file under `dir` with its content: the state a mistake must leave untouched. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        files.set(`${path}/`, '');
        visit(path);
      } else files.set(path, readFileSync(path, 'latin1'));
    }
  };
  visit(dir);
  return files;
}

const EDITED_TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Corrected by hand</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>An editor's correction.</p></body></text></TEI>
`;

describe('cli: every usage mistake is exit 2, one line + usage, nothing written', () => {
  let project: string;
  const p = (rel: string): string => join(project, rel);
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'chancery-usage-'));
    mkdirSync(p('sources'));
    writeFileSync(p('sources/letter.txt'), 'Moscow, July 18, 1941.\n\nDear Mr. Eden,\n\nThank you.\n\nJ. STALIN\n');
    mkdirSync(p('tei/letter'), { recursive: true });
    writeFileSync(p('tei/letter/000.xml'), EDITED_TEI);
    mkdirSync(p('empty'));
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  // [command line (`@path`: a path in the project, made absolute below), what the first line must say]
  const table: [string, string[], RegExp][] = [
    ['convert: typo’d flag', ['convert', '@sources/letter.txt', '--ouT', 'x'], /unknown option --ouT \(did you mean --out\?\)/],
    ['convert: a flag of another tool', ['convert', '@sources/letter.txt', '--output', 'x'], /unknown option --output \(did you mean --out\?\)/],
    ['convert: no input', ['convert'], /name at least one text file/],
    ['convert: missing input', ['convert', '@sources/nosuch.txt', '--out', '@tei'], /no such file or folder: .*nosuch\.txt/],
    ['convert: one input of two missing', ['convert', '@sources/letter.txt', '@sources/nosuch.txt', '--out', '@tei'], /no such file or folder/],
    ['convert: --report is an input', ['convert', '@sources/letter.txt', '--out', '@tei', '--report', '@sources/letter.txt'], /--report .* is also an input/],
    ['convert: --out is an input', ['convert', '@sources/letter.txt', '--out', '@sources/letter.txt'], /--out .* is also an input/],
    ['convert: --out without a value', ['convert', '@sources/letter.txt', '--out'], /--out needs a value/],
    ['convert: --max-size not a number', ['convert', '@sources/letter.txt', '--out', '@tei', '--max-size', 'big'], /--max-size takes a number/],
    ['convert: --jobs 0', ['convert', '@sources/letter.txt', '--out', '@tei', '--jobs', '0'], /--jobs takes a whole number/],
    ['convert: --max-size 0', ['convert', '@sources/letter.txt', '--out', '@tei', '--max-size', '0'], /--max-size takes a number above 0/],
    ['convert: --max-size -1', ['convert', '@sources/letter.txt', '--out', '@tei', '--max-size', '-1'], /--max-size takes a number above 0/],
    ['convert: --report a folder', ['convert', '@sources/letter.txt', '--out', '@tei', '--report', '@empty'], /--report .* is a folder: name a file/],
    ['convert: --report is --out, not made yet', ['convert', '@sources/letter.txt', '--out', '@out', '--report', '@out'], /--report .* is the --out folder: name a file/],
    ['convert: --jobs 1.5', ['convert', '@sources/letter.txt', '--out', '@tei', '--jobs', '1.5'], /--jobs takes a whole number/],
    ['validate: typo’d flag', ['validate', '@tei', '--fromat', 'json'], /unknown option --fromat \(did you mean --format\?\)/],
    ['validate: no path', ['validate'], /name at least one TEI file or folder/],
    ['validate: bad --format', ['validate', '@tei', '--format', 'xml'], /--format "xml" is not one of: text, json, junit, sarif, github/],
    ['validate: missing path', ['validate', '@tie'], /no such file or folder: .*tie/],
    ['validate: empty folder', ['validate', '@empty'], /no \.xml files in .*empty: nothing to validate/],
    ['validate: --baseline at a TEI file', ['validate', '@tei', '--baseline', '@tei/letter/000.xml'], /--baseline .* would overwrite a TEI file/],
    ['validate: an option as a git ref', ['validate', '@tei', '--changed=--output=OUT'], /--changed takes a git ref/],
    ['validate: --jobs 0', ['validate', '@tei', '--jobs', '0'], /--jobs takes a whole number/],
    ['validate: --update-baseline alone', ['validate', '@tei', '--update-baseline'], /--update-baseline needs --baseline/],
    ['transform: typo’d flag', ['transform', '@tei', '--too', 'html', '--out', 'site'], /unknown option --too \(did you mean --to\?\)/],
    ['transform: no --out', ['transform', '@tei', '--to', 'html'], /--out is required/],
    ['transform: bad --to', ['transform', '@tei', '--to', 'pdf', '--out', 'site'], /--to "pdf" is not one of: html, text, cmif, csv, json/],
    ['transform: no --to', ['transform', '@tei', '--out', 'site'], /name an output format with --to/],
    ['transform: missing path', ['transform', '@tie', '--to', 'html', '--out', 'site'], /no such file or folder/],
    ['transform: --out is the input', ['transform', '@tei', '--to', 'html', '--out', '@tei'], /--out .* is also an input/],
    ['transform: --out inside the input', ['transform', '@tei', '--to', 'cmif', '--out', '@tei/exports'], /--out .* lies inside the input folder/],
    ['build: typo’d flag', ['build', '--source', '@sources'], /unknown option --source \(did you mean --sources\?\)/],
    ['build: missing sources', ['build', '--sources', '@nosuch'], /--sources .*nosuch: no such folder/],
    ['build: empty sources', ['build', '--sources', '@empty'], /holds no \.txt files/],
    ['build: --site is the TEI folder', ['build', '--sources', '@sources', '--tei', '@tei', '--site', '@tei'], /is the same folder as/],
    ['persons: typo’d flag', ['persons', '--teii', '@tei'], /unknown option --teii \(did you mean --tei\?\)/],
    ['persons: missing folder', ['persons', '--tei', '@nosuch'], /--tei .*nosuch: no such folder/],
    ['persons: --tei a file', ['persons', '--tei', '@sources/letter.txt'], /--tei .*letter\.txt is a file, not a folder/],
    ['an unknown command', ['conv', '@sources/letter.txt'], /unknown command "conv"/],
    ['an unknown command after an option and its value', ['--jobs', '1', 'conv', '@sources/letter.txt'], /unknown command "conv"/],
    ['convert after an option and its value: no input', ['--jobs', '1', 'convert'], /^chancery convert: name at least one text file/],
    ['an option before the command takes it for its value', ['--quiet', 'build'], /^chancery: name a command/],
  ];

  for (const [what, argv, problem] of table) {
    it(what, async () => {
      const before = snapshot(project);
      const absolute = argv.map((a) => (a.startsWith('@') ? p(a.slice(1)) : a.replace('OUT', p('out'))));
      const r = await run(absolute, project);
      assert.equal(r.code, 2, `${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '');
      const lines = r.stderr.split('\n');
      assert.equal(lines.length, 3, r.stderr); // problem, usage, final newline
      assert.match(lines[0]!, /^chancery( [a-z]+)?: /);
      assert.match(lines[0]!, problem);
      assert.match(lines[1]!, /^usage: chancery /);
      assert.deepEqual(snapshot(project), before);
    });
  }

  it('a mistake in a relative path is judged from the working folder, and nothing is written there either', async () => {
    const before = snapshot(project);
    const r = await run(['convert', 'sources/letter.txt', '--report', 'sources/letter.txt'], project);
    assert.equal(r.code, 2);
    assert.deepEqual(snapshot(project), before);
  });

  it('--allow-empty accepts a folder without TEI files', async () => {
    const r = await run(['validate', p('empty'), '--allow-empty'], project);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^0 files/);
  });
});
