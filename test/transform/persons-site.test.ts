/**
 * The persons of the site as an editor wants them (issue 9): a person known by no given name has the title that
 * tells them apart in the page title ("Mrs Churchill", not "Churchill"), and the personography's review list is
 * published as a page for editors, linked from the persons index; a review list edited into a wrong shape breaks
 * nothing.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertFiles } from '../../src/build/convert-files.js';
import { transform } from '../../src/transform/index.js';
import { fullName, sortName } from '../../src/transform/site/page.js';
import type { PersonRecord } from '../../src/transform/edition.js';
import { cleanup, tempDir } from './helpers.js';

const h1 = (html: string): string => /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';

describe('transform html: persons for editors', function () {
  this.timeout(60_000);
  after(cleanup);

  async function site(texts: Record<string, string>): Promise<{ tei: string; site: string }> {
    const dir = tempDir();
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
    const tei = join(dir, 'tei');
    await convertFiles(Object.keys(texts).map((n) => join(dir, n)), { outDir: tei, generatedOn: '2024-01-01' });
    const out = join(dir, 'site');
    await transform([tei], { to: 'html', outDir: out });
    return { tei, site: out };
  }

  it('titles the page of Mrs Churchill with her title, and Winston Churchill’s with his given name', async () => {
    const { tei, site: out } = await site({ 'letters.txt': 'London, May 3, 1941.\n\nWinston S. Churchill wrote to Mrs. Churchill from the country. Mrs. Churchill answered.\n' });
    const xml = readFileSync(join(tei, 'persons.xml'), 'utf8');
    assert.match(xml, /<person xml:id="churchill">\s*<persName type="main"><roleName type="honorific">Mrs\.<\/roleName><surname>Churchill<\/surname><\/persName>/);
    assert.match(xml, /<person xml:id="churchill-w">\s*<persName type="main"><forename>Winston<\/forename><surname>Churchill<\/surname><\/persName>/);
    assert.equal(h1(readFileSync(join(out, 'persons', 'churchill.html'), 'utf8')), 'Mrs. Churchill');
    assert.equal(h1(readFileSync(join(out, 'persons', 'churchill-w.html'), 'utf8')), 'Winston Churchill');
    const index = readFileSync(join(out, 'persons.html'), 'utf8');
    assert.ok(index.indexOf('Churchill, Mrs.') < index.indexOf('Churchill, Winston'), 'by surname, then what follows it');
  });

  it('names a person by title only where the title says more than "Mr": Lord Halifax, but Harriman', () => {
    const record = (over: Partial<PersonRecord>): PersonRecord => ({ id: 'x', page: 'x', names: [], idnos: [], facts: [], ...over });
    assert.equal(fullName(record({ surname: 'Halifax', title: 'Lord' })), 'Lord Halifax');
    assert.equal(sortName(record({ surname: 'Halifax', title: 'Lord' })), 'Halifax, Lord');
    assert.equal(fullName(record({ surname: 'Churchill', forenames: 'Winston', title: 'Mr.' })), 'Winston Churchill');
  });

  it('keeps a plain "Mr" out of the name unless another person has the surname', async () => {
    const { tei } = await site({ 'a.txt': 'Mr. Harriman called. Mr. Horner wrote to Mrs. Horner.\n' });
    const xml = readFileSync(join(tei, 'persons.xml'), 'utf8');
    assert.match(xml, /<persName type="main"><surname>Harriman<\/surname>/);
    assert.match(xml, /<persName type="main"><roleName type="honorific">Mr\.<\/roleName><surname>Horner<\/surname>/);
    assert.match(xml, /<persName type="main"><roleName type="honorific">Mrs\.<\/roleName><surname>Horner<\/surname>/);
  });

  it('publishes the review list as a page for editors, linked from the persons index', async () => {
    const { site: out } = await site({
      'a.txt': 'Sir Alexander Cagogan and R. A. Butler met. Later Sir Alexander Cadogan wrote.\n\nCharles Lyell wrote to Mrs. Lyell.\n',
      'b.txt': 'Eugene C. Stevens and John F. Stevens met.\n\nStevens left.\n',
      'c.txt': 'Stevens arrived.\n',
    });
    const index = readFileSync(join(out, 'persons.html'), 'utf8');
    assert.match(index, /<p class="editors">For editors: <a href="persons-review.html">persons to check<\/a>/);
    const review = readFileSync(join(out, 'persons-review.html'), 'utf8');
    assert.equal(h1(review), 'Persons to check');
    assert.match(review, /<strong>For editors\.<\/strong>/);
    assert.match(review, /<a href="persons\/cadogan-a.html">Alexander Cadogan<\/a> <span class="who">\(cadogan-a\)<\/span> “Cadogan” \/ <a href="persons\/cagogan-a.html">/);
    assert.match(review, /<a href="persons\/lyell.html">Mrs. Lyell<\/a>.*: a woman named by her title/);
    assert.match(review, /“Stevens” → <a href="persons\/stevens-[ej].html">/);
  });

  it('a review list edited into another shape gives no page, or the page without its broken entries; never a failure', async () => {
    const { tei, site: out } = await site({ 'a.txt': 'Charles Lyell wrote to Mrs. Lyell.\n' });
    const path = join(tei, 'persons-review.json');
    for (const [text, page] of [['{', false], ['[]', false], ['{"similar": 3}', false], ['{"similar": [{"ids": [1]}], "keptApart": [null, {"ids": ["lyell", "lyell-c"], "forms": ["a", "b"], "reason": "other-sex"}], "ambiguous": [], "merges": [{"id": "x", "form": "y", "rule": "no-such-rule"}]}', true]] as const) {
      writeFileSync(path, text);
      const again = join(out, '..', `site-${text.length}`);
      const report = await transform([tei], { to: 'html', outDir: again });
      assert.equal(report.diagnostics.filter((d) => d.severity === 'error').length, 0);
      assert.equal(existsSync(join(again, 'persons-review.html')), page, text);
      if (page) {
        const html = readFileSync(join(again, 'persons-review.html'), 'utf8');
        assert.match(html, /titles of the other sex/);
        assert.doesNotMatch(html, /no-such-rule/);
      }
    }
  });
});
