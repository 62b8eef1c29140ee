/**
 * Hostile, broken and huge input to `chancery convert` (issue 15, the convert side): each case a fixture made on
 * the fly and the CLI run as a child process, asserting the exit code, one clear line, nothing hung (a generous
 * ceiling), no temporary file left, and bounded memory where it matters.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, runChild, type ChildRun, filesUnder } from '../helpers/cli.js';
import { parseXmlTree } from '../../src/xml/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI in a child process from the project's folder (see {@link runChild}). */
function chancery(args: string[], options: { cwd?: string; node?: string[]; ceiling?: number } = {}): ChildRun {
  return runChild(args, { ...options, cwd: options.cwd ?? ROOT });
}

const temp = (name: string): string => mkdtempSync(join(tmpdir(), `chancery-hostile-convert-${name}-`));

/** CPU seconds a process has used (Linux /proc), or undefined where that cannot be read. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/** A source that takes long to convert (the seed sources, twelve times: 6 MB, some 14 s of CPU). */
function slowSource(dir: string, name: string): string {
  const seeds = readdirSync(join(ROOT, 'sources')).filter((f) => f.endsWith('.txt')).sort();
  const text = seeds.map((f) => readFileSync(join(ROOT, 'sources', f), 'utf8')).join('\n\n');
  const path = join(dir, name);
  writeFileSync(path, `${text}\n\n`.repeat(12));
  return path;
}

/**
 * Converts `inputs` in a child, sends `signal` once the child has spent `cpu` seconds converting, and says how it
 * ended and how long after the signal.
 */
async function interrupted(inputs: string[], out: string, signal: NodeJS.Signals, extra: string[] = []): Promise<{ code: number | null; stderr: string; afterSignalMs: number }> {
  const child = spawn(process.execPath, [CLI, 'convert', ...inputs, '--out', out, '--quiet', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = Date.now();
  // Well into the conversion: start-up costs well under a second of CPU.
  while (Date.now() - started < 60000) {
    const cpu = cpuSeconds(child.pid!);
    if (cpu === undefined ? Date.now() - started > 3000 : cpu >= 2) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const sent = Date.now();
  child.kill(signal);
  const ceiling = setTimeout(() => child.kill('SIGKILL'), 30000);
  const code = await ended;
  clearTimeout(ceiling);
  return { code, stderr, afterSignalMs: Date.now() - sent };
}

/** Every XML file under `dir` is whole: a file cut short does not parse. */
function assertWholeFiles(dir: string): void {
  for (const f of filesUnder(dir).filter((f) => f.endsWith('.xml'))) {
    assert.deepEqual(parseXmlTree(readFileSync(join(dir, f), 'utf8'), f).diagnostics, [], f);
  }
}

describe('hostile input to convert', function () {
  this.timeout(180000);

  for (const [signal, status, jobs] of [['SIGTERM', 143, '1'], ['SIGINT', 130, '2']] as const) {
    it(`${signal} while a large file converts (--jobs ${jobs}) ends the run within seconds, exit ${status}, no temporary or half-written file`, async function () {
      // Before: conversion ran on the main thread, which heard no signal until the file was done (a 10-minute file
      // ignored SIGTERM for 10 minutes). The ceiling is generous; it takes well under a second.
      const dir = temp('signal');
      const inputs = jobs === '1' ? [slowSource(dir, 'big.txt')] : [slowSource(dir, 'big.txt'), slowSource(dir, 'big-2.txt')];
      const out = join(dir, 'tei');
      const r = await interrupted(inputs, out, signal, ['--jobs', jobs]);
      assert.equal(r.code, status, r.stderr);
      assert.ok(r.afterSignalMs < 3000, `ended ${r.afterSignalMs} ms after the signal`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^chancery: interrupted \\(${signal}\\)`));
      assert.deepEqual(filesUnder(out).filter((f) => /\.tmp$/.test(f)), []);
      assertWholeFiles(out);
    });
  }

  it('SIGTERM while `build` converts a large source: exit 143 within seconds, no temporary file', async function () {
    const dir = temp('build-signal');
    mkdirSync(join(dir, 'sources'));
    slowSource(join(dir, 'sources'), 'big.txt');
    const child = spawn(process.execPath, [CLI, 'build', '--quiet'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const started = Date.now();
    while (Date.now() - started < 60000 && (cpuSeconds(child.pid!) ?? (Date.now() - started) / 1000) < 2) await new Promise((r) => setTimeout(r, 50));
    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await ended;
    assert.equal(code, 143, stderr);
    assert.ok(Date.now() - sent < 3000, `ended ${Date.now() - sent} ms after the signal`);
    assert.deepEqual(filesUnder(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('a source too large for the heap: one line naming it, exit 2, no V8 abort and no stack trace', function () {
    const dir = temp('oom');
    writeFileSync(join(dir, 'lines.txt'), 'ab\n'.repeat(1000000));
    const r = chancery(['convert', join(dir, 'lines.txt'), '--out', join(dir, 'tei'), '--quiet'], { node: ['--max-old-space-size=100'], ceiling: 120000 });
    assert.equal(r.signal, null);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [`chancery convert: error: ${join(dir, 'lines.txt')}: the conversion stopped: it ran out of memory (Worker terminated due to reaching memory limit: JS heap out of memory) [TEI-CONV-011]`]);
  });

  it('a UTF-8 source with one stray Windows-1252 byte stays UTF-8: one warning at that byte, exit 0', function () {
    const dir = temp('stray');
    writeFileSync(join(dir, 'letter.txt'), Buffer.concat([Buffer.from('Dear Sir,\n\nHerr Müller came; it', 'utf8'), Buffer.from([0x92]), Buffer.from('s done.\n\nYours,\nSMITH\n')]));
    const out = join(dir, 'tei');
    const r = chancery(['convert', join(dir, 'letter.txt'), '--out', out, '--report', join(dir, 'report.json')]);
    assert.equal(r.status, 0, r.stderr);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('TEI-IN-008'));
    assert.deepEqual(warnings, [`letter.txt:3:21: warning: a byte not valid UTF-8 in a UTF-8 text, the first 0x92 here: read as Windows-1252 ("’") [TEI-IN-008]`]);
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
      `ctl.txt:10001:8: warning: 3 control characters XML does not allow (the first U+0007 here): written as U+FFFD "\uFFFD" [TEI-IN-009]`,
      `ctl.txt:10003:17: warning: 2 noncharacters XML does not allow (the first U+FFFE here): written as U+FFFD "\uFFFD" [TEI-IN-009]`,
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

  // Outputs that cannot be written: test/cli/write-failures.test.ts.

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
