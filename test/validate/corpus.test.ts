/**
 * Agreement with jing on real TEI: the 71 files of ../shared/corpus/cwrc against tei_all. Same verdict per
 * file, and every error we report sits on a line jing also flags, except where EXPLAINED says why not.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validate, type ValidationReport } from '../../src/validate/index.js';
import { CWRC, TEI_ALL, haveJing, haveShared, runJing, skipBecause } from './helpers.js';

/** Reported lines jing does not flag, with the reason (none today: the list is data, kept empty on purpose). */
const EXPLAINED: Record<string, { line: number; reason: string }[]> = {};

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
    const byFile = new Map(ours.files.map((f) => [resolve(f.file), f]));
    const disagreements = files.filter((f) => byFile.get(f)!.valid !== (jing!.get(f)!.size === 0));
    assert.deepEqual(disagreements, []);
  });

  it('reports each error on a line jing also flags', function () {
    if (!jing) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    const stray: string[] = [];
    for (const f of ours.files) {
      const flagged = jing.get(resolve(f.file))!;
      const explained = EXPLAINED[f.file.split('/').pop()!] ?? [];
      for (const d of f.diagnostics) {
        if (d.severity !== 'error' || !d.span) continue;
        const lines = [d.span.line, d.span.endLine ?? d.span.line];
        if (lines.some((l) => flagged.has(l)) || explained.some((e) => e.line === d.span!.line)) continue;
        stray.push(`${f.file}:${d.span.line}: ${d.code}`);
      }
    }
    assert.deepEqual(stray, []);
  });

  it('uses only our diagnostic codes, with 1-based positions', function () {
    for (const f of ours.files) {
      for (const d of f.diagnostics) {
        assert.match(d.code, /^TEI-(XML|RNG|SCH|REF)-\d{3}$/);
        assert.ok(d.span && d.span.line >= 1 && d.span.column >= 1, `${f.file}: ${JSON.stringify(d)}`);
      }
    }
  });
});
