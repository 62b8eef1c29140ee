/**
 * A despatch with its enclosures (docs/encoding.md: `<div type="covering">` then `<div type="enclosure">`, a
 * subenclosure inside its enclosure): the reading view sets each enclosure apart as a section of its own after
 * the covering letter, its heading one level below the covering letter's; the text export keeps the order and
 * each enclosure's head, dateline and signature on lines of their own.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from '../../src/transform/index.js';
import { cleanup, tempDir } from './helpers.js';

const DESPATCH = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Norton to the Secretary of State, 20 July 1922</title></titleStmt>
<publicationStmt><publisher>Test</publisher></publicationStmt><sourceDesc><bibl type="digital"><title>Test</title><idno type="source">despatch.txt#L1-L30</idno></bibl></sourceDesc></fileDesc>
<profileDesc><textClass><keywords><term type="kind">letter</term></keywords></textClass></profileDesc></teiHeader>
<text xml:lang="en"><body>
<div type="covering">
<head>The Minister in Chile (Norton) to the Secretary of State</head>
<opener><dateline>Santiago, <date when="1922-07-20">July 20, 1922</date>.</dateline></opener>
<p>Sir: I have the honor to enclose a copy of the note of the Minister for Foreign Affairs.</p>
<closer><salute>I have [etc.]</salute><signed>Norton</signed></closer>
</div>
<div type="enclosure" n="1">
<div type="covering">
<note type="source">[Enclosure 1—Translation]</note>
<head>The Chilean Minister for Foreign Affairs (Barros) to the American Minister (Norton)</head>
<opener><dateline>Santiago, <date when="1922-07-18">July 18, 1922</date>.</dateline></opener>
<p>Mr. Minister: The delegates will be at Valparaiso on the first of August.</p>
<closer><signed>Barros</signed></closer>
</div>
<div type="enclosure">
<note type="source">[Subenclosure]</note>
<head>Memorandum of the Chilean Delegation</head>
<p>The delegation will be composed of two members.</p>
</div>
</div>
</body></text></TEI>
`;

describe('transform: enclosures', function () {
  this.timeout(30000);
  after(cleanup);

  function edition(): string {
    const tei = tempDir();
    mkdirSync(join(tei, 'despatch'));
    writeFileSync(join(tei, 'despatch', '000.xml'), DESPATCH);
    return tei;
  }

  it('html: each enclosure a section of its own, a subenclosure inside its enclosure, headings one level below the covering letter’s', async () => {
    const site = tempDir();
    await transform([edition()], { to: 'html', outDir: site });
    const page = readdirSync(join(site, 'documents')).find((f) => f.endsWith('.html'))!;
    const html = readFileSync(join(site, 'documents', page), 'utf8');
    const reading = html.slice(html.indexOf('<section class="div div-covering">'));
    const order = ['div div-covering', 'h2', 'Norton</p>', 'div div-enclosure', 'div div-covering', '[Enclosure 1—Translation]', 'h3', 'Barros', 'div div-enclosure', '[Subenclosure]', 'h3', 'Memorandum of the Chilean Delegation'];
    let at = 0;
    for (const piece of order) {
      const found = reading.indexOf(piece, at);
      assert.ok(found >= 0, `${piece} after offset ${at}`);
      at = found + piece.length;
    }
    // the subenclosure's section closes inside the enclosure's
    assert.match(reading, /The delegation will be composed of two members\.<\/p>\s*<\/section>\s*<\/section>/);
    assert.match(readFileSync(join(site, 'assets', 'chancery.css'), 'utf8'), /\.div-enclosure \{/);
  });

  it('text: the covering letter, then each enclosure with its marker, head, dateline, text and signature', async () => {
    const out = tempDir();
    await transform([edition()], { to: 'text', outDir: out });
    const file = readdirSync(join(out, 'text'))[0]!;
    // Blocks stand apart, their lines wrapped at 72 columns.
    const lines = readFileSync(join(out, 'text', file), 'utf8')
      .split(/\n\s*\n/)
      .map((block) => block.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const wanted = [
      'The Minister in Chile (Norton) to the Secretary of State',
      'Norton',
      '[Enclosure 1—Translation]',
      'The Chilean Minister for Foreign Affairs (Barros) to the American Minister (Norton)',
      'Santiago, July 18, 1922.',
      'Mr. Minister: The delegates will be at Valparaiso on the first of August.',
      'Barros',
      '[Subenclosure]',
      'Memorandum of the Chilean Delegation',
      'The delegation will be composed of two members.',
    ];
    let at = 0;
    for (const line of wanted) {
      const found = lines.indexOf(line, at);
      assert.ok(found >= 0, `"${line}" a block of its own, after block ${at}`);
      at = found + 1;
    }
  });
});
