/** transform/reading: the reading text and the joining of broken words give the same, whole or in pieces. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BrokenWordJoiner, joinBrokenWords, ReadingLines, readingText } from '../../src/transform/reading.js';
import { parseTei } from '../../src/transform/tei-tree.js';
import { walkText } from '../../src/transform/text-events.js';

describe('reading text in pieces', () => {
  it('BrokenWordJoiner gives what joinBrokenWords gives the pieces joined, wherever they are cut', () => {
    // hyphens, word breaks, white space, lower and upper case (ASCII and beyond), markup
    const piece = fc.string({ unit: fc.constantFrom('-', '\u0001', ' ', '\n', 'a', 'B', 'é', 'É', '<b>'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (pieces, batch) => {
        const hyphen = (): string => '<span class="hyph">-</span>';
        const out: string[] = [];
        const joiner = new BrokenWordJoiner((s) => out.push(s), hyphen, batch);
        for (const p of pieces) joiner.push(p);
        joiner.end();
        assert.equal(out.join(''), joinBrokenWords(pieces.join(''), hyphen));
      }),
    );
  });

  it('ReadingLines over the events of a text gives the reading text of the whole', () => {
    const xml =
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><front><head>Front</head></front><body>' +
      '<head>Title</head>loose <hi>text</hi><div><p>One neces-<lb break="no"/>sary <fw>12</fw>word.</p><div><p>Two<note place="foot"><label>1</label>A note.</note> lines<lb/>here.</p></div></div>' +
      '<p>Three <note type="duplicate">Tbree</note></p></body></text></TEI>';
    const tei = parseTei(xml, 't.xml').root!;
    const lines: string[] = [];
    const reader = new ReadingLines((l) => lines.push(l));
    walkText(tei, (el) => ['body', 'front', 'div'].includes(el.name), reader);
    reader.end();
    const whole = readingText(tei.children.find((c) => c.type === 'element' && c.name === 'text') as Parameters<typeof readingText>[0]);
    assert.equal(lines.join('\n'), whole);
    assert.equal(whole, 'Front\nTitle\nloose text\nOne necessary word.\nTwo\nA note.\nlines here.\nThree');
  });
});
