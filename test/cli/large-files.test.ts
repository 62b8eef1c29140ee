/**
 * One large TEI file is checked and transformed as it is read: memory stays near what the program needs for a
 * small file (issue 15: peak ≤ 4× the file). Each run is a child process under a heap limit the former
 * behaviour (the whole text, an object per element and per reference) ran out of: fixtures made on the fly.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLargeTei } from '../helpers/large-tei.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'dist/src/cli/main.js');

/** The CLI in a child process with a heap limit, killed after two minutes (a hang fails the test). */
function chanceryWithHeap(heapMb: number, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('one large file, in bounded memory', function () {
  this.timeout(240000);
  let dir: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'chancery-large-'));
    writeLargeTei(dir, 24 * 1048576);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('validate: a 24 MB document and its references in a 24 MB heap (the whole text and a record per reference needed over 48 MB)', function () {
    const v = chanceryWithHeap(24, ['validate', dir, '--schema', join(ROOT, 'schema/chancery.rng')]);
    assert.equal(v.status, 0, v.stdout + v.stderr.slice(0, 2000));
    assert.match(v.stdout, /^2 files: 2 valid, 0 invalid; 0 errors, 0 warnings/m);
  });

  it('transform --to text: the 24 MB document in a 64 MB heap (its 128,000 mentions as objects ran out of 64 MB; the whole tree and the text as one string, of 160 MB)', function () {
    const out = mkdtempSync(join(tmpdir(), 'chancery-large-out-'));
    try {
      const t = chanceryWithHeap(64, ['transform', dir, '--to', 'text', '--out', out]);
      assert.equal(t.status, 0, t.stdout + t.stderr.slice(0, 2000));
      assert.deepEqual(readdirSync(join(out, 'text')), ['1944-09-24-wilson-to-eden.txt']);
      const text = readFileSync(join(out, 'text', '1944-09-24-wilson-to-eden.txt'), 'utf8');
      const paragraphs = text.split('It is our policy').length - 1;
      assert.ok(paragraphs > 50000, String(paragraphs));
      assert.ok(text.endsWith(`(paragraph ${paragraphs}).\n`), text.slice(-200));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('transform --to html in a heap too small for it: one line saying the transform ran out of memory, exit 2, no temporary file', function () {
    const out = mkdtempSync(join(tmpdir(), 'chancery-large-out-'));
    try {
      // the worker thread's heap is the one asked for (it once got the young generation's 48 MB on top)
      const t = chanceryWithHeap(12, ['transform', dir, '--to', 'html', '--out', out]);
      assert.equal(t.status, 2, t.stdout + t.stderr.slice(0, 2000));
      assert.match(t.stderr, /^chancery transform: error: .+: the transform stopped: it ran out of memory .*\[TEI-TR-016\]\n$/);
      assert.deepEqual(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.tmp')), [], 'no temporary file left');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('transform --to html: the 24 MB document in a 24 MB heap (its mentions\' contexts held in memory ran out of 76 MB; its page, search text and person pages built as strings from the whole tree, of 320 MB)', function () {
    const out = mkdtempSync(join(tmpdir(), 'chancery-large-out-'));
    try {
      const t = chanceryWithHeap(24, ['transform', dir, '--to', 'html', '--out', out]);
      assert.equal(t.status, 0, t.stdout + t.stderr.slice(0, 2000));
      const page = readFileSync(join(out, 'documents', '1944-09-24-wilson-to-eden.html'), 'utf8');
      const paragraphs = page.split('It is our policy').length - 1;
      assert.ok(paragraphs > 50000, String(paragraphs));
      assert.ok(page.includes(`id="p${paragraphs}"`) && page.trimEnd().endsWith('</html>'), page.slice(-300));
      // the search text holds the whole reading text; each person page every mention with its context
      const search = readFileSync(join(out, 'assets', 'search-text-0.js'), 'utf8');
      assert.equal(search.split('It is our policy').length - 1, paragraphs);
      const eden = readFileSync(join(out, 'persons', 'eden.html'), 'utf8');
      assert.equal(eden.split('<mark>Eden</mark>').length - 1, paragraphs);
      assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
      assert.deepEqual(readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
