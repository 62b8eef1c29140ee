/**
 * Hostile, broken and huge input (issue 15), each case a fixture made on the fly and the CLI run as a child
 * process: the exit code, one clear line, nothing hung (a generous ceiling), memory bounded where it matters.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, runChild, type ChildRun } from '../helpers/cli.js';
import { writeLargeTei } from '../helpers/large-tei.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI in a child process from the project's folder (see {@link runChild}). */
function chancery(args: string[], options: { cwd?: string; node?: string[]; ceiling?: number } = {}): ChildRun {
  return runChild(args, { ...options, cwd: options.cwd ?? ROOT });
}

const temp = (name: string): string => mkdtempSync(join(tmpdir(), `chancery-hostile-${name}-`));

/** A small valid edition: persons.xml and one document in vol/. */
function edition(): string {
  const dir = temp('ed');
  writeLargeTei(dir, 4000, 'A short note');
  return dir;
}

/** The most threads a child of the CLI had while it ran with `args` (sampled from /proc every 10 ms). */
async function peakThreads(args: string[]): Promise<number> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
  let peak = 0;
  const sample = setInterval(() => {
    try {
      peak = Math.max(peak, readdirSync(`/proc/${child.pid}/task`).length);
    } catch {
      // ended between two samples
    }
  }, 10);
  const ceiling = setTimeout(() => child.kill('SIGKILL'), 60000);
  await new Promise((r) => child.on('exit', r));
  clearInterval(sample);
  clearTimeout(ceiling);
  return peak;
}

