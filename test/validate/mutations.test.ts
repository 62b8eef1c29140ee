/**
 * Mutation tests: from valid files, invalid ones made in known ways; ours must find each at the line where
 * the mutation sits (and, where jing is installed, jing must flag that line too, which checks the
 * expectation itself).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, TEI_ALL, haveJing, haveShared, runJing, skipBecause, tempDir } from './helpers.js';

interface Mutation {
  name: string;
  /** Replaces `from` by `to` in the valid text. */
  from: RegExp | string;
  to: string;
  /** The error must be reported on the line of the mutated text containing this. */
  at: string;
  /** Expected diagnostic code prefix. */
  code: string;
}

const MUTATIONS: Mutation[] = [
  { name: 'required element removed', from: /  <teiHeader>[\s\S]*<\/teiHeader>\n/, to: '', at: '<text>', code: 'TEI-RNG' },
  { name: 'unknown element', from: '<p xml:id="p3">End.</p>', to: '<p xml:id="p3">End.<foo/></p>', at: '<foo/>', code: 'TEI-RNG' },
  { name: 'bad attribute value', from: 'when="1941-07-18"', to: 'when="yesterday"', at: 'yesterday', code: 'TEI-RNG' },
  {
    name: 'misplaced element',
    from: /(\s*<head>To Churchill<\/head>)(\s*<p xml:id="p1">.*<\/p>)/,
    to: '$2$1',
    at: '<head>',
    code: 'TEI-RNG',
  },
  { name: 'duplicate xml:id', from: '<p xml:id="p3">', to: '<p xml:id="p2">', at: 'End.', code: 'TEI-XML-005' },
  { name: 'malformed XML', from: '.</p>\n      </div>', to: '.\n      </div>', at: '</div>', code: 'TEI-XML-001' },
];

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `marker ${needle} not in mutated text`);
  return text.slice(0, i).split('\n').length;
}


function suite(label: string, schema: () => string, valid: string, needsShared: boolean): void {
  describe(`mutations against ${label}`, function () {
    const dir = tempDir('mutants');
    const files = new Map<Mutation, { file: string; line: number }>();
    let jing: Map<string, Set<number>> | undefined;
    before(function () {
      if (needsShared && !haveShared()) return skipBecause(this, `../shared (tei_all.rng) is absent`);
      const text = readFileSync(join(FIXTURES, valid), 'utf8');
      MUTATIONS.forEach((m, i) => {
        const mutated = text.replace(m.from, m.to);
        assert.notEqual(mutated, text, `mutation "${m.name}" changed nothing`);
        const file = join(dir, `mutant-${i}.xml`);
        writeFileSync(file, mutated);
        files.set(m, { file, line: lineOf(mutated, m.at) });
      });
      // One jing run (one JVM start) for all mutants.
      if (haveJing()) jing = runJing(schema(), [...files.values()].map((f) => f.file));
      else console.log('      jing not installed: expected lines are not cross-checked with jing');
    });

    it('the unmutated file is valid', async function () {
      const report = await validate([join(FIXTURES, valid)], { schema: schema(), references: false, jobs: 1 });
      assert.deepEqual(report.files[0]?.diagnostics, []);
    });

    for (const m of MUTATIONS) {
      it(`finds "${m.name}" at its line`, async function () {
        const { file, line } = files.get(m)!;
        const report = await validate([file], { schema: schema(), references: false, jobs: 1 });
        const result = report.files[0]!;
        assert.equal(result.valid, false);
        const lines = result.diagnostics.filter((d) => d.code.startsWith(m.code)).map((d) => d.span?.line);
        assert.ok(lines.includes(line), `expected a ${m.code} error on line ${line}, got ${JSON.stringify(result.diagnostics)}`);
        if (jing) {
          const flagged = jing.get(file)!;
          assert.ok(flagged.has(line), `jing does not flag line ${line} (it flags ${[...flagged]}): the expectation is wrong`);
        }
      });
    }
  });
}

suite('a small TEI-like schema', () => join(FIXTURES, 'mini.rng'), 'mini-valid.xml', false);
suite('tei_all', () => TEI_ALL, 'tei-valid.xml', true);
