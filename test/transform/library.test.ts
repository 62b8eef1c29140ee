/** The library's pieces: walker selectors, edition metadata and mentions, text wrapping, user modules, the CLI. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { TransformError } from '../../src/diagnostics/diagnostic.js';
import { loadEdition, transform, TransformCodes, Walker } from '../../src/transform/index.js';
import { parseTei } from '../../src/transform/tei-tree.js';
import { wrap } from '../../src/transform/formats/text.js';
import { cleanup, FIXTURE_CONFIG, FIXTURE_TEI, ROOT, tempDir } from './helpers.js';

after(cleanup);

describe('transform walker', () => {
  const tree = parseTei('<r><note type="duplicate">a</note><note type="x">b</note><note>c</note><other>d</other></r>', 't.xml').root!;
  it('a selector with a predicate wins over the bare name, whatever the table order; * is the fallback', () => {
    const w = new Walker<null>({ note: ['[', ']'], 'note[type=duplicate]': null, '*': (_e, _c, inner) => `<${inner()}>` }, (t) => t);
    assert.equal(w.renderChildren(tree, null), '[b][c]<d>');
  });
  it('rejects a malformed selector with our own error type', () => {
    assert.throws(() => new Walker<null>({ 'note[': null }, (t) => t), TransformError);
  });
});

describe('transform parse', () => {
  it('reports a not-well-formed file with a 1-based span', () => {
    const r = parseTei('<TEI>\n  <p>x</q>\n</TEI>', 'bad.xml');
    assert.equal(r.root, undefined);
    assert.equal(r.diagnostics[0]!.code, TransformCodes.notWellFormed);
    assert.equal(r.diagnostics[0]!.span!.line, 2);
  });
});

describe('transform edition', () => {
  const edition = loadEdition([FIXTURE_TEI]);
  it('reads documents in date order, undated last, and the personography apart', () => {
    assert.deepEqual(edition.documents.map((d) => d.id), ['war-telegrams-004', 'war-telegrams-005', 'fo-letters-003', 'fo-letters-004', 'journal-article-000']);
    assert.equal(edition.persons.size, 5);
    assert.deepEqual(edition.diagnostics, []);
  });
  it('keeps the metadata: source trace, kind, classification, inferred sender', () => {
    const t = edition.documents[1]!;
    assert.equal(t.source.idno, '004_a850671e6f376447.txt#L70-L78');
    assert.equal(t.kind, 'telegram');
    assert.equal(t.classification, 'SECRET');
    assert.equal(t.sent?.cert, 'medium');
    assert.equal(t.sent?.date, undefined, 'no date in the correspDesc…');
    assert.equal(t.sortKey, '1941-08-04', '…so the sent dateline dates it');
  });
  it('finds mentions with their context, none from debris', () => {
    const wilson = [...edition.mentions].filter((m) => m.person === 'wilson-g');
    assert.deepEqual(wilson.map((m) => m.name), ['G. Wilson', 'G. WILSON', 'Mr. Wilson']);
    const litvinov = [...edition.mentions].find((m) => m.name === 'Litvinov')!;
    assert.match(litvinov.before, /In May 1939 $/);
    assert.equal(litvinov.after, ' was sacked.');
  });
});

describe('transform text wrapping', () => {
  it('wraps at 72 columns and never splits a word', () => {
    const long = 'x'.repeat(80);
    const lines = wrap(`alpha beta ${long} gamma`.repeat(3));
    assert.ok(lines.every((l) => l.length <= 72 || !l.includes(' ')));
    assert.equal(lines.join(' ').split(' ').join(''), `alpha beta ${long} gamma`.repeat(3).split(' ').join(''));
  });
});

describe('transform user modules', () => {
  it('runs the example module of docs/transforms.md', async () => {
    const dir = tempDir();
    const mod = join(dir, 'titles.mjs');
    // the documented example itself, so that the documentation cannot drift from the interface
    const doc = readFileSync(join(ROOT, 'docs/transforms.md'), 'utf8');
    const example = /```js\n\/\/ my-transform\.js\n([\s\S]*?)```/.exec(doc);
    assert.ok(example, 'docs/transforms.md has the example module');
    writeFileSync(mod, example[1]!);
    const out = join(dir, 'out');
    const report = await transform([FIXTURE_TEI], { to: 'html', outDir: out, transformModule: mod, config: FIXTURE_CONFIG });
    assert.equal(report.written.length, 1);
    const lines = readFileSync(join(out, 'titles.tsv'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 6);
    assert.equal(lines[1], '1941-07-18\tStalin to Churchill, 18 July 1941\tJ. V. Stalin\tWinston Churchill');
  });
  it('reports a user module that fails while rendering as our own error', async () => {
    const dir = tempDir();
    const mod = join(dir, 'throws.mjs');
    writeFileSync(mod, 'export default { name: "throws", *render() { throw new RangeError("boom"); } };\n');
    await assert.rejects(transform([FIXTURE_TEI], { to: 'html', outDir: join(dir, 'o'), transformModule: mod }), (e: unknown) => e instanceof TransformError && e.code === TransformCodes.badModule && /boom/.test(e.message));
  });
  it('reports a user render() that throws before yielding (a plain function) as our own error', async () => {
    const dir = tempDir();
    const mod = join(dir, 'throws-at-once.mjs');
    writeFileSync(mod, 'export default { name: "throws-at-once", render() { throw new TypeError("no files"); } };\n');
    await assert.rejects(transform([FIXTURE_TEI], { to: 'html', outDir: join(dir, 'o'), transformModule: mod }), (e: unknown) => e instanceof TransformError && e.code === TransformCodes.badModule && /no files/.test(e.message));
  });
  it('refuses a module without render() with our own error', async () => {
    const dir = tempDir();
    const mod = join(dir, 'bad.mjs');
    writeFileSync(mod, 'export default { name: "bad" };\n');
    await assert.rejects(transform([FIXTURE_TEI], { to: 'html', outDir: join(dir, 'o'), transformModule: mod }), (e: unknown) => e instanceof TransformError && e.code === TransformCodes.badModule);
  });
});

describe('transform CLI', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), isTTY: false, cwd: process.cwd() } };
  };
  it('exit 0 with a summary when nothing is wrong', async () => {
    const { out, io: cli } = io();
    const dir = tempDir();
    assert.equal(await runCli(['transform', FIXTURE_TEI, '--to', 'csv', '--out', dir, '--config', FIXTURE_CONFIG], cli), 0);
    assert.match(out.stdout, /csv: 5 documents → 4 files/);
  });
  it('exit 1 when a document could not be read', async () => {
    const { out, io: cli } = io();
    const dir = tempDir();
    const bad = join(dir, 'tei', 'x');
    (await import('node:fs')).mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, '000.xml'), '<TEI><text>');
    assert.equal(await runCli(['transform', join(dir, 'tei'), '--to', 'text', '--out', join(dir, 'o')], cli), 1);
    assert.match(out.stderr, /error: .* \[TEI-TR-001\]/);
  });
  it('exit 2 without --to or --transform, and for an unknown format', async () => {
    const { io: cli } = io();
    assert.equal(await runCli(['transform', FIXTURE_TEI, '--out', tempDir()], cli), 2);
    assert.equal(await runCli(['transform', FIXTURE_TEI, '--to', 'pdf', '--out', tempDir()], cli), 2);
  });
  it('exit 2 when CMIF has no config to name its editor', async () => {
    const { out, io: cli } = io();
    assert.equal(await runCli(['transform', FIXTURE_TEI, '--to', 'cmif', '--out', tempDir(), '--config', join(tempDir(), 'none.json')], cli), 2);
    assert.match(out.stderr, /--config: no such file/);
  });
});

describe('transform public API', () => {
  it('exports exactly these values (a change here is an API change)', async () => {
    const api = await import('../../src/transform/index.js');
    assert.deepEqual(Object.keys(api).sort(), [
      'TRANSFORM_TARGETS', 'TransformCodes', 'Walker', 'checkCmif', 'isDebris', 'loadEdition', 'readingText', 'transform', 'transformEdition',
    ]);
    assert.deepEqual([...api.TRANSFORM_TARGETS], ['html', 'text', 'cmif', 'csv', 'json']);
  });
});

describe('transform the whole edition', () => {
  it('writes the site and every export, reading the edition once', async () => {
    const dir = tempDir();
    const { transformEdition } = await import('../../src/transform/index.js');
    const reports = await transformEdition([FIXTURE_TEI], { site: join(dir, 'site'), exports: join(dir, 'exports'), config: FIXTURE_CONFIG });
    assert.equal(reports.length, 5);
    const { existsSync } = await import('node:fs');
    for (const f of ['site/index.html', 'exports/text/1944-09-24-wilson-to-eden.txt', 'exports/cmif.xml', 'exports/edges.csv', 'exports/persons.json']) assert.ok(existsSync(join(dir, f)), f);
    assert.ok(reports.every((r) => r.documents === 5));
  });
});

describe('transform of the encoding of docs/encoding.md (fixture fo-letters/004)', () => {
  it('joins a word broken by a printer\'s hyphen, keeps a real hyphen, drops the note label', async () => {
    const out = tempDir();
    await transform([FIXTURE_TEI], { to: 'text', outDir: out, config: FIXTURE_CONFIG });
    const text = readFileSync(join(out, 'text/1944-10-02-to-state.txt'), 'utf8');
    assert.match(text, /necessary but not\ssufficient; the Anglo-Soviet talks/);
    assert.match(text, /\n\[1\] The talks opened on 9 October\./);
    assert.doesNotMatch(text, /59/);
  });
  it('leaves unknown correspondents out of the network, keeps those named by office', async () => {
    const out = tempDir();
    await transform([FIXTURE_TEI], { to: 'json', outDir: out, config: FIXTURE_CONFIG });
    const edges = (JSON.parse(readFileSync(join(out, 'edges.json'), 'utf8')) as { edges: { source: string }[] }).edges;
    assert.ok(edges.every((e) => e.source !== 'name:Unknown'));
    const docs = (JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')) as { documents: { id: string; addressees: string[] }[] }).documents;
    assert.deepEqual(docs.find((d) => d.id === 'fo-letters-004')?.addressees, ['the Secretary of State']);
  });
});