const TEMP_FILE = /\.tmp$/;
function tempFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && TEMP_FILE.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('hostile input: every command ends with a clear finding, in bounded time and memory', function () {
  this.timeout(180000);

  it('a /dev/zero linked as x.xml and a FIFO in the folder: validate and transform refuse them with one line each, and go on', function () {
    const dir = edition();
    symlinkSync('/dev/zero', join(dir, 'vol/zero.xml'));
    execFileSync('mkfifo', [join(dir, 'vol/pipe.xml')]);
    const v = chancery(['validate', dir], { ceiling: 30000 });
    assert.equal(v.signal, null, 'not hung');
    assert.equal(v.status, 1);
    const lines = v.stdout.trimEnd().split('\n');
    assert.equal(lines.filter((l) => /zero\.xml:1:1: error: .*not followed \[TEI-XML-011\]$/.test(l)).length, 1, v.stdout);
    assert.equal(lines.filter((l) => /pipe\.xml:1:1: error: a FIFO .* \[TEI-XML-011\]$/.test(l)).length, 1, v.stdout);
    assert.match(lines.at(-1)!, /^4 files: 2 valid, 2 invalid/);
    const t = chancery(['transform', dir, '--to', 'text', '--out', join(temp('out'), 'text')], { ceiling: 30000 });
    assert.equal(t.signal, null, 'not hung');
    assert.equal(t.status, 1);
    assert.match(t.stdout, /^text: 1 documents → /);
    assert.equal(t.stderr.split('\n').filter((l) => /TEI-TR-002/.test(l)).length, 2, t.stderr);
  });

  it('a FIFO named on the command line is refused, not waited on', function () {
    const dir = temp('fifo');
    execFileSync('mkfifo', [join(dir, 'named.xml')]);
    const v = chancery(['validate', join(dir, 'named.xml')], { ceiling: 20000 });
    assert.equal(v.signal, null, 'not hung');
    assert.equal(v.status, 1);
    const lines = v.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, v.stdout);
    assert.match(lines[0]!, /named\.xml:1:1: error: a FIFO \(named pipe\), not a regular file: never read \[TEI-XML-011\]$/);
    assert.match(lines[1]!, /^1 file: 0 valid, 1 invalid; 1 error, 0 warnings/);
    assert.equal(v.stderr, '');
  });

  it('persName/@ref into a FIFO, a folder or a file outside the edition: findings, never read, never published', function () {
    const dir = edition();
    const outside = temp('outside');
    writeFileSync(join(outside, 'persons.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson><person xml:id="foreign"><persName>Foreign Secret</persName></person></listPerson></body></text></TEI>');
    const doc = readFileSync(join(dir, 'vol/big.xml'), 'utf8');
    mkdirSync(join(dir, 'vol/dir.xml'));
    execFileSync('mkfifo', [join(dir, 'fifo.xml')]);
    const refs = `<p n="0"><persName ref="${join(outside, 'persons.xml')}#foreign">X</persName> <persName ref="fifo/persons.xml#a">Y</persName> <ref target="../fifo.xml#a">z</ref> <ref target="dir.xml#a">w</ref></p>\n</body>`;
    writeFileSync(join(dir, 'vol/big.xml'), doc.replace('</body>', refs));
    const v = chancery(['validate', dir, '--schema', join(ROOT, 'schema/chancery.rng')], { ceiling: 30000 });
    assert.equal(v.signal, null, 'not hung');
    assert.equal(v.status, 1);
    assert.equal(v.stderr, '');
    assert.match(v.stdout, /fifo\.xml#a" points to \.\.\/fifo\.xml, which cannot be read \(a FIFO/);
    assert.match(v.stdout, /fifo\/persons\.xml#a" points to fifo\/persons\.xml, which is outside the edition or does not exist/);
    assert.match(v.stdout, /dir\.xml#a" points to dir\.xml, which cannot be read \(a folder/);
    assert.match(v.stdout, /#foreign" points to .*persons\.xml, which is outside the edition/);
    const site = join(temp('site'), 'site');
    const t = chancery(['transform', dir, '--to', 'html', '--out', site], { ceiling: 30000 });
    assert.equal(t.signal, null, 'not hung');
    // the FIFO in the edition's folder is an error (left out); the refs out of the edition are warnings
    assert.equal(t.status, 1, t.stderr);
    assert.match(t.stderr, /fifo\.xml:1:1: error: left out of the outputs: a FIFO \(named pipe\), not a regular file: never read \[TEI-TR-002\]/);
    assert.match(t.stderr, new RegExp(`warning: personography ${join(outside, 'persons.xml')} not found in the edition's folders \\[TEI-TR-004\\]`));
    assert.doesNotMatch(t.stderr, /internal error|\n\s+at /);
    assert.deepEqual(tempFilesUnder(site), []);
    assert.ok(!readdirSync(join(site, 'persons')).some((f) => f.includes('foreign')), 'no page for a person of a foreign file');
    assert.ok(!readFileSync(join(site, 'persons.html'), 'utf8').includes('Foreign Secret'));
  });

  it('100,000 nested levels: validate reports the depth limit at once; transform leaves the document out and writes the rest', function () {
    const dir = edition();
    const depth = 100000;
    const doc = readFileSync(join(dir, 'vol/big.xml'), 'utf8').replace('<head>', '<p>' + '<hi>'.repeat(depth) + 'x' + '</hi>'.repeat(depth) + '</p><head>');
    mkdirSync(join(dir, 'deep'));
    writeFileSync(join(dir, 'deep/001.xml'), doc);
    const v = chancery(['validate', dir], { ceiling: 60000 });
    assert.equal(v.signal, null, 'not hung');
    assert.equal(v.status, 1);
    // one line for the limit, not one per level or per element left open
    assert.equal(v.stdout.split('\n').filter((l) => l.includes('[TEI-XML-010]')).length, 1, v.stdout);
    assert.equal(v.stderr, '');
    const site = join(temp('deep-site'), 'site');
    const t = chancery(['transform', dir, '--to', 'html', '--out', site], { ceiling: 60000 });
    assert.equal(t.signal, null, 'not hung');
    assert.equal(t.status, 1);
    assert.equal(t.stderr.split('\n').filter((l) => l.includes('deep/001.xml')).length, 1, t.stderr);
    assert.match(t.stderr, /deep\/001\.xml:\d+:\d+: error: left out of the outputs: elements nested more than 1,000 levels .*\[TEI-TR-001\]/);
    assert.doesNotMatch(t.stderr, /internal error|\n\s+at /);
    assert.match(t.stdout, /^html: 1 documents → /);
  });

  it('a 24 MB document validates in a heap of 160 MB (its Schematron is refused as a warning, RELAX NG still runs); transform takes it whole', function () {
    const dir = temp('huge');
    writeLargeTei(dir, 24 * 1048576);
    const v = chancery(['validate', dir], { node: ['--max-old-space-size=160'], ceiling: 120000 });
    assert.equal(v.signal, null);
    assert.equal(v.status, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /big\.xml:1:1: warning: Schematron not run: the file is 24\.0 MiB.* \[TEI-SCH-004\]/);
    assert.match(v.stdout, /^2 files: 2 valid, 0 invalid; 0 errors, 1 warning/m);
    // 300,000 mentions in one document once overflowed the stack as spread arguments
    const t = chancery(['transform', dir, '--to', 'text', '--out', join(temp('huge-out'), 'text')], { ceiling: 120000 });
    assert.equal(t.status, 0, t.stderr);
  });

  it('--jobs 2, a worker out of memory (Schematron on a 1.9 MB document in a 96 MB heap): that file is one finding, the other files keep theirs', function () {
    // Before: the other files' findings were lost with the worker.
    const dir = temp('oom');
    writeLargeTei(dir, 1.9 * 1048576);
    writeFileSync(join(dir, 'vol/bad.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><oops/></TEI>');
    const v = chancery(['validate', dir, '--jobs', '2'], { node: ['--max-old-space-size=96'], ceiling: 150000 });
    assert.equal(v.signal, null, 'not hung');
    assert.equal(v.status, 1, v.stderr);
    const lines = v.stdout.trimEnd().split('\n');
    assert.match(lines.find((l) => l.includes('big.xml')) ?? '', /big\.xml:1:1: error: could not be checked to the end: .*out of memory.* \[TEI-XML-013\]$/);
    assert.ok(lines.some((l) => /bad\.xml:1:\d+: error: element oops is not declared .* \[TEI-RNG-001\]$/.test(l)), v.stdout);
    assert.match(lines.at(-1)!, /^3 files: 1 valid, 2 invalid;/);
    assert.doesNotMatch(v.stderr, /internal error|\n\s+at /);
  });

  it('--jobs 64 on one file: a report as with --jobs 1, nothing lost, and one worker thread, not 64', async function () {
    const dir = edition();
    writeFileSync(join(dir, 'vol/bad.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><oops/></TEI>');
    const one = chancery(['validate', dir, '--jobs', '1', '--format', 'json']);
    const many = chancery(['validate', dir, '--jobs', '64', '--format', 'json']);
    assert.equal(many.status, 1);
    const strip = (s: string): unknown => ({ ...JSON.parse(s), summary: { ...JSON.parse(s).summary, ms: 0 } });
    assert.deepEqual(strip(many.stdout), strip(one.stdout));
    if (!existsSync('/proc/self/task')) {
      console.log('      skipped: the thread count needs Linux /proc');
      return;
    }
    // The threads of the process at their most (sampled: never more than there were): a worker is one thread.
    const file = join(dir, 'vol/big.xml');
    const alone = await peakThreads(['validate', file, '--jobs', '1']);
    const oneFile = await peakThreads(['validate', file, '--jobs', '64']);
    const folder = await peakThreads(['validate', dir, '--jobs', '64']);
    // slack for libuv's pool (4 threads, started on first use), not for a worker per --jobs
    assert.ok(oneFile - alone <= 1 + 4, `one file, --jobs 64: ${oneFile} threads against ${alone} without workers`);
    assert.ok(folder - alone <= availableParallelism() + 4, `three files, --jobs 64: ${folder} threads against ${alone}`);
  });

  it('validate --format sarif on odd names and several findings: valid against the published SARIF 2.1.0 schema', function () {
    const dir = edition();
    writeFileSync(join(dir, 'vol/odd name #1%.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><oops/></TEI>');
    writeFileSync(join(dir, 'vol/esc\u001b[31m.xml'), `<TEI xmlns="http://www.tei-c.org/ns/1.0"><x n="${'v'.repeat(100000)}"/>`);
    const v = chancery(['validate', dir, '--format', 'sarif']);
    assert.equal(v.status, 1, v.stderr);
    const sarif = JSON.parse(v.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.ok([...uris].some((u) => u.endsWith('/vol/odd%20name%20%231%25.xml')), [...uris].join(' '));
    assert.ok([...uris].some((u) => u.endsWith('/vol/esc%1B%5B31m.xml')), [...uris].join(' '));
    assert.ok(sarif.runs[0]!.results.length >= 2);
  });

  it('option values are checked: --max-size abc, 0, -1 and --max-depth, --jobs nonsense are exit 2 with one line', function () {
    const dir = edition();
    for (const args of [['--max-size', 'abc'], ['--max-size', '0'], ['--max-size', '-1'], ['--max-depth', '0'], ['--max-depth', '2.5'], ['--jobs', '0']]) {
      const v = chancery(['validate', dir, ...args]);
      assert.equal(v.status, 2, args.join(' '));
      assert.equal(v.stdout, '');
      assert.match(v.stderr.split('\n')[0]!, new RegExp(`^chancery validate: ${args[0]}`), v.stderr);
      assert.doesNotMatch(v.stderr, /internal error|    at /);
    }
    for (const [command, option] of [['validate', '--baseline'], ['build', '--report']] as const) {
      const folder = temp('as-file');
      const r = chancery(command === 'validate' ? ['validate', dir, option, folder] : ['build', option, folder], { cwd: command === 'build' ? ROOT : ROOT });
      assert.equal(r.status, 2, `${command} ${option} DIR`);
      assert.match(r.stderr, new RegExp(`${option} .* is a folder: name a file`));
    }
  });

  it('a read-only output: one line per file naming the path and the cause, the run goes on, exit 1', function () {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a path under a file stands in for an unwritable place
    }
    const dir = edition();
    const out = temp('ro');
    writeFileSync(join(out, 'documents'), 'a file where a folder should be');
    const t = chancery(['transform', dir, '--to', 'html', '--out', out]);
    assert.equal(t.status, 1);
    const failures = t.stderr.split('\n').filter((l) => l.includes('[TEI-TR-013]'));
    assert.ok(failures.length >= 1, t.stderr);
    for (const line of failures) assert.match(line, /error: cannot write .*documents\/.*\.html: .*\((ENOTDIR|EEXIST)\) \[TEI-TR-013\]$/);
    assert.equal(new Set(failures).size, failures.length, 'one line per file');
    assert.doesNotMatch(t.stderr, /internal error|\n\s+at /);
    assert.deepEqual(tempFilesUnder(out), []);
    assert.ok(existsSync(join(out, 'index.html')), 'the other files were written');
    chmodSync(out, 0o755);
  });

  it('UTF-16 TEI is read alike by validate and transform', function () {
    const dir = edition();
    const text = readFileSync(join(dir, 'vol/big.xml'), 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    writeFileSync(join(dir, 'vol/big.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const v = chancery(['validate', dir]);
    assert.equal(v.status, 0, v.stdout);
    assert.match(v.stdout, /^2 files: 2 valid, 0 invalid; 0 errors/m);
    const t = chancery(['transform', dir, '--to', 'text', '--out', join(temp('u16'), 'out')]);
    assert.equal(t.status, 0, t.stderr);
    assert.match(t.stdout, /^text: 1 documents/);
  });

  it('SIGINT and SIGTERM during a large transform --to html interrupt it (exit 130, 143): no temporary or half-written file; one left by a killed run is removed by the next', async function () {
    // Before: transform rendered on the main thread in synchronous stretches of seconds, so a signal was heard
    // 2-4 s late, and a run could finish before hearing it. It runs in a worker thread now: the signal, sent once
    // the first files are written and the document's pages are still to come, must interrupt it.
    const dir = temp('signals');
    writeLargeTei(dir, 6 * 1048576);
    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const out = join(temp('sig-out'), 'site');
      const child = spawn(process.execPath, [CLI, 'transform', dir, '--to', 'html', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const ended = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      // interrupt while it writes: as soon as the output folder appears
      const started = Date.now();
      while (!existsSync(out) && Date.now() - started < 60000) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      const ceiling = setTimeout(() => child.kill('SIGKILL'), 60000); // hung: killed, and the status says so
      const code = await ended;
      clearTimeout(ceiling);
      assert.equal(code, status, stderr);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
      assert.match(stderr, new RegExp(`^chancery: interrupted \\(${signal}\\)`));
      assert.deepEqual(tempFilesUnder(out), []);
      // every page written is whole; the document's page, most of the run's work, was not written (a signal heard
      // only after a long stretch found the whole site written, and still exited 130)
      const pages = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
      for (const page of pages) assert.match(readFileSync(join(out, page), 'utf8'), /<\/html>\s*$/, page);
      assert.ok(!existsSync(join(out, 'documents')) || readdirSync(join(out, 'documents')).filter((f) => f.endsWith('.html')).length === 0, 'stopped before the document page was written');
    }
    const site = join(temp('stale'), 'site');
    mkdirSync(join(site, 'documents'), { recursive: true });
    const stale = join(site, 'documents', '.x.html.999999999.abc.tmp');
    writeFileSync(stale, 'half a page');
    const small = edition();
    assert.equal(chancery(['transform', small, '--to', 'html', '--out', site]).status, 0);
    assert.equal(existsSync(stale), false);
  });
});

describe('hostile input: chancery persons', function () {
  this.timeout(120000);

  it('a loop of links in tei/ (a folder linked to its parent, two links to each other): validate, transform and persons name each once and finish', function () {
    // Before: an internal error in transform and persons.
    const dir = edition();
    symlinkSync('..', join(dir, 'vol', 'up'));
    symlinkSync('b.xml', join(dir, 'vol', 'a.xml'));
    symlinkSync('a.xml', join(dir, 'vol', 'b.xml'));
    const loop = /vol\/up:1:1: error: a symbolic link back to .*, a folder already being read \(a loop\): not followed/;
    const v = chancery(['validate', dir], { ceiling: 60000 });
    assert.equal(v.status, 1, v.stderr);
    assert.equal(v.stdout.split('\n').filter((l) => loop.test(l)).length, 1, v.stdout);
    assert.equal(v.stdout.split('\n').filter((l) => /vol\/a\.xml:1:1: error: a symbolic link that leads nowhere \(or into a loop of links\)/.test(l)).length, 1, v.stdout);
    const t = chancery(['transform', dir, '--to', 'text', '--out', join(temp('loop'), 'out')], { ceiling: 60000 });
    assert.equal(t.status, 1, t.stderr);
    assert.match(t.stdout, /^text: 1 documents → 1 files/m);
    assert.equal(t.stderr.split('\n').filter((l) => /vol\/up:1:1: error: left out of the outputs: a symbolic link back to .* \[TEI-TR-002\]$/.test(l)).length, 1, t.stderr);
    const p = chancery(['persons', '--tei', dir], { ceiling: 60000 });
    assert.equal(p.status, 0, p.stderr);
    assert.equal(p.stderr.split('\n').filter((l) => /vol\/up:1:1: error: a symbolic link back to .* \(a loop\): not followed \[TEI-XML-\d{3}\]$/.test(l)).length, 1, p.stderr);
    assert.equal(p.stderr.split('\n').filter((l) => /vol\/a\.xml:1:1: error: a symbolic link that leads nowhere .* \[TEI-XML-\d{3}\]$/.test(l)).length, 1, p.stderr);
    for (const r of [v, t, p]) assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  });

  it("ids of the editor's persons file that are not names ({\"id\": 5}, \"../../x\"): one clear line naming the entry, exit 2, nothing written", function () {
    const dir = temp('person-ids');
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'letter.txt'), 'Dear Sir,\n\nJohn Smith wrote to me.\n\nYours,\nJOHN SMITH\n');
    writeFileSync(join(dir, 'sources', 'persons.json'), '{"persons": [{"id": 5, "name": "John Smith"}]}');
    const number = chancery(['build', '--quiet'], { cwd: dir });
    assert.equal(number.status, 2, number.stderr);
    assert.deepEqual(number.stderr.trimEnd().split('\n'), [`chancery build: error: ${join(dir, 'sources', 'persons.json')}: entry 1 has no "id": every person of the editor's file needs one [TEI-ED-009]`]);
    writeFileSync(join(dir, 'sources', 'persons.json'), '{"persons": [{"id": "../../x", "name": "John Smith"}]}');
    const path = chancery(['build', '--quiet'], { cwd: dir });
    // Before: an internal error; then, written as it was into persons.xml, found only by validation.
    assert.equal(path.status, 2, path.stderr);
    assert.deepEqual(path.stderr.trimEnd().split('\n'), [
      `chancery build: error: ${join(dir, 'sources', 'persons.json')}: entry 1 has the id "../../x", which is not an XML name (letters, digits, "-", "_" and ".", not starting with a digit, "-" or "."): it becomes the person's xml:id [TEI-ED-009]`,
    ]);
    assert.deepEqual(readdirSync(dir).sort(), ['sources'], 'nothing written');
  });

  it('--check is linear in unresolved refs: 40,000 of them are listed with their lines, exit 1', function () {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-hostile-persons-'));
    writeLargeTei(dir, 4000, 'A short note');
    const n = 40000;
    const names = Array.from({ length: n }, (_, i) => `<persName ref="../persons.xml#nobody-${i}">N${i}</persName>\n`).join('');
    writeFileSync(join(dir, 'vol/refs.xml'), `<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>\n${names}</p></body></text></TEI>`);
    const r = chancery(['persons', '--tei', dir, '--check'], { ceiling: 60000 });
    assert.equal(r.signal, null, 'not hung');
    assert.equal(r.status, 1);
    const refs = join(dir, 'vol/refs.xml');
    const lines = r.stderr.split('\n').filter((l) => l.startsWith(`${refs}:`));
    assert.equal(lines.length, n);
    assert.equal(lines[n - 1], `${refs}:40001:1: error: @ref "../persons.xml#nobody-39999": no xml:id "nobody-39999" in ../persons.xml [TEI-REF-002]`);
  });
});
