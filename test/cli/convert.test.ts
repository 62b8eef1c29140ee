/**
 * `chancery convert` from the user's side: bad input gets one clear line naming the file and the problem,
 * a documented exit code (3), and no partial output; good input is written atomically.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runChild } from '../helpers/cli.js';

describe('cli: chancery convert', () => {
  let dir: string;
  let out: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-cli-'));
    out = join(dir, 'out');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const letter = 'SECRET\n\nDecember 23rd, 1941.\n\nMy dear Welles,\n\nYou will remember our talk.\n\nYours very sincerely,\n\nHALIFAX\n';

  it('converts a file into OUT/<slug>/000.xml and prints a summary', async () => {
    writeFileSync(join(dir, 'letter.txt'), letter);
    const r = await run(['convert', join(dir, 'letter.txt'), '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /converted 1 of 1 files into 1 TEI documents/);
    const xml = readFileSync(join(out, 'letter', '000.xml'), 'utf8');
    assert.match(xml, /<idno type="source">letter\.txt#L1-L11<\/idno>/);
    assert.match(xml, /<salute>My dear <persName[^>]*>Welles<\/persName>,<\/salute>/);
  });

  const bad: [string, (p: string) => void, RegExp][] = [
    ['a directory', (p) => mkdirSync(p), /is a directory/],
    ['an empty file', (p) => writeFileSync(p, ''), /is empty/],
    ['a binary file', (p) => writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01])), /binary file/],
    ['invalid UTF-8 that is not Windows-1252 either', (p) => writeFileSync(p, Buffer.from([0x61, 0x0a, 0x62, 0x81, 0x63])), /2:2: invalid UTF-8/],
  ];
  for (const [what, make, message] of bad) {
    it(`refuses ${what} with one line, exit code 3 and no output file`, async () => {
      const input = join(dir, 'input.txt');
      make(input);
      const r = await run(['convert', input, '--out', out]);
      assert.equal(r.code, 3);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.ok(lines[0]!.includes(input), lines[0]);
      assert.match(lines[0]!, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /); // no stack trace
      assert.ok(!existsSync(out) || readdirSync(out, { recursive: true }).length === 0);
    });
  }

  it('refuses a file above --max-size', async () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2 * 1048576));
    const r = await run(['convert', join(dir, 'big.txt'), '--out', out, '--max-size', '1']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /above the limit of 1 MB/);
  });

  it('decodes Windows-1252 input and says so', async () => {
    writeFileSync(join(dir, 'cp.txt'), Buffer.from('Caf\xe9 society\n\nThe d\xe9marche failed.\n', 'latin1'));
    const r = await run(['convert', join(dir, 'cp.txt'), '--out', out, '--report', join(dir, 'report.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /decoded as Windows-1252/);
    assert.match(readFileSync(join(out, 'cp', '000.xml'), 'utf8'), /démarche/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { diagnostics: { code: string }[] };
    assert.ok(report.diagnostics.some((d) => d.code === 'TEI-IN-007'));
  });

  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    writeFileSync(join(dir, 'bom.txt'), '\uFEFF' + letter.replace(/\n/g, '\r\n'));
    const r = await run(['convert', join(dir, 'bom.txt'), '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const xml = readFileSync(join(out, 'bom', '000.xml'), 'utf8');
    assert.match(xml, /<seg type="classification">SECRET<\/seg>/);
    assert.doesNotMatch(xml, /\uFEFF|\r/);
  });

  it('prints a JSON summary with --json and writes every diagnostic with --report', async () => {
    writeFileSync(join(dir, 'undated.txt'), 'J. V. STALIN TO F. ROOSEVELT\n\nA.\n\nJ. V. STALIN TO W. CHURCHILL\n\nB.\n\nJ. V. STALIN TO H. TRUMAN\n\nC.\n');
    const r = await run(['convert', join(dir, 'undated.txt'), '--out', out, '--json', '--report', join(dir, 'r.json')]);
    assert.equal(r.code, 0);
    const summary = JSON.parse(r.stdout) as { documents: number; warnings: number };
    assert.equal(summary.documents, 3);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { diagnostics: { code: string; span: { line: number } }[] };
    const undated = report.diagnostics.filter((d) => d.code === 'TEI-CONV-003').map((d) => d.span.line);
    assert.deepEqual(undated, [1, 5, 9]);
  });

  it('after --, a name that starts with a dash is a file, not an option (chancery convert --out tei -- -dash.txt)', async () => {
    writeFileSync(join(dir, '-dash.txt'), letter);
    // Before: yargs took -dash.txt for options (-d -a -s -h) and the run converted nothing.
    // a child process: the inputs are read from the process's folder
    const r = runChild(['convert', '--out', out, '--quiet', '--', '-dash.txt'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(out, 'dash', '000.xml')));
    // and everything after -- is an operand, even what looks like an option
    const options = await run(['convert', '--', '-dash.txt', '--out', out], dir);
    assert.equal(options.code, 2);
    assert.match(options.stderr, /no such file or folder: \.\/--out/);
  });

  it('answers a usage error with exit code 2', async () => {
    const r = await run(['convert']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^chancery convert: name at least one text file to convert\nusage: chancery convert FILE… /);
  });

  it('refuses a missing file as a usage error before converting anything (exit 2, nothing written)', async () => {
    writeFileSync(join(dir, 'letter.txt'), letter);
    const r = await run(['convert', join(dir, 'letter.txt'), join(dir, 'missing.txt'), '--out', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or folder: .*missing\.txt/);
    assert.ok(!existsSync(out));
  });

  it('in-process, every path resolves against io.cwd, not the process\'s folder, and is named as typed', async () => {
    // Before: the inputs were read (and --out, --report written) relative to the process's folder: exit 3,
    // "no such file", with a folder of that name left beside the tests.
    assert.notEqual(dir, process.cwd());
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'letter.txt'), letter);
    writeFileSync(join(dir, 'sources', 'empty.txt'), '');
    const outName = `out-${Date.now()}-${process.pid}`;
    const r = await run(['convert', 'sources/letter.txt', 'sources/empty.txt', '--out', outName, '--report', 'report.json'], dir);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stderr, 'chancery convert: error: sources/empty.txt: the file is empty [TEI-IN-003]\n');
    assert.match(r.stdout, new RegExp(`converted 1 of 2 files into 1 TEI documents in ${outName}/`));
    const xml = readFileSync(join(dir, outName, 'letter', '000.xml'), 'utf8');
    // the schema is pointed to from where the document is, not from the process's folder
    const href = /<\?xml-model href="([^"]+)"/.exec(xml)![1]!;
    assert.ok(existsSync(join(dir, outName, 'letter', href)), href);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { files: { file: string; written: string[] }[] };
    assert.deepEqual(report.files.map((f) => [f.file, f.written]), [['sources/letter.txt', [join(outName, 'letter', '000.xml')]], ['sources/empty.txt', []]]);
    assert.equal(existsSync(join(process.cwd(), outName)), false, 'nothing written in the process\'s folder');
    assert.equal(existsSync(join(process.cwd(), 'report.json')), false);
  });
});
