/**
 * Properties: whatever bytes a file holds, validation reports (never throws), with our codes and 1-based
 * positions inside the file; and our engine agrees with jing on the verdict of every well-formed input, for a
 * one-file schema and for a schema in four files (include with override, combine, externalRef, a nested
 * grammar with parentRef, IDs). Inputs are edits of a valid document drawn by fast-check with a fixed seed;
 * jing judges them all in one run.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, haveJing, runJing, skipBecause, tempDir } from './helpers.js';

/** An edit of a document: delete, insert or replace a short stretch at some offset. */
function edits(length: number): fc.Arbitrary<{ at: number; remove: number; insert: string }[]> {
  const edit = fc.record({
    at: fc.nat({ max: length }),
    // Mostly pure insertions: removals of a few characters make most documents ill-formed.
    remove: fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 12 })),
    insert: fc.oneof(
      fc.constantFrom(
        '', '<', '>', '/', '&', '"', '<foo/>', '</p>', '<p>', '<date when="x">', 'xml:id="p1" ', '<!DOCTYPE a [<!ENTITY e "x">]>', '&amp;', ']]>',
        '<![CDATA[x]]>', '<hi corresp="d1">x</hi>', '<hi corresp="nowhere">x</hi>', ' n="0"', ' rend="bold"', '<item>i</item>', '<note>n</note>',
      ),
      fc.string({ maxLength: 6 }),
    ),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 });
}

const SCHEMAS = [
  { label: 'a one-file schema', schema: join(FIXTURES, 'mini.rng'), valid: join(FIXTURES, 'mini-valid.xml') },
  { label: 'a schema in four files', schema: join(FIXTURES, 'multi/main.rng'), valid: join(FIXTURES, 'multi/valid.xml') },
];

describe('validation properties', function () {
  for (const { label, schema, valid } of SCHEMAS) {
    it(`reports, never throws, on 600 edited documents; our verdicts are jing's (${label})`, async function () {
      const base = readFileSync(valid, 'utf8');
      const dir = tempDir('props');
      try {
        const samples = fc.sample(edits(base.length), { numRuns: 600, seed: 20261123 });
        const files = samples.map((list, n) => {
          let text = base;
          for (const e of list) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
          const file = join(dir, `p${String(n).padStart(3, '0')}.xml`);
          writeFileSync(file, text);
          return { file, lines: text.split('\n').length };
        });
        const ours = await validate([dir], { schema, references: false, jobs: 1 });
        const byFile = new Map(ours.files.map((f) => [resolve(f.file), f]));
        for (const { file, lines } of files) {
          for (const d of byFile.get(file)!.diagnostics) {
            assert.match(d.code, /^TEI-(XML|RNG|SCH|REF)-\d{3}$/);
            assert.ok(d.span && d.span.line >= 1 && d.span.line <= lines + 1 && d.span.column >= 1, JSON.stringify(d));
          }
        }
        if (!haveJing()) return skipBecause(this, 'jing is not installed (apt-get install -y jing): verdicts not compared');
        const wellFormed = files.map((f) => f.file).filter((f) => !byFile.get(f)!.diagnostics.some((d) => d.code === 'TEI-XML-001' || d.code === 'TEI-XML-003'));
        const jing = runJing(schema, wellFormed);
        const disagree = wellFormed
          .filter((f) => byFile.get(f)!.valid !== (jing.get(f)!.size === 0))
          .map((f) => `${f}: ours ${byFile.get(f)!.valid ? 'valid' : 'invalid'}, jing ${jing.get(f)!.size === 0 ? 'valid' : 'invalid'}\n${readFileSync(f, 'utf8')}`);
        assert.deepEqual(disagree, []);
        assert.ok(wellFormed.length >= 50, `only ${wellFormed.length} well-formed edits`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
