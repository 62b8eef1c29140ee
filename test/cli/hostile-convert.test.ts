/**
 * Hostile, broken and huge input to `chancery convert` (issue 15, the convert side): each case a fixture made on
 * the fly and the CLI run as a child process, asserting the exit code, one clear line, nothing hung (a generous
 * ceiling), no temporary file left, and bounded memory where it matters.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, type ChildRun } from '../helpers/cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI in a child process from the project's folder (see {@link runChild}). */
function chancery(args: string[], options: { cwd?: string; node?: string[]; ceiling?: number } = {}): ChildRun {
  return runChild(args, { ...options, cwd: options.cwd ?? ROOT });
}

const temp = (name: string): string => mkdtempSync(join(tmpdir(), `chancery-hostile-convert-${name}-`));

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('hostile input to convert', function () {
  this.timeout(180000);

  it('a UTF-8 source with one stray Windows-1252 byte stays UTF-8: one warning at that byte, exit 0', function () {
    const dir = temp('stray');
    writeFileSync(join(dir, 'letter.txt'), Buffer.concat([Buffer.from('Dear Sir,\n\nHerr Müller came; it', 'utf8'), Buffer.from([0x92]), Buffer.from('s done.\n\nYours,\nSMITH\n')]));
    const out = join(dir, 'tei');
    const r = chancery(['convert', join(dir, 'letter.txt'), '--out', out, '--report', join(dir, 'report.json')]);
    assert.equal(r.status, 0, r.stderr);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('TEI-IN-008'));
    assert.deepEqual(warnings, [`letter.txt:3:21: warning TEI-IN-008 a byte not valid UTF-8 in a UTF-8 text, the first 0x92 here: read as Windows-1252 ("’")`]);
    assert.doesNotMatch(r.stdout, /decoded as Windows-1252/);
    const xml = readFileSync(join(out, 'letter', '000.xml'), 'utf8');
    assert.match(xml, />Herr Müller<\/persName> came; it’s done\./);
    assert.equal(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).files[0].encoding, 'utf-8');
  });

  it('UTF-16 sources, with a byte order mark or without, are converted like their UTF-8 text', function () {
    const dir = temp('u16');
    const text = 'Dear Sir,\r\n\r\nHerr Müller came — twice.\r\n\r\nYours,\r\nSMITH\r\n';
    writeFileSync(join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    writeFileSync(join(dir, 'bare.txt'), Buffer.from(text, 'utf16le'));
    writeFileSync(join(dir, 'utf8.txt'), text);
    const out = join(dir, 'tei');
    const r = chancery(['convert', ...['le', 'be', 'bare', 'utf8'].map((n) => join(dir, `${n}.txt`)), '--out', out, '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    const body = (n: string): string => readFileSync(join(out, n, '000.xml'), 'utf8').replace(/^[^]*<text/, '<text');
    assert.match(body('utf8'), /Müller(<\/persName>)? came — twice\./);
    for (const n of ['le', 'be', 'bare']) assert.equal(body(n), body('utf8'), n);
  });

  it('NUL, BEL and ESC past the first 64 KiB and U+FFFE/U+FFFF: well-formed TEI with U+FFFD, one warning per kind at its first place', function () {
    const dir = temp('controls');
    const head = 'Some text here.\n\n'.repeat(5000); // 85,000 bytes: past what the binary check reads
    writeFileSync(join(dir, 'ctl.txt'), `${head}A bell \u0007 and an escape \u001b and a NUL \u0000 here.\n\nNot characters: \uFFFE and \uFFFF.\n`);
    const out = join(dir, 'tei');
    const r = chancery(['convert', join(dir, 'ctl.txt'), '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n').filter((l) => l.includes('TEI-IN-009'));
    assert.deepEqual(lines, [
      `ctl.txt:10001:8: warning TEI-IN-009 3 control characters XML does not allow (the first U+0007 here): written as U+FFFD "\uFFFD"`,
      `ctl.txt:10003:17: warning TEI-IN-009 2 noncharacters XML does not allow (the first U+FFFE here): written as U+FFFD "\uFFFD"`,
    ]);
    const xml = readFileSync(join(out, 'ctl', '000.xml'), 'utf8');
    assert.match(xml, /A bell \uFFFD and an escape \uFFFD and a NUL \uFFFD here\./);
    const v = chancery(['validate', out]);
    assert.doesNotMatch(v.stdout, /TEI-XML-001/, v.stdout);
  });

  it('a source named with 228 characters (and one of 251): the output folder takes its name, no temporary name is too long', function () {
    const dir = temp('long');
    for (const n of [228, 251]) writeFileSync(join(dir, `${'x'.repeat(n - 4)}.txt`), 'Dear Sir,\n\nHello.\n\nYours,\nSMITH\n');
    const out = join(dir, 'tei');
    const r = chancery(['convert', ...[228, 251].map((n) => join(dir, `${'x'.repeat(n - 4)}.txt`)), '--out', out, '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(filesUnder(out).filter((f) => f.endsWith('000.xml')).map((f) => f.split('/')[0]!.length).sort(), [224, 247]);
    assert.equal(filesUnder(out).filter((f) => f.endsWith('.tmp')).length, 0);
  });

  it('500,000 short lines convert in a heap of 230 MB (a line cost ~500 bytes of heap at the peak: 260 MB were too few)', function () {
    const dir = temp('lines');
    writeFileSync(join(dir, 'lines.txt'), 'ab\n'.repeat(500000));
    const out = join(dir, 'tei');
    const r = chancery(['convert', join(dir, 'lines.txt'), '--out', out, '--quiet'], { node: ['--max-old-space-size=230'], ceiling: 150000 });
    assert.equal(r.signal, null, 'not hung');
    assert.equal(r.status, 0, r.stderr.split('\n').slice(0, 5).join('\n'));
    const xml = readFileSync(join(out, 'lines', '000.xml'), 'utf8');
    assert.equal(xml.split('<lb/>').length - 1, 499999);
    assert.equal(filesUnder(out).filter((f) => f.endsWith('.tmp')).length, 0);
  });
});
