/**
 * duplicates: a second OCR pass of a passage is kept but marked as a witness of the passage it repeats
 * (duplicateOf, TEI-CONV-005 with both places); short or unrelated paragraphs are
 * left alone.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { comparedWords } from '../../../src/convert/passes/duplicates.js';
import { codes, kinds, onlyDoc, runUpTo } from './run-passes.js';

const para = (s: string) => `${s}\n\n`;
const ORIGINAL = 'At the banquet last night the Marshal proposed a toast to the health of the President and spoke warmly of the friendship between our peoples.';
const GARBLED = 'At the bandage last night the Marshal proposed a toast to the wealth of the President and spoke warmly of the friendship between our peoples.';

function duplicates(text: string) {
  const run = runUpTo(text, 'duplicates');
  return { doc: onlyDoc(run), diagnostics: run.diagnostics };
}

/** [line of the block, line of what it repeats] for each marked block. */
const marked = (doc: ReturnType<typeof duplicates>['doc']) => doc.blocks.filter((b) => b.duplicateOf).map((b) => [b.line, b.duplicateOf!.line]);

describe('passes/duplicates', () => {
  it('marks the garbled second pass as a duplicate of the original', () => {
    const { doc, diagnostics } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para('The weather was cold.') + GARBLED + '\n');
    assert.deepEqual(marked(doc), [[7, 3]]);
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-005', 7, 1]]);
    assert.deepEqual(diagnostics[0]!.related, [{ file: 't.txt', line: 3, column: 1 }]);
    assert.equal(diagnostics[0]!.severity, 'info');
  });

  it('keeps the duplicate’s text and kind: it is marked, not removed', () => {
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + GARBLED + '\n');
    assert.deepEqual(kinds(doc).map(([k]) => k).slice(-2), ['p', 'p']);
    assert.deepEqual(doc.blocks.at(-1)!.lines, [GARBLED]);
  });

  it('takes the passage that interrupts running text for the duplicate, even when it comes first', () => {
    const { doc, diagnostics } = duplicates(
      para('Dear Sir,') +
        para('We spoke for an hour about the matters that concern both our countries, and') + //  3
        para(GARBLED) + //                                                                          5
        para('in particular the supply route through Persia.') + //                                 7
        ORIGINAL + '\n', //                                                                         9
    );
    assert.deepEqual(marked(doc), [[5, 9]]);
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-005', 5, 1]]);
  });

  it('marks the closing and signature that follow a duplicate passage and repeat the earlier ones', () => {
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para('Yours sincerely,') + para('J. STALIN') + para(GARBLED) + para('Yours sincerely,') + 'J. STALIN\n');
    assert.deepEqual(marked(doc), [[9, 3], [11, 5], [13, 7]]);
  });

  it('does not mark short paragraphs, however alike', () => {
    const short = 'The Marshal proposed a toast to the President.';
    const { doc, diagnostics } = duplicates(para(short) + para('Something else entirely.') + short + '\n');
    assert.deepEqual(marked(doc), []);
    assert.deepEqual(diagnostics, []);
  });

  it('does not mark unrelated paragraphs that share a few phrases', () => {
    const other = 'The Marshal proposed a toast to the Red Army and then the conversation turned to the supply of aircraft through Archangel.';
    const { doc, diagnostics } = duplicates(para(ORIGINAL) + other + '\n');
    assert.deepEqual(marked(doc), []);
    assert.deepEqual(diagnostics, []);
  });

  it('compares only paragraphs and postscripts', () => {
    const { doc } = duplicates(para(ORIGINAL) + `¹ ${ORIGINAL}\n`);
    assert.equal(doc.blocks.at(-1)!.kind, 'noteBody');
    assert.deepEqual(marked(doc), []);
  });

  it('points each of several duplicates at its own original', () => {
    const second = 'The Prime Minister then spoke of the convoys to Murmansk and of the losses they had suffered in the summer months of that year.';
    const secondGarbled = 'The Prime Minister then spoke of the convoys to Murmansk and of the bosses they had suffered in the summer mouths of that year.';
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(second) + para(GARBLED) + secondGarbled + '\n');
    assert.deepEqual(marked(doc), [[7, 3], [9, 5]]);
  });

  it('in a long document of formulaic prose, still finds a second pass beside its original', () => {
    // Thousands of paragraphs sharing the same phrases: past its budget the pass compares a common trigram only
    // across the blocks nearest each one, and a repeat standing next to its original is still found.
    const words = (i: number) => Array.from({ length: 15 }, (_, k) => `word${i}n${k}`).join(' ');
    const paras = Array.from({ length: 3000 }, (_, i) => para(`The Secretary of State informed the Ambassador that ${words(i)}.`));
    paras.splice(1500, 0, para(ORIGINAL), para(GARBLED));
    const text = paras.join('');
    const { doc } = duplicates(text);
    const line = (p: string) => text.slice(0, text.indexOf(p)).split('\n').length;
    assert.deepEqual(marked(doc), [[line(GARBLED), line(ORIGINAL)]]);
  });
});

describe('duplicates: the words compared (property)', () => {
  it('are what [\\p{L}\\d]+ matches in the lower-cased text', () => {
    const characters = fc.constantFrom('a', 'Z', 'é', 'İ', 'ß', 'Ж', '中', '𝔄', '7', "'", '’', '-', '.', ' ', '\n', '\u0301', '\ud835', '\udc00', '٣');
    const strings = fc.oneof(fc.array(characters, { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(strings, (text) => assert.deepEqual(comparedWords(text), text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [])),
      { numRuns: 2000 },
    );
  });
});
