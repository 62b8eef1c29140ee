/**
 * Converting files in worker threads (`--jobs`): the same edition byte for byte as in one thread — documents,
 * person ids (resolved in file order by the main thread), persons.xml, the review list, diagnostics — and no
 * more workers than files or cores.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { convertFiles, type ConvertFilesResult } from '../../src/build/index.js';
import { convertInWorkers, convertWorkerCount, type ConvertJob } from '../../src/build/convert-pool.js';
import type { ConvertRequest } from '../../src/build/convert-worker.js';
import { ROOT } from '../helpers/schema.js';

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) files.set(relative(dir, join(f.parentPath, f.name)), readFileSync(join(f.parentPath, f.name), 'utf8'));
  }
  return files;
}

/** What a run reports, without the paths that name its own output folder. */
function outcome(r: ConvertFilesResult, out: string): unknown {
  return JSON.parse(JSON.stringify({ files: r.files, diagnostics: r.diagnostics, kept: r.kept, removed: r.removed, persons: r.persons }).split(out).join('OUT'));
}

describe('convertFiles in worker threads', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-jobs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same edition byte for byte with 1 and 2 jobs: documents, person ids, persons.xml, diagnostics', async function () {
    this.timeout(180_000);
    const sources = readdirSync(join(ROOT, 'sources')).filter((f) => f.endsWith('.txt')).sort();
    const inputs = sources.map((f) => {
      copyFileSync(join(ROOT, 'sources', f), join(dir, f));
      return join(dir, f);
    });
    // Between the seeds: an unreadable input, and a source whose folder name another one already has.
    writeFileSync(join(dir, '0025-empty.txt'), '');
    writeFileSync(join(dir, '004_a850671e6f376447 copy.txt'), 'Moscow, July 18, 1941.\n\nDear Mr. Eden,\n\nThank you, Eden.\n\nJ. STALIN\n');
    const all = [...inputs.slice(0, 3), join(dir, '0025-empty.txt'), ...inputs.slice(3), join(dir, '004_a850671e6f376447 copy.txt')];
    const one = await convertFiles(all, { outDir: join(dir, 'one'), jobs: 1, generatedOn: '2024-01-01' });
    const two = await convertFiles(all, { outDir: join(dir, 'two'), jobs: 2, generatedOn: '2024-01-01' });
    const a = tree(join(dir, 'one'));
    const b = tree(join(dir, 'two'));
    assert.ok(a.size > 300);
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [path, text] of a) assert.equal(b.get(path), text, path);
    assert.match(a.get('persons.xml')!, /<person xml:id="stalin/);
    assert.deepEqual(outcome(two, join(dir, 'two')), outcome(one, join(dir, 'one')));
    assert.equal(one.files.filter((f) => f.error).length, 1);
  });

  it('a worker takes what learning read of its source alone from its request, and does not read the names again', async function () {
    this.timeout(60_000);
    // The source alone gives no evidence that "Stevens" is a name: only knowledge sent with the request can.
    const source = join(dir, 'bare.txt');
    writeFileSync(source, 'Moscow, July 18, 1941.\n\nThe papers came today. Stevens will answer them.\n');
    const nothing = (): NonNullable<ConvertRequest['knowledge']> => ({ surnames: new Set(), lower: new Set(), strong: new Set(), places: new Set() });
    const job: ConvertJob = { path: source, fileName: 'bare.txt', parkIn: dir };
    const surnamesTagged = async (knowledge?: ConvertRequest['knowledge']): Promise<string[]> => {
      const surnames: string[] = [];
      const given = knowledge ? (j: ConvertJob) => (j === job ? knowledge : undefined) : undefined;
      for await (const reply of convertInWorkers([job], 1, { facts: { knowledge: nothing(), editorSurnames: [], learned: true } }, given)) {
        if (reply.kind === 'document') surnames.push(...reply.mentions.map((m) => m.form.surname));
        else assert.equal(reply.kind, 'done');
      }
      return surnames;
    };
    assert.deepEqual(await surnamesTagged(), []);
    assert.deepEqual(await surnamesTagged({ ...nothing(), surnames: new Set(['stevens']) }), ['Stevens']);
  });

  it('starts no more workers than files or cores (--jobs 64 on one file: none)', () => {
    assert.equal(convertWorkerCount(64, 1), 1);
    assert.equal(convertWorkerCount(64, 3), Math.min(3, availableParallelism()));
    assert.equal(convertWorkerCount(1, 500), 1);
  });
});
