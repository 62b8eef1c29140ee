/**
 * Layout rules of documentary editions, one line at a time: archive references above heads, enclosure
 * markers, document heads, division heads, footnote lines.
 */
import assert from 'node:assert/strict';
import { isBracketedLine, isEnclosureMarker, isFileNumberLine } from '../../../src/convert/rules/source-note.js';
import fc from 'fast-check';
import { isDocumentHeadShape, isPartyPhrase, readsAsHead, stripHeadMarkers } from '../../../src/convert/rules/document-head.js';
import { readFileSync, readdirSync } from 'node:fs';
import { readBlocks, blockText } from '../../../src/convert/readers/blocks.js';
import { decodeSource } from '../../../src/convert/readers/decode.js';
import { divisionHeadStrength, divisionNumber, isNameLike } from '../../../src/convert/rules/division-head.js';
import { isFootnoteBlock, noteLineMarker, superscriptMarkers } from '../../../src/convert/rules/footnote-block.js';

describe('rules/source-note', () => {
  it('reads archive references in the shapes editions print above heads', () => {
    for (const t of [
      'File No. 711.42/17',
      'File No. 500.C/3b',
      'File Nos. 123.45/6, 7a, and 8',
      '812.00 Tampico/41: Telegram',
      '721.5 Boundary/9a: Circular telegram',
      '362.1161 Visa/12 supp.: Telegram (part air)',
      '611.4731/300',
      '744. F Trade Agreement/4: Telegram',
      'Treaty Series No. 912',
      'Executive Agreement Series No. 12',
    ]) {
      assert.ok(isFileNumberLine(t), t);
    }
  });

  it('does not read a sentence, a paragraph number or a date as a reference', () => {
    for (const t of ['103. Department’s telegram of June 3.', 'See file 711.42/17 for the rest.', 'No. 45', 'June 3, 1922.', 'Your 711.42/17 received; reply follows.']) {
      assert.ok(!isFileNumberLine(t), t);
    }
  });

  it('reads enclosure and annex markers, not bracketed notes', () => {
    for (const t of ['[Enclosure]', '[Subenclosure]', '[Enclosure 2—Translation]', '[Inclosure 1 in No. 12—Translation.]', 'Annex No. 4.']) assert.ok(isEnclosureMarker(t), t);
    for (const t of ['[Telegram]', '[Received June 4, 9 a.m.]', 'Enclosure of the garden was discussed at length.']) assert.ok(!isEnclosureMarker(t), t);
    assert.ok(isBracketedLine('[Paraphrase]'));
    assert.ok(!isBracketedLine('[Paraphrase] of a telegram'));
  });
});

describe('rules/document-head', () => {
  it('takes heads naming their parties, with offices, names in brackets and footnote markers', () => {
    for (const t of [
      'The Minister in Chile (Norton) to the Secretary of State',
      'The Acting Secretary of State to the Chargé in Peru (Ware)²',
      'Mr. Foster to Mr. Blaine.',
      'Baron Kurino to the Secretary of State',
      'The Secretary of State to All Diplomatic Missions in Europe, Except Spain',
      'Mr. Blaine to the United States consul at Callao.',
      'Telegram From the Embassy in Chile to the Department of State',
    ]) {
      assert.ok(isDocumentHeadShape(t), t);
    }
  });

  it('takes heads naming a kind of document', () => {
    for (const t of ['Memorandum by the Under Secretary of State (Grew)', 'Memorandum.', 'Treaty of Commerce Between the United States and Chile', 'Circular note of May 2, 1899, to the consuls in Chile.', 'Editorial Note']) {
      assert.ok(isDocumentHeadShape(t), t);
    }
  });

  it('refuses sentences that happen to hold "to"', () => {
    for (const t of [
      'Repeated to Lima and Quito.',
      'The Committee asked the President to reply at once.',
      'The resolution in question had been sent to Blaine by the Consul.',
      'Agreement on the frontier having thus been reached, I beg you to inform the Minister.',
      'The Minister in Chile to the Secretary of State, saying:',
      'Commissioner of the United States to Chile, Santiago, March 2, 1899.',
    ]) {
      assert.ok(!isDocumentHeadShape(t), t);
    }
  });

  it('a sender is strictly a party; an addressee may carry an office in lower case', () => {
    assert.ok(isPartyPhrase('The Ambassador in Chile (Norton)', true));
    assert.ok(!isPartyPhrase('The Committee asked the President', true));
    assert.ok(isPartyPhrase('the United States consul at Callao'.replace(/^the/, 'The'), false));
  });
});

