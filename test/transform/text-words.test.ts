/**
 * Property: every word of a document's TEI reading text is in its plain-text derivative (and the words of
 * debris are not). The reading text is computed here independently of the transform, with fast-xml-parser,
 * from the rule in docs/encoding.md: everything in <text> except duplicate OCR passes, forme work and
 * marginalia; a footnote's printed <label> is replaced by our own number.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { teiDoc } from './arbitraries.js';
import { XMLParser } from 'fast-xml-parser';
import { transform } from '../../src/transform/index.js';
import { cleanup, EDITION_TEI, FIXTURE_CONFIG, FIXTURE_TEI, listFiles, skipBecause, tempDir } from './helpers.js';

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true });

function isDebris(name: string, attrs: Record<string, string>): boolean {
  return name === 'fw' || (name === 'note' && (attrs.type === 'duplicate' || attrs.type === 'marginal'));
}

/** Elements that stand on lines of their own (docs/encoding.md); footnotes move to the end. */
const BLOCKS = new Set(['head', 'p', 'div', 'opener', 'closer', 'dateline', 'salute', 'signed', 'byline', 'postscript', 'note', 'address', 'addrLine', 'ab', 'list', 'item', 'lg', 'l', 'quote', 'body', 'front', 'back', 'text', 'table', 'row', 'cell']);

/** The words of the reading text of a TEI document, in order. */
export function readingWords(xml: string): string[] {
  const parts: string[] = [];
  const visit = (nodes: Ordered[], parent: string): void => {
    for (const n of nodes) {
      const attrs = n[':@'] ?? {};
      const name = Object.keys(n).find((k) => k !== ':@')!;
      if (name === '#text') {
        parts.push(String(n['#text']));
        continue;
      }
      if (name === 'teiHeader' || name === '?xml' || isDebris(name, attrs) || (name === 'label' && parent === 'note')) continue;
      if (name === 'lb') {
        parts.push(attrs.break === 'no' ? '\u0001' : ' ');
        continue;
      }
      // a block starts a new line; inline elements join their neighbours (`<persName>Eden</persName>'s`)
      const sep = BLOCKS.has(name) ? ' ' : '';
      parts.push(sep);
      visit(n[name] as Ordered[], name);
      parts.push(sep);
    }
  };
  visit(parser.parse(xml) as Ordered[], '');
  return words(parts.join('').replace(/-\u0001\s*(?=\p{Ll})/gu, '').replace(/\u0001\s*/g, ''));
}

/** Words as the property compares them: letters and digits, punctuation stripped. */
export function words(s: string): string[] {
  // footnote markers ([1]) are written against the word they follow
  return s.split(/[\s[\]]+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
}

function missingWords(tei: string[], text: string): string[] {
  const have = new Map<string, number>();
  for (const w of words(text)) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of tei) {
    const n = have.get(w) ?? 0;
    if (n === 0) missing.push(w);
    else have.set(w, n - 1);
  }
  return missing;
}

describe('transform text: no word of the reading text is lost', function () {
  this.timeout(60000);
  after(cleanup);

  it('holds for generated documents (fast-check)', async () => {
    const dir = tempDir();
    const src = join(dir, 'tei', 'gen');
    mkdirSync(src, { recursive: true });
    writeFileSync(
      join(dir, 'tei', 'persons.xml'),
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><listPerson><person xml:id="p1"><persName>P. One</persName></person></listPerson></body></text></TEI>',
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(teiDoc, async (xml) => {
        const file = join(src, '000.xml');
        writeFileSync(file, xml);
        const out = join(dir, `out-${run++}`);
        const report = await transform([src], { to: 'text', outDir: out, config: FIXTURE_CONFIG });
        assert.deepEqual(report.diagnostics, []);
        const text = readFileSync(join(out, 'text/generated.txt'), 'utf8');
        assert.deepEqual(missingWords(readingWords(xml), text), []);
        for (const line of text.split('\n')) assert.ok(line.length <= 72 || !line.trim().includes(' '), `line over 72 columns: ${line}`);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the words of debris out (the fixture letter)', async () => {
    const out = tempDir();
    await transform([FIXTURE_TEI], { to: 'text', outDir: out, config: FIXTURE_CONFIG });
    const text = readFileSync(join(out, 'text/1944-09-24-wilson-to-eden.txt'), 'utf8');
    for (const debris of ['po1icy', 'Wor1d', '0rganisation', 'will/', '-2-', './11', 'N 5713/183/38']) assert.ok(!text.includes(debris), debris);
    assert.match(text, /\n\[1\] Sargent noted/);
  });

  it('holds for every document of the edition (tei/)', async function () {
    if (!listFiles(FIXTURE_TEI).length || !(await import('node:fs')).existsSync(join(EDITION_TEI, 'persons.xml'))) return skipBecause(this, 'tei/ not converted yet');
    const out = tempDir();
    const report = await transform([EDITION_TEI], { to: 'text', outDir: out, config: FIXTURE_CONFIG });
    const failures: string[] = [];
    for (const f of listFiles(EDITION_TEI)) {
      if (!f.includes('/')) continue;
      const id = f.replace('/', '-').replace(/\.xml$/, '');
      let text: string;
      try {
        text = readFileSync(join(out, 'text', `${id}.txt`), 'utf8');
      } catch {
        continue; // a document the transform reported and left out
      }
      const missing = missingWords(readingWords(readFileSync(join(EDITION_TEI, f), 'utf8')), text);
      if (missing.length) failures.push(`${f}: ${missing.slice(0, 5).join(' ')}`);
    }
    assert.ok(report.documents > 0);
    assert.deepEqual(failures, []);
  });
});
