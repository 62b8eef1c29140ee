/**
 * Outputs that cannot be written (issue 15: "every I/O failure one line naming the path and the cause, the run
 * continuing with the other inputs and its report still written"): a file where the output folder should be, a
 * file where one source's folder should be, a name too long for the file system, a full disk. Tests may run as
 * root, where a read-only folder does not stop a write: the failures are made with paths instead, and the full
 * disk with a small tmpfs where this process may mount one (skipped, with a notice, where it may not).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, type ChildRun, filesUnder } from '../helpers/cli.js';
import { parseXmlTree } from '../../src/xml/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LETTER = 'Dear Sir,\n\nHello.\n\nYours,\nSMITH\n';
/** Two documents in one source (a golden case of this repository). */
const TELEGRAMS = readFileSync(join(ROOT, 'test', 'fixtures', 'convert', 'two-telegrams', 'input.txt'), 'utf8');

const temp = (name: string): string => mkdtempSync(join(tmpdir(), `chancery-write-failures-${name}-`));

function chancery(args: string[], cwd: string): ChildRun {
  return runChild(args, { cwd });
}

/** The lines a run printed on stderr. */
const lines = (r: ChildRun): string[] => r.stderr.trimEnd().split('\n').filter(Boolean);

interface Report {
  files: Array<{ file: string; documents: number; written: string[]; notWritten?: { code: string; message: string; span: { file: string } } }>;
  diagnostics: Array<{ code: string; severity: string; message: string; span?: { file: string } }>;
}

const readReport = (path: string): Report => JSON.parse(readFileSync(path, 'utf8')) as Report;

/** The temporary files a run left under `dir` (it should leave none, whatever failed). */
const tempFilesIn = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.tmp'));

