/**
 * Properties: whatever bytes a file holds, validation reports (never throws), with our codes and 1-based
 * positions inside the file; both RELAX NG engines agree on the verdict of every well-formed input.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, tempDir } from './helpers.js';

const MINI = join(FIXTURES, 'mini.rng');
const VALID = readFileSync(join(FIXTURES, 'mini-valid.xml'), 'utf8');

/** An edit of the valid document: delete, insert or replace a short stretch at some offset. */
const edit = fc.record({
  at: fc.nat({ max: VALID.length }),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(
    fc.constantFrom('', '<', '>', '/', '&', '"', '<foo/>', '</p>', '<p>', '<date when="x">', 'xml:id="p1" ', '<!DOCTYPE a [<!ENTITY e "x">]>', '&amp;', ']]>', '<![CDATA[x]]>'),
    fc.string({ maxLength: 6 }),
  ),
});

describe('validation properties', function () {
  const dir = tempDir('props');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports, never throws, on edited documents; both engines give the same verdict', async function () {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let text = VALID;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        const file = join(dir, `p${n++}.xml`);
        writeFileSync(file, text);
        const lines = text.split('\n').length;
        const ours = await validate([file], { schema: MINI, references: false, jobs: 1, engine: 'chancery' });
        const lib = await validate([file], { schema: MINI, references: false, jobs: 1, engine: 'libxml2' });
        for (const d of ours.files[0]!.diagnostics) {
          assert.match(d.code, /^TEI-(XML|RNG|SCH|REF)-\d{3}$/);
          assert.ok(d.span && d.span.line >= 1 && d.span.line <= lines + 1 && d.span.column >= 1, JSON.stringify(d));
        }
        assert.equal(ours.files[0]!.valid, lib.files[0]!.valid, `engines disagree on:\n${text}`);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
