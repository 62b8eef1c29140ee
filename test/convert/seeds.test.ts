/** The five seed texts in sources/: the edition's own input converts completely and validly. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert, serializeTei } from '../../src/convert/index.js';
import { PersonRegistry } from '../../src/convert/entities/personography.js';
import { ROOT, chanceryErrors, missingWords, teiAllErrors, teiTextWords, wordsOf } from '../helpers/schema.js';

const SOURCES = join(ROOT, 'sources');

describe('convert: the seed sources', function () {
  const persons = new PersonRegistry();
  const outputs = new Map<string, string>();
  const results = new Map<string, ReturnType<typeof convert>>();
  before(() => {
    for (const f of readdirSync(SOURCES).filter((x) => x.endsWith('.txt')).sort()) {
      const r = convert(readFileSync(join(SOURCES, f)), { fileName: f, persons, generatedOn: '2026-01-01' });
      results.set(f, r);
      for (const d of r.documents) outputs.set(`${f}/${d.id}`, serializeTei(d, { generatedOn: '2026-01-01' }));
    }
  });

  it('finds the documents of each source: one each, and front matter plus 370 messages in the volume', () => {
    const counts = [...results].map(([f, r]) => [f.slice(0, 3), r.documents.length]);
    assert.deepEqual(counts.slice(0, 4), [['000', 1], ['001', 1], ['002', 1], ['003', 1]]);
    const volume = [...results.values()][4]!;
    assert.equal(volume.documents[0]!.kind, 'front');
    assert.ok(volume.documents.length >= 360 && volume.documents.length <= 380, String(volume.documents.length));
  });

  it('keeps every word of every source in the TEI text', () => {
    for (const [f, r] of results) {
      const words = r.documents.flatMap((d) => teiTextWords(outputs.get(`${f}/${d.id}`)!));
      const missing = missingWords(wordsOf(readFileSync(join(SOURCES, f), 'utf8')), words);
      assert.deepEqual(missing, [], f);
    }
  });

  it('writes documents valid against chancery.rng', () => {
    const invalid = [...outputs].map(([k, xml]) => [k, chanceryErrors(xml)] as const).filter(([, e]) => e.length > 0);
    assert.deepEqual(invalid, []);
  });

  it('writes documents valid against TEI P5 tei_all', function () {
    const errors = teiAllErrors(outputs);
    if (errors === undefined) {
      console.log('      skipped: jing or ../shared/tei/tei_all.rng is not available');
      this.skip();
    }
    assert.deepEqual(errors, []);
  });

  it('places all 124 footnotes of the article at their references, and note 59 in two languages', () => {
    const article = outputs.get('002_a68127929a5a2086.txt/000')!;
    assert.equal(article.match(/<note place="foot" n="\d+">/g)?.length, 124);
    const memo = outputs.get('003_861624618a2cfeeb.txt/000')!;
    assert.match(memo, /<signed>[^]*WEBSTER[^]*\)<note place="foot" n="59"><label>59<\/label><p xml:lang="fr">/);
    assert.match(memo, /<\/p><p xml:lang="en">.{0,60}Clifford Webster(<\/persName>)?, an expert/);
  });

  it('marks the second OCR pass of the letter as duplicates pointing at what they repeat', () => {
    const letter = outputs.get('001_58888229c10c191a.txt/000')!;
    const dups = [...letter.matchAll(/<note type="duplicate" corresp="#([^"]+)">/g)].map((m) => m[1]!);
    assert.ok(dups.length >= 3);
    for (const id of dups) assert.ok(letter.includes(`xml:id="${id}"`), id);
    assert.match(letter, /actual bandage/);
    assert.match(letter, /<fw type="catch">Russian\/<\/fw>/);
  });
});
