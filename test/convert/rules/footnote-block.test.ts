/** footnotes: note lines and their markers, footnote blocks cut into notes, references paired with notes. */
import assert from 'node:assert/strict';
import type { Block } from '../../../src/model/document.js';
import fc from 'fast-check';
import { ASCII_DIGIT, MARKER_CODE, cutFootnoteBlock, fromSuperscriptMarker, gluedNoteNumbers, pairNotes, parseNoteLine, referencedMarkers, splitFootnoteBlock, symbolReferences } from '../../../src/convert/rules/footnote-block.js';

describe('rules/footnote-block', () => {
  describe('parseNoteLine', () => {
    it('numbers, numbers with a letter, letters, symbols, superscripts', () => {
      assert.deepEqual(parseNoteLine('1. Oscar T. Crosby, delegate'), { n: '1', marker: '1.', textStart: 3 });
      assert.deepEqual(parseNoteLine('47a. Not printed.'), { n: '47a', marker: '47a.', textStart: 5 });
      assert.deepEqual(parseNoteLine('a. For regulations, see Final Protocol'), { n: 'a', marker: 'a.', textStart: 3 });
      assert.deepEqual(parseNoteLine('†. See Footnote (**)'), { n: '†', marker: '†.', textStart: 3 });
      assert.deepEqual(parseNoteLine('* It should be noted'), { n: '*', marker: '*', textStart: 2 });
      assert.deepEqual(parseNoteLine('⁴⁷ᵃ Not printed.'), { n: '47a', marker: '⁴⁷ᵃ', textStart: 4 });
    });

    it('a title or a sentence is not a note line', () => {
      assert.equal(parseNoteLine('Mr. Lansing said'), undefined);
      assert.equal(parseNoteLine('The Secretary of State'), undefined);
      assert.equal(parseNoteLine('* * * * * * *'), undefined);
    });
  });

  describe('fromSuperscriptMarker', () => {
    it('"⁴⁷ᵃ" is 47a', () => {
      assert.equal(fromSuperscriptMarker('⁴⁷ᵃ'), '47a');
      assert.equal(fromSuperscriptMarker('¹²'), '12');
    });
  });

  describe('cutFootnoteBlock', () => {
    it('note texts on consecutive lines are each their own note', () => {
      assert.deepEqual(cutFootnoteBlock(['1. Oscar T. Crosby, delegate.', '2. Albert Rathbone, Assistant Secretary of the Treasury.']), {
        notes: [
          { n: '1', first: 0, last: 0 },
          { n: '2', first: 1, last: 1 },
        ],
      });
    });

    it('a repeated number (numbers restart per page) is a new note', () => {
      assert.deepEqual(cutFootnoteBlock(['1. Ante, p. 77.', '2. Not printed.', '1. Vol. ii, p. 122.'])!.notes.map((n) => n.n), ['1', '2', '1']);
    });

    it('hard-wrapped lines continue their note; a wrapped year is not a marker when references are known', () => {
      const lines = ['1. See the telegram of May 10,', '1934. from the Minister, printed', 'post, p. 4.', '2. Not printed.'];
      assert.deepEqual(cutFootnoteBlock(lines, new Set(['1', '2'])), {
        notes: [
          { n: '1', first: 0, last: 2 },
          { n: '2', first: 3, last: 3 },
        ],
      });
    });

    it('an unnumbered source note at the top of the block', () => {
      assert.deepEqual(cutFootnoteBlock(['Source: National Archives, RG 59.', '1. Not printed.']), { sourceNote: { first: 0, last: 0 }, notes: [{ n: '1', first: 1, last: 1 }] });
    });

    it('a paragraph is not a footnote block', () => {
      assert.equal(cutFootnoteBlock(['The Minister called on me today.', 'He said nothing new.', 'Nor did I.', '1. Not printed.']), undefined);
    });
  });

  describe('pairNotes', () => {
    it('each reference takes the first unused note of its number after it', () => {
      const refs = [
        { n: '1', at: 10 },
        { n: '2', at: 20 },
        { n: '1', at: 30 },
      ];
      const notes = [
        { n: '1', at: 100 },
        { n: '2', at: 101 },
        { n: '1', at: 102 },
      ];
      assert.deepEqual(pairNotes(refs, notes), [0, 1, 2]);
    });

    it('a note printed before its reference (at a page foot) is taken when none follows; a reference without a note gets -1', () => {
      assert.deepEqual(pairNotes([{ n: '3', at: 50 }, { n: '4', at: 60 }], [{ n: '3', at: 40 }]), [0, -1]);
    });
  });

  describe('symbolReferences', () => {
    it('finds a symbol glued to a word or a full stop, not omission stars', () => {
      assert.deepEqual(symbolReferences('change for dollar debt service*; but this', '*'), [30]);
      assert.deepEqual(symbolReferences('available in the free market.† By reason', '†'), [29]);
      assert.deepEqual(symbolReferences('* * * * * * *', '*'), []);
    });
  });
});

