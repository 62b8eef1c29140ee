/**
 * build/stoppable: the long calls of the command line in a worker thread. The result is the library call's; an
 * error of ours keeps its class, code and exit code across the thread; a stop ends the work where it is (nothing is
 * written after it) and leaves no temporary file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { convertFiles } from '../../../src/build/index.js';
import { convertFilesInWorker, transformInWorker } from '../../../src/build/stoppable/index.js';
import { ChanceryError, TransformError } from '../../../src/diagnostics/index.js';
import { transform } from '../../../src/transform/index.js';
import { ROOT } from '../../helpers/schema.js';

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) files.set(relative(dir, join(f.parentPath, f.name)), readFileSync(join(f.parentPath, f.name), 'utf8'));
  }
  return files;
}

describe('build/stoppable: library calls in a worker thread', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-stoppable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives what convertFiles gives, with the progress of each file', async () => {
    const input = join(ROOT, 'sources', readdirSync(join(ROOT, 'sources')).filter((f) => f.endsWith('.txt')).sort()[0]!);
    const progress: number[] = [];
    const inWorker = await convertFilesInWorker([input], { outDir: join(dir, 'a'), generatedOn: '2024-01-01', onFile: (_f, done) => progress.push(done) }).result;
    const here = await convertFiles([input], { outDir: join(dir, 'b'), generatedOn: '2024-01-01' });
    assert.deepEqual(JSON.parse(JSON.stringify(inWorker).split(join(dir, 'a')).join('OUT')), JSON.parse(JSON.stringify(here).split(join(dir, 'b')).join('OUT')));
    assert.deepEqual(tree(join(dir, 'a')), tree(join(dir, 'b')));
    assert.deepEqual(progress, [readFileSync(input).length]);
  });

  it('an error of ours keeps its class, code, message and exit code', async () => {
    const out = join(dir, 'tei');
    mkdirSync(out);
    writeFileSync(join(out, 'persons.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>'); // cut short
    writeFileSync(join(dir, 'a.txt'), 'Dear Sir,\n\nHello.\n');
    const expected = await convertFiles([join(dir, 'a.txt')], { outDir: out }).then(
      () => assert.fail('convertFiles should refuse a truncated persons.xml'),
      (e: unknown) => e as ChanceryError,
    );
    await assert.rejects(convertFilesInWorker([join(dir, 'a.txt')], { outDir: out }).result, (e: unknown) => {
      assert.ok(e instanceof ChanceryError && e.constructor === expected.constructor, String(e));
      assert.equal(e.code, expected.code);
      assert.equal(e.message, expected.message);
      assert.equal(e.exitCode, expected.exitCode);
      return true;
    });
  });

  it('an error that is not ours (a bug) comes back as an Error with its message and the stack where it was thrown', async () => {
    await assert.rejects(convertFilesInWorker([42 as unknown as string], { outDir: join(dir, 'tei') }).result, (e: unknown) => {
      assert.ok(e instanceof Error && !(e instanceof ChanceryError), String(e));
      assert.match(e.message, /path/);
      assert.match(e.stack ?? '', /convert-files\.js/);
      return true;
    });
  });

  it('stop() ends the work where it is: nothing is written after it, no temporary file is left', async () => {
    const seeds = readdirSync(join(ROOT, 'sources')).filter((f) => f.endsWith('.txt')).sort();
    const text = seeds.map((f) => readFileSync(join(ROOT, 'sources', f), 'utf8')).join('\n\n');
    writeFileSync(join(dir, 'big.txt'), `${text}\n\n`.repeat(8));
    const out = join(dir, 'tei');
    const run = convertFilesInWorker([join(dir, 'big.txt')], { outDir: out });
    let settled = false;
    void run.result.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 1500));
    await run.stop();
    const after = tree(out);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(tree(out), after, 'nothing written after the stop');
    assert.deepEqual([...after.keys()].filter((f) => f.endsWith('.tmp')), []);
    assert.equal(settled, false, 'a stopped call gives no result');
  });

  it('transformInWorker gives what transform gives: the same report and the same files', async () => {
    const tei = join(ROOT, 'test', 'fixtures', 'transform', 'tei');
    const options = { to: 'html' as const, sourceDateEpoch: '1700000000' };
    const inWorker = await transformInWorker([tei], { ...options, outDir: join(dir, 'a') }).result;
    const here = await transform([tei], { ...options, outDir: join(dir, 'b') });
    const comparable = (r: typeof here, out: string): unknown => JSON.parse(JSON.stringify({ ...r, ms: 0 }).split(out).join('OUT'));
    assert.ok(here.written.length > 1, 'the fixture edition gives pages');
    assert.deepEqual(comparable(inWorker, join(dir, 'a')), comparable(here, join(dir, 'b')));
    assert.deepEqual(tree(join(dir, 'a')), tree(join(dir, 'b')));
  });

  it('transformInWorker: a transform module that fails comes back as the TransformError transform throws', async () => {
    const module = join(dir, 'broken.mjs');
    writeFileSync(module, "export default { name: 'broken', *render() { throw new Error('no pages today'); } };\n");
    const tei = join(ROOT, 'test', 'fixtures', 'transform', 'tei');
    const expected = await transform([tei], { to: 'html', outDir: join(dir, 'b'), transformModule: module }).then(
      () => assert.fail('a module that throws must fail the transform'),
      (e: unknown) => e as ChanceryError,
    );
    assert.ok(expected instanceof TransformError);
    await assert.rejects(transformInWorker([tei], { to: 'html', outDir: join(dir, 'a'), transformModule: module }).result, (e: unknown) => {
      assert.ok(e instanceof TransformError, String(e));
      assert.equal(e.code, expected.code);
      assert.equal(e.message, expected.message);
      assert.equal(e.exitCode, expected.exitCode);
      return true;
    });
  });
});
