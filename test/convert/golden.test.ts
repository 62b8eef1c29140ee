/**
 * Golden files: each folder of test/fixtures/convert holds an input text in one of the shapes Chancery
 * converts and the TEI it must produce. `UPDATE_GOLDEN=1 npm test` writes the expected files (a case
 * without one fails); review the diff like code.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert, serializeTei } from '../../src/convert/index.js';
import { PersonRegistry } from '../../src/convert/entities/personography.js';
import { personographyXml } from '../../src/edition/personography.js';
import { assertGolden } from '../helpers/golden.js';
import { ROOT, chanceryErrors, missingWords, teiAllErrors, teiTextWords, wordsOf } from '../helpers/schema.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'convert');
const GENERATED_ON = '2026-01-01';

interface Rendered {
  documents: Map<string, string>;
  diagnostics: string;
  /** The personography the case's documents point to, as convert writes it. */
  persons: string;
}

const rendered = new Map<string, Rendered>();

/** Each fixture is converted once and its output shared by the tests that read it. */
function render(folder: string): Rendered {
  let r = rendered.get(folder);
  if (!r) {
    r = renderNow(folder);
    rendered.set(folder, r);
  }
  return r;
}

function renderNow(folder: string): Rendered {
  const input = readFileSync(join(FIXTURES, folder, 'input.txt'));
  const persons = new PersonRegistry();
  const result = convert(input, { fileName: `${folder}.txt`, persons, generatedOn: GENERATED_ON });
  const documents = new Map<string, string>();
  for (const doc of result.documents) documents.set(`${doc.id}.xml`, serializeTei(doc, { generatedOn: GENERATED_ON }));
  const diagnostics = result.diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.severity} ${d.code}`).join('\n') + '\n';
  return { documents, diagnostics, persons: personographyXml(persons.entries()) };
}

describe('convert: golden files', () => {
  const cases = readdirSync(FIXTURES).filter((f) => existsSync(join(FIXTURES, f, 'input.txt')));

  it('has one case per input shape', () => {
    assert.ok(cases.length >= 6, `only ${cases.length} cases`);
  });

  for (const folder of cases) {
    it(`${folder}: input.txt → expected TEI`, () => {
      const { documents, diagnostics } = render(folder);
      const combined = [...documents].map(([name, xml]) => `<!-- ${name} -->\n${xml}`).join('');
      const expectedFile = join(FIXTURES, folder, 'expected.tei.xml');
      const diagnosticsFile = join(FIXTURES, folder, 'expected.diagnostics.txt');
      assertGolden(expectedFile, combined);
      assertGolden(diagnosticsFile, diagnostics);
      // The persons of the cases of issue 9 are part of what they pin down.
      const personsFile = join(FIXTURES, folder, 'expected.persons.xml');
      if (folder.startsWith('persons-') || existsSync(personsFile)) assertGolden(personsFile, render(folder).persons);
    });

    it(`${folder}: every document is valid against chancery.rng and keeps every word`, () => {
      const { documents } = render(folder);
      const out: string[] = [];
      for (const [name, xml] of documents) {
        assert.deepEqual(chanceryErrors(xml), [], name);
        out.push(...teiTextWords(xml));
      }
      const input = readFileSync(join(FIXTURES, folder, 'input.txt'), 'utf8');
      assert.deepEqual(missingWords(wordsOf(input), out), []);
    });
  }

  it('every golden document is valid against TEI P5 tei_all', function () {
    const all = new Map<string, string>();
    for (const folder of cases) for (const [name, xml] of render(folder).documents) all.set(`${folder}/${name}`, xml);
    const errors = teiAllErrors(all);
    if (errors === undefined) {
      console.log('      skipped: jing or ../shared/tei/tei_all.rng is not available');
      this.skip();
    }
    assert.deepEqual(errors, []);
  });
});

describe('convert: the library call', () => {
  it('returns the documents with the diagnostics and the encoding', () => {
    const result = convert('J. V. STALIN TO F. ROOSEVELT\n\nA.\n\nJ. V. STALIN TO W. CHURCHILL\n\nB.\n\nJ. V. STALIN TO H. TRUMAN\n\nC.\n', { fileName: 'v.txt' });
    assert.equal(result.documents.length, 3);
    assert.equal(result.documents[0]!.addressees[0]!.name, 'F. ROOSEVELT');
    assert.equal(result.encoding, 'utf-8');
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'TEI-CONV-003').map((d) => d.span?.line), [1, 5, 9]);
  });
});