describe('rules/footnote-block: blocks', () => {
  const block = (lines: string[], line = 20): Block => ({ kind: 'p', line, endLine: line + lines.length - 1, lines, column: 1, inlines: [] });

  it('splitFootnoteBlock: one noteBody per note, with its number, marker and lines', () => {
    const parts = splitFootnoteBlock(block(['Source: Department of State files.', '1. Oscar T. Crosby.', '2. Albert Rathbone.']), new Set(['1', '2']))!;
    assert.deepEqual(
      parts.map((b) => [b.kind, b.n, b.marker, b.line, b.lines]),
      [
        ['sourceNote', undefined, undefined, 20, ['Source: Department of State files.']],
        ['noteBody', '1', '1.', 21, ['1. Oscar T. Crosby.']],
        ['noteBody', '2', '2.', 22, ['2. Albert Rathbone.']],
      ],
    );
  });

  it('splitFootnoteBlock: a running head where the page turned between two notes stands between them', () => {
    const head: Block = { kind: 'runningHead', line: 12, endLine: 12, lines: ['RUSSIA  171'], column: 1, inlines: [], n: '171' };
    const pieces = [[{ offset: 0, line: 10, column: 1 }], [{ offset: 0, line: 14, column: 1 }]];
    const b: Block = { ...block(['1. Not printed.', '2. Russian Minister of Ways of Communication.'], 10), endLine: 14, pieces, pageBreaks: [{ at: 1, offset: 0, head }] };
    const parts = splitFootnoteBlock(b, new Set(['1', '2']))!;
    assert.deepEqual(parts.map((p) => [p.kind, p.lines[0]]), [
      ['noteBody', '1. Not printed.'],
      ['runningHead', 'RUSSIA  171'],
      ['noteBody', '2. Russian Minister of Ways of Communication.'],
    ]);
    assert.equal(parts[2]!.pageBreaks, undefined);
  });

  it('splitFootnoteBlock: a numbered paragraph the text never refers to stays a paragraph', () => {
    assert.equal(splitFootnoteBlock(block(['27. Your 37, March 27, 10 a.m., paragraph 11.']), new Set(['1'])), undefined);
  });

  it('referencedMarkers: superscripts with letters, and symbols glued to a word', () => {
    assert.deepEqual([...referencedMarkers('as stated.¹ See the note⁴⁷ᵃ and the market.† But * * * not these')].sort(), ['1', '47a', '†']);
  });
});

describe('rules/footnote-block gluedNoteNumbers (property)', () => {
  it('finds the numbers (?<=[\\p{Ll}.,;:)’”\'"])(\\d{1,3})(?=[\\s,;]|$) finds', () => {
    const pieces = fc.constantFrom('a', 'Z', 'é', 'ж', '𝔞', '.', ',', ';', ':', ')', '’', '”', "'", '"', ' ', '\n', '\u00a0', '\u2003', '0', '1', '7', '12', '007', '1234', '-', '\ud835', '\udc1a');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(/(?<=[\p{Ll}.,;:)’”'"])(\d{1,3})(?=[\s,;]|$)/gu)].map((m) => String(Number(m[1])));
        assert.deepEqual(gluedNoteNumbers(text), expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads "the message.1 He said" and "Government,12 and", not "1918" or "p. 210"', () => {
    assert.deepEqual(gluedNoteNumbers('the message.1 He said'), ['1']);
    assert.deepEqual(gluedNoteNumbers('Government,12 and June 11, 1918, p. 210'), ['12']);
  });
});

describe('rules/footnote-block: the characters a reference needs (property)', () => {
  it('a text without a digit has no glued number; one without a marker character refers to no marker', () => {
    const characters = fc.constantFrom('a', 'A', '.', ',', ' ', '1', '¹', '²', '⁴', 'ᵃ', 'ᶜ', 'ᵍ', '*', '†', '‡', '§', 'ǁ', '‖', '¶', ';', ')', 'é', '\n');
    let withRefs = 0;
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        if (!ASCII_DIGIT.test(text)) assert.deepEqual(gluedNoteNumbers(text), []);
        if (!MARKER_CODE.test(text)) assert.equal(referencedMarkers(text).size, 0);
        if (referencedMarkers(text).size > 0) withRefs++;
      }),
      { numRuns: 3000 },
    );
    assert.ok(withRefs > 100);
  });
});