describe('rules/division-head', () => {
  it('numbered and introducing titles are strong', () => {
    for (const t of ['Chapter IV. Claims', 'Part II', 'III. Efforts of the powers to settle the dispute', 'Boundary disputes:']) assert.equal(divisionHeadStrength(t), 'strong', t);
  });

  it('the number a division head prints, and none for a name after an initial', () => {
    assert.equal(divisionNumber('Chapter II. Efforts to Stabilize Russian Currency'), 'II');
    assert.equal(divisionNumber('Part 3'), '3');
    assert.equal(divisionNumber('III. Arms embargo under the auspices of the League of Nations'), 'III');
    assert.equal(divisionNumber('V. Macchi di Cellere'), undefined);
    assert.equal(divisionNumber('Chaco dispute between Bolivia and Paraguay:'), undefined);
  });

  it('a name after an initial is not a roman-numbered title', () => {
    assert.equal(divisionHeadStrength('V. Macchi di Cellere'), 'weak');
    assert.equal(divisionHeadStrength('L. S. Rowe'), 'weak');
  });

  it('formulas, sentences, note lines and dates are not titles', () => {
    for (const t of ['I have [etc.]', 'Respect this!', '1. Not printed.', '[Telegram]', 'August 1922.', '(He asks for instructions.)', 'Note.—The reply was sent by mail.']) {
      assert.equal(divisionHeadStrength(t), undefined, t);
    }
  });

  it('names alone look like signatures', () => {
    assert.ok(isNameLike('Hughes'));
    assert.ok(isNameLike('C[harles] E. H[ughes]'));
    assert.ok(!isNameLike('Boundary dispute between Chile and Peru'));
  });
});

describe('rules/footnote-block', () => {
  it('reads note markers of lines and of superscripts', () => {
    assert.equal(noteLineMarker('12a. Not printed.'), '12a');
    assert.equal(noteLineMarker('*. See ante.'), '*');
    assert.equal(noteLineMarker('The 3. item'), undefined);
    assert.deepEqual([...superscriptMarkers('the Minister¹ and the Consul⁴⁷ᵃ said* so')], ['1', '47a', '*']);
  });

  it('a footnote block is note lines only, the first referred to when markers are given', () => {
    assert.ok(isFootnoteBlock(['1. Not printed.', '2. See ante, p. 4.']));
    assert.ok(!isFootnoteBlock(['1. Not printed.', 'A paragraph.']));
    assert.ok(!isFootnoteBlock(['103. Your telegram of June 3.'], new Set(['1'])));
  });
});

describe('rules/document-head: stripHeadMarkers (property)', () => {
  it('strips what the trailing markers expression strips', () => {
    const characters = fc.constantFrom('a', 'S', ' ', '\t', '\u00a0', '¹', '²', 'ᵃ', '*', '†', '‡', '§', '.', '𝔄', '\ud835', '\udc00');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        assert.equal(stripHeadMarkers(text), text.replace(/[\s⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉ*†‡§]+$/u, '').trim());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('rules/document-head: the early answer (property)', () => {
  // isDocumentHeadShape answers most paragraphs from the printed text (no capital first, or neither " to " nor a kind
  // of document at the start) before cleaning it; readsAsHead is the full reading. They must always agree.
  const word = fc.constantFrom('The', 'the', 'Secretary', 'of', 'State', 'to', 'To', 'Mr.', 'Foster', 'Memorandum', 'memorandum', 'MEMORANDUM', 'Circular', 'note', 'Treaty', 'by', 'Ambassador', 'in', 'Chile', '(Norton)', 'asked', 'I', 'beg', 'you', 'Exchange', 'Notes', 'Aide-Mémoire', 'Editorial', 'Note', 'From', 'Embassy', '1899', 'Repeated', 'Lima');
  const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\u00a0', '\n', ' *', '* ', '', ', ', '. ', ': ');
  const end = fc.constantFrom('', '.', '¹', '²ᵃ', ' *', '†', ':', ',', '. The Committee asked.', '—', '  ');
  const lead = fc.constantFrom('', ' ', '\t', '\u00a0 ', '*', '“', '(', '1. ');
  const text = fc.tuple(lead, fc.array(fc.tuple(word, gap), { maxLength: 14 }), end).map(([l, ws, e]) => l + ws.map(([w, g]) => w + g).join('') + e);

  it('agrees with the full reading on generated heads, sentences and their spacing', () => {
    fc.assert(
      fc.property(text, (t) => {
        assert.equal(isDocumentHeadShape(t), readsAsHead(t), JSON.stringify(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the full reading on every block of the seed sources', () => {
    const dir = new URL('../../../../sources/', import.meta.url);
    let heads = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const { source } = decodeSource(readFileSync(new URL(file, dir)), file, file);
      for (const b of readBlocks(source)) {
        const t = blockText(b);
        assert.equal(isDocumentHeadShape(t), readsAsHead(t), t);
        if (readsAsHead(t)) heads++;
      }
    }
    assert.ok(heads > 0);
  });
});
