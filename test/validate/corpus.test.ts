/**
 * Agreement with jing on real TEI: the 71 files of ../shared/corpus/cwrc against tei_all, and mutants made
 * from its valid files. Same verdict per file, and every error we report sits on a line jing also flags
 * (or within the start tag we point at), except where EXPLAINED says why not.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { validate, type ValidationReport } from '../../src/validate/index.js';
import { CWRC, TEI_ALL, TEI_MUTATIONS, haveJing, haveShared, runJing, skipBecause, tempDir } from './helpers.js';

/** Reported lines jing does not flag, with the reason (none today: the list is data, kept empty on purpose). */
const EXPLAINED: Record<string, { line: number; reason: string }[]> = {};

/** Errors we report on lines jing does not flag. */
function strayErrors(ours: ValidationReport, jing: Map<string, Set<number>>): string[] {
  const stray: string[] = [];
  for (const f of ours.files) {
    const flagged = jing.get(resolve(f.file))!;
    const explained = EXPLAINED[basename(f.file)] ?? [];
    for (const d of f.diagnostics) {
      if (d.severity !== 'error' || !d.span) continue;
      const from = d.span.line;
      const to = d.span.endLine ?? d.span.line;
      let hit = explained.some((e) => e.line === from);
      for (let l = from; l <= to && !hit; l++) hit = flagged.has(l);
      if (!hit) stray.push(`${basename(f.file)}:${d.span.line}: ${d.code} ${d.message.slice(0, 80)}`);
    }
  }
  return stray;
}

function disagreements(files: string[], ours: ValidationReport, jing: Map<string, Set<number>>): string[] {
  const byFile = new Map(ours.files.map((f) => [resolve(f.file), f]));
  return files
    .filter((f) => byFile.get(resolve(f))!.valid !== (jing.get(resolve(f))!.size === 0))
    .map((f) => `${basename(f)}: ours ${byFile.get(resolve(f))!.valid ? 'valid' : 'invalid'}, jing ${jing.get(resolve(f))!.size === 0 ? 'valid' : 'invalid'}`);
}

describe('agreement with jing on the cwrc corpus (tei_all)', function () {
  let files: string[] = [];
  let ours: ValidationReport;
  let jing: Map<string, Set<number>> | undefined;

  before(async function () {
    if (!haveShared()) return skipBecause(this, '../shared/corpus/cwrc or ../shared/tei/tei_all.rng is absent');
    files = readdirSync(CWRC)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => join(CWRC, f));
    ours = await validate([CWRC], { schema: TEI_ALL, references: false, jobs: 1 });
    if (haveJing()) jing = runJing(TEI_ALL, files);
  });

  it('validates all 71 files, 42 valid and 29 invalid (jing’s count)', function () {
    assert.equal(ours.summary.files, 71);
    assert.equal(ours.summary.valid, 42);
    assert.equal(ours.summary.invalid, 29);
  });

  it('gives the same verdict as jing on every file', function () {
    if (!jing) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    assert.deepEqual(disagreements(files, ours, jing), []);
  });

  it('reports each error on a line jing also flags', function () {
    if (!jing) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    assert.deepEqual(strayErrors(ours, jing), []);
  });

  it('uses only our diagnostic codes, with 1-based positions', function () {
    for (const f of ours.files) {
      for (const d of f.diagnostics) {
        assert.match(d.code, /^TEI-(XML|RNG|SCH|REF)-\d{3}$/);
        assert.ok(d.span && d.span.line >= 1 && d.span.column >= 1, `${f.file}: ${JSON.stringify(d)}`);
      }
    }
  });

  it('agrees with jing on mutants of every valid file (verdict and lines)', async function () {
    if (!jing) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    const dir = tempDir('cwrc-mutants');
    const mutants: string[] = [];
    for (const f of ours.files.filter((x) => x.valid)) {
      const text = readFileSync(f.file, 'utf8');
      Object.entries(TEI_MUTATIONS).forEach(([name, mutate], i) => {
        const out = mutate(text);
        if (out === undefined || out === text) return;
        const file = join(dir, `${basename(f.file, '.xml')}.m${i}-${name.replace(/\W+/g, '-')}.xml`);
        writeFileSync(file, out);
        mutants.push(file);
      });
    }
    assert.ok(mutants.length > 150, `only ${mutants.length} mutants`);
    const theirs = runJing(TEI_ALL, mutants);
    const mine = await validate([dir], { schema: TEI_ALL, references: false, jobs: 1 });
    assert.deepEqual(disagreements(mutants, mine, theirs), []);
    assert.ok(mine.files.every((f) => !f.valid), 'every mutant is invalid');
    assert.deepEqual(strayErrors(mine, theirs), []);
  });
});