describe('outputs that cannot be written: a finding per file, the other inputs written, the report written, exit 2', function () {
  this.timeout(180000);

  it('--out below a file (ENOTDIR): one line per file naming the path and the cause, for every input; the report lists them', function () {
    const dir = temp('enotdir');
    writeFileSync(join(dir, 'telegrams.txt'), TELEGRAMS);
    writeFileSync(join(dir, 'letter.txt'), LETTER);
    writeFileSync(join(dir, 'afile'), '');
    const out = join(dir, 'afile', 'tei');
    // Before: the first write stopped the run ('chancery: internal error: ENOTDIR: not a directory, mkdir …', then
    // one line without the other inputs), and no report was written.
    const r = chancery(['convert', 'telegrams.txt', 'letter.txt', '--out', out, '--report', 'report.json'], dir);
    assert.equal(r.status, 2, r.stderr);
    const cause = 'a part of the path is not a folder (ENOTDIR)';
    assert.deepEqual(lines(r), [
      `chancery convert: error: cannot write ${out}/telegrams/000.xml: ${cause}; nor 1 more document of telegrams.txt [TEI-IO-003]`,
      `chancery convert: error: cannot write ${out}/letter/000.xml: ${cause} [TEI-IO-003]`,
      `chancery convert: error: cannot write ${out}/persons.xml: ${cause} [TEI-IO-003]`,
      `chancery convert: error: cannot write ${out}/persons-review.json: ${cause} [TEI-IO-003]`,
    ]);
    assert.match(r.stdout, /^persons: \d+ in .*persons\.xml \(not written: see the error above\)/m);
    assert.match(r.stdout, /^converted 2 of 2 files into 3 TEI documents, 3 of them not written in /m);
    const report = readReport(join(dir, 'report.json'));
    assert.deepEqual(
      report.files.map((f) => [f.file, f.documents, f.written.length, f.notWritten?.code, f.notWritten?.span.file]),
      [
        ['telegrams.txt', 2, 0, 'TEI-IO-003', `${out}/telegrams/000.xml`],
        ['letter.txt', 1, 0, 'TEI-IO-003', `${out}/letter/000.xml`],
      ],
    );
    assert.equal(report.diagnostics.filter((d) => d.code === 'TEI-IO-003' && d.severity === 'error').length, 4);
    assert.deepEqual(filesUnder(dir), ['afile', 'letter.txt', 'report.json', 'telegrams.txt'], 'no temporary file left');
  });

  it("one source's folder taken by a file: that source is one line, the others are written, and so is the personography", function () {
    const dir = temp('one-source');
    writeFileSync(join(dir, 'telegrams.txt'), TELEGRAMS);
    writeFileSync(join(dir, 'letter.txt'), LETTER);
    const out = join(dir, 'tei');
    mkdirSync(out);
    writeFileSync(join(out, 'telegrams'), 'not a folder');
    const r = chancery(['convert', 'telegrams.txt', 'letter.txt', '--out', 'tei', '--report', 'report.json', '--quiet'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(lines(r), [`chancery convert: error: cannot write tei/telegrams/000.xml: a file where a folder should be (EEXIST); nor 1 more document of telegrams.txt [TEI-IO-003]`]);
    assert.deepEqual(filesUnder(out), ['letter/000.xml', 'persons-review.json', 'persons.xml', 'telegrams'], 'no temporary file left');
    assert.deepEqual(parseXmlTree(readFileSync(join(out, 'letter', '000.xml'), 'utf8'), 'letter/000.xml').diagnostics, []);
    assert.equal(readFileSync(join(out, 'telegrams'), 'utf8'), 'not a folder', 'what stood in the way is left as it was');
    const report = readReport(join(dir, 'report.json'));
    assert.deepEqual(report.files.map((f) => [f.file, f.written.length, f.notWritten?.code]), [['telegrams.txt', 0, 'TEI-IO-003'], ['letter.txt', 1, undefined]]);
    // the next run, the way cleared, writes what was missing
    rmSync(join(out, 'telegrams'));
    const again = chancery(['convert', 'telegrams.txt', 'letter.txt', '--out', 'tei', '--quiet'], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(filesUnder(out), ['letter/000.xml', 'persons-review.json', 'persons.xml', 'telegrams/000.xml', 'telegrams/001.xml']);
  });

  it('a name too long for the file system (ENAMETOOLONG): one line per file, exit 2, the report written', function () {
    const dir = temp('long');
    writeFileSync(join(dir, 'letter.txt'), LETTER);
    const out = join(dir, 'x'.repeat(300), 'tei');
    const r = chancery(['convert', 'letter.txt', '--out', out, '--report', 'report.json', '--quiet'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(
      lines(r).map((l) => l.replace(out, 'OUT')),
      ['letter/000.xml', 'persons.xml', 'persons-review.json'].map((f) => `chancery convert: error: cannot write OUT/${f}: name too long (ENAMETOOLONG) [TEI-IO-003]`),
    );
    assert.equal(readReport(join(dir, 'report.json')).files[0]!.notWritten?.code, 'TEI-IO-003');
    assert.deepEqual(tempFilesIn(dir), []);
  });

  it('a report that cannot be written: one line, the TEI written all the same, exit 2', function () {
    const dir = temp('report');
    writeFileSync(join(dir, 'letter.txt'), LETTER);
    const report = `${'r'.repeat(300)}.json`;
    const r = chancery(['convert', 'letter.txt', '--out', 'tei', '--report', report, '--quiet'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(lines(r), [`chancery convert: error: cannot write ${report}: name too long (ENAMETOOLONG) [TEI-IO-003]`]);
    assert.ok(existsSync(join(dir, 'tei', 'letter', '000.xml')));
    assert.deepEqual(tempFilesIn(dir), []);
  });

  it('a full disk (ENOSPC, a tmpfs of 48 kB): one line per file that did not fit, every file written whole, no temporary file, the report written', function () {
    const dir = temp('full');
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', disk], { encoding: 'utf8' });
    if (mounted.status !== 0) {
      console.log(`      skipped: cannot mount a small tmpfs here (${(mounted.stderr || mounted.error?.message || '').trim().split('\n')[0]})`);
      this.skip();
    }
    try {
      writeFileSync(join(dir, 'letter.txt'), LETTER);
      // 120 kB of text: neither its TEI nor the documents waiting for their person ids fit on the disk
      writeFileSync(join(dir, 'long.txt'), `Dear Sir,\n\n${'The harvest was good this year and the roads are open again. '.repeat(2000)}\n\nYours,\nJONES\n`);
      writeFileSync(join(dir, 'telegrams.txt'), TELEGRAMS);
      const out = join(disk, 'tei');
      const r = chancery(['convert', 'letter.txt', 'long.txt', 'telegrams.txt', '--out', out, '--report', 'report.json', '--quiet', '--jobs', '1'], dir);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(lines(r).length >= 1, 'at least the long source failed');
      for (const line of lines(r)) assert.match(line, /^chancery convert: error: cannot write .*: no space left on the device \(ENOSPC\).* \[TEI-IO-003\]$/);
      assert.ok(lines(r).some((l) => l.includes(`${out}/long/000.xml`)), r.stderr);
      const written = filesUnder(out);
      assert.deepEqual(written.filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
      for (const f of written.filter((f) => f.endsWith('.xml'))) assert.deepEqual(parseXmlTree(readFileSync(join(out, f), 'utf8'), f).diagnostics, [], f);
      const report = readReport(join(dir, 'report.json'));
      assert.equal(report.files.length, 3);
      assert.equal(report.diagnostics.filter((d) => d.code === 'TEI-IO-003').length, lines(r).length);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('build: a TEI file that cannot be written is one line, the report written, nothing validated or published, exit 2', function () {
    const dir = temp('build');
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'letter.txt'), LETTER);
    writeFileSync(join(dir, 'sources', 'telegrams.txt'), TELEGRAMS);
    mkdirSync(join(dir, 'tei'));
    writeFileSync(join(dir, 'tei', 'letter'), '');
    const r = chancery(['build', '--report', 'report.json'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(lines(r), [`chancery build: error: cannot write ${join(dir, 'tei', 'letter', '000.xml')}: a file where a folder should be (EEXIST) [TEI-IO-003]`]);
    assert.doesNotMatch(r.stdout, /^validate:/m);
    assert.equal(existsSync(join(dir, 'site')), false, 'the old edition is not published as the new one');
    assert.ok(existsSync(join(dir, 'tei', 'telegrams', '001.xml')), 'the other source is written');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { diagnostics: Array<{ code: string }> };
    assert.equal(report.diagnostics.filter((d) => d.code === 'TEI-IO-003').length, 1);
    assert.deepEqual(tempFilesIn(dir), []);
  });

  it('validate: a baseline that cannot be written is one line, the findings printed unsuppressed, exit 2', function () {
    const dir = temp('baseline');
    writeFileSync(join(dir, 'bad.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><nope/></TEI>');
    const baseline = `${'b'.repeat(300)}.json`;
    const r = chancery(['validate', 'bad.xml', '--baseline', baseline], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(lines(r), [`chancery validate: error: cannot write ${join(dir, baseline)}: name too long (ENAMETOOLONG) [TEI-IO-003]`]);
    assert.match(r.stdout, /^bad\.xml:1:\d+: error: .* \[TEI-RNG-\d{3}\]$/m);
    assert.deepEqual(tempFilesIn(dir), []);
  });
});
