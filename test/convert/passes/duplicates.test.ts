/**
 * duplicates: a second OCR pass of a passage is kept but marked as a witness of the passage it repeats
 * (duplicateOf, TEI-CONV-005 with both places) when it repeats a stretch of the page; short or unrelated
 * paragraphs, and formulas (a passage repeated alone, or under a new heading), are left alone.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Block } from '../../../src/model/document.js';
import { MAX_INDEX_WORK, findDuplicatePassages } from '../../../src/convert/passes/duplicates.js';
import { comparedWords } from '../../../src/convert/readers/letter-class.js';
import { plainText } from '../../../src/convert/readers/blocks.js';
import { codes, kinds, onlyDoc, runUpTo } from './run-passes.js';

const para = (s: string) => `${s}\n\n`;
const ORIGINAL = 'At the banquet last night the Marshal proposed a toast to the health of the President and spoke warmly of the friendship between our peoples.';
const GARBLED = 'At the bandage last night the Marshal proposed a toast to the wealth of the President and spoke warmly of the friendship between our peoples.';
const NEXT = 'The Prime Minister then spoke of the convoys to Murmansk and of the losses they had suffered in the summer months of that year.';
const NEXT_GARBLED = 'The Prime Minister then spoke of the convoys to Murmansk and of the bosses they had suffered in the summer mouths of that year.';

function duplicates(text: string) {
  const run = runUpTo(text, 'duplicates');
  return { doc: onlyDoc(run), diagnostics: run.diagnostics };
}

/** [line of the block, line of what it repeats] for each marked block. */
const marked = (doc: ReturnType<typeof duplicates>['doc']) => doc.blocks.filter((b) => b.duplicateOf).map((b) => [b.line, b.duplicateOf!.line]);

describe('passes/duplicates', () => {
  // A second scan repeats a stretch of the page: here the two paragraphs ORIGINAL and NEXT, misread.
  it('marks the garbled second pass of two paragraphs as duplicates of the originals', () => {
    const { doc, diagnostics } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para('The weather was cold.') + para(GARBLED) + NEXT_GARBLED + '\n');
    assert.deepEqual(marked(doc), [[9, 3], [11, 5]]);
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-005', 9, 1], ['TEI-CONV-005', 11, 1]]);
    assert.deepEqual(diagnostics[0]!.related, [{ file: 't.txt', line: 3, column: 1 }]);
    assert.equal(diagnostics[0]!.severity, 'info');
  });

  it('keeps the duplicate’s text and kind: it is marked, not removed', () => {
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para(GARBLED) + NEXT_GARBLED + '\n');
    assert.deepEqual(marked(doc), [[7, 3], [9, 5]]);
    assert.deepEqual(kinds(doc).map(([k]) => k).slice(-2), ['p', 'p']);
    assert.deepEqual(doc.blocks.at(-2)!.lines, [GARBLED]);
  });

  it('takes the passage that interrupts running text for the duplicate, even when it comes first', () => {
    const { doc, diagnostics } = duplicates(
      para('Dear Sir,') +
        para('We spoke for an hour about the matters that concern both our countries, and') + //  3
        para(GARBLED) + //                                                                          5
        para(NEXT_GARBLED) + //                                                                     7
        para('in particular the supply route through Persia.') + //                                 9
        para(ORIGINAL) + //                                                                        11
        NEXT + '\n', //                                                                            13
    );
    assert.deepEqual(marked(doc), [[5, 11], [7, 13]]);
    assert.deepEqual(codes(diagnostics), [['TEI-CONV-005', 5, 1], ['TEI-CONV-005', 7, 1]]);
  });

  it('marks one repeated block that holds the end of a paragraph and the next: the page ran on across the break', () => {
    // The shape of the seed letter's second scan: the original's paragraphs end and begin elsewhere on the page.
    const tail = 'We then turned to the question of the frontiers and the Marshal said that he would not sign any agreement that left them open.';
    const { doc } = duplicates(para('Dear Sir,') + para(`${ORIGINAL} ${tail}`) + para(NEXT) + para('Yours sincerely,') + para('J. STALIN') + `${tail.replace('frontiers', 'frontlers')} ${NEXT_GARBLED}\n`);
    assert.deepEqual(marked(doc), [[11, 3]]);
  });

  it('marks the closing and signature that follow a duplicate passage and repeat the earlier ones', () => {
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para('Yours sincerely,') + para('J. STALIN') + para(GARBLED) + para(NEXT_GARBLED) + para('Yours sincerely,') + 'J. STALIN\n');
    assert.deepEqual(marked(doc), [[11, 3], [13, 5], [15, 7], [17, 9]]);
  });

  it('marks a closing misread by a letter or two after a duplicate passage, with its signature', () => {
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para('Yours very sincerely,') + para('J. STALIN') + para(GARBLED) + para(NEXT_GARBLED) + para('Yours very sincerly,') + '(S) STALEN\n');
    assert.deepEqual(marked(doc), [[11, 3], [13, 5], [15, 7], [17, 9]]);
  });

  it('keeps another letter’s closing and signature after a duplicate passage: another formula is no second pass', () => {
    // The covering letter closes "Very sincerely yours," and the enclosed one "Yours very truly,": two words shared.
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para('Very sincerely yours,') + para('R. C. JONES') + para(GARBLED) + para(NEXT_GARBLED) + para('Yours very truly,') + 'B. SMITH\n');
    assert.deepEqual(marked(doc), [[11, 3], [13, 5]]);
  });

  it('keeps a passage the text announces ("the following:"): a quotation of words printed elsewhere, not a second pass', () => {
    const announcing = 'They asked that every note be stamped on its face with the following:';
    // One block quoting the end of a paragraph and the next: read as a run, were it not announced.
    const quoted = `${ORIGINAL} ${NEXT_GARBLED}`;
    for (const end of [':', ':¹', '—']) {
      const { doc, diagnostics } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para(announcing.replace(/:$/, end)) + quoted + '\n');
      assert.deepEqual(marked(doc), [], end);
      assert.deepEqual(diagnostics, [], end);
    }
    // The same passage after a paragraph that ends its sentence is set aside.
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para('They asked that every note be stamped on its face.') + quoted + '\n');
    assert.equal(marked(doc).length, 1);
    assert.equal(marked(doc)[0]![0], 9);
  });

  describe('formulas: repeats that are no second scan', () => {
    it('leaves a lone repeated paragraph: a formula repeats one passage, a second scan a stretch of the page', () => {
      const { doc, diagnostics } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para('The weather was cold.') + GARBLED + '\n');
      assert.deepEqual(marked(doc), []);
      assert.deepEqual(diagnostics, []);
    });

    it('leaves the signatories’ formula repeated word for word under each annex of a protocol', () => {
      const signatories = 'Correct copy. J. Hartwell. P. Vandermolen. R. Oakhurst. T. Lindqvist. K. Harrow. M. Belcourt.';
      const annex = (n: number, text: string) => para(`Annex No. ${n}.`) + para(text) + para(signatories);
      const { doc } = duplicates(
        para('The plenipotentiaries have signed the final protocol, to which the following papers are annexed.') +
          annex(1, 'The Emperor has ordered that the officials named below shall be punished according to the laws of the Empire.') +
          annex(2, 'The examinations shall be suspended for five years in all the cities where foreigners were attacked.') +
          annex(3, 'The Chinese Government undertakes to raise the monument at the place where the minister was killed.'),
      );
      assert.deepEqual(marked(doc), []);
    });

    it('leaves two paragraphs repeated under a new heading or enclosure: a paper quoted, not a page scanned twice', () => {
      const letter = (between: string) => para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para('Yours sincerely,') + para('J. STALIN') + between + para(GARBLED) + NEXT_GARBLED + '\n';
      assert.deepEqual(marked(duplicates(letter(para('[Enclosure]') + para('Dear Sir,'))).doc), []);
      assert.deepEqual(marked(duplicates(letter(para('Memorandum by the Ambassador'))).doc), []);
      // With nothing but a salutation between, the two are a second scan (the control).
      assert.deepEqual(marked(duplicates(letter(para('Dear Sir,'))).doc), [[13, 3], [15, 5]]);
    });

    it('leaves two articles worded alike, one after the other, and a list of powers repeated under each power', () => {
      const article = (country: string, schedule: string) =>
        `Articles the growth, produce or manufacture of the Republic of ${country}, enumerated and described in Schedule ${schedule} annexed to this Agreement, shall on their importation be exempt from ordinary customs duties.`;
      const articles = para('Article I') + para(article('Ruritania', 'I')) + para('Article II') + article('Borduria', 'II') + '\n';
      assert.deepEqual(marked(duplicates(articles).doc), []);
      const powers = ['France', 'Italy', 'Germany', 'Great Britain', 'the United States', 'Netherlands', 'Belgium', 'Norway', 'Sweden', 'Denmark', 'Austria', 'Spain'];
      const listUnder = (power: string) => `${power}—${powers.filter((p) => p !== power).join(', ')}.`;
      const lists = para('The following powers have accepted the proposal, each on the condition that the others named accept it:') + para(listUnder('France')) + para(listUnder('Norway')) + listUnder('Spain') + '\n';
      assert.deepEqual(marked(duplicates(lists).doc), []);
    });
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
    const third = 'On the question of the Polish frontier the Marshal would say nothing more than that it was a matter for the peace conference to settle.';
    const thirdGarbled = 'On the question of the Polish frontier the Marshal would say nothing mere than that it was a matter for the peace conference to settle.';
    const { doc } = duplicates(para('Dear Sir,') + para(ORIGINAL) + para(NEXT) + para(third) + para(GARBLED) + para(NEXT_GARBLED) + thirdGarbled + '\n');
    assert.deepEqual(marked(doc), [[9, 3], [11, 5], [13, 7]]);
  });

  it('in a long document of formulaic prose, still finds a second pass beside its original', () => {
    // Thousands of paragraphs sharing the same phrases: past its budget the pass compares a common trigram only
    // across the blocks nearest each one, and a repeat standing next to its original is still found.
    const words = (i: number) => Array.from({ length: 15 }, (_, k) => `word${i}n${k}`).join(' ');
    const paras = Array.from({ length: 3000 }, (_, i) => para(`The Secretary of State informed the Ambassador that ${words(i)}.`));
    paras.splice(1500, 0, para(ORIGINAL), para(NEXT), para(GARBLED), para(NEXT_GARBLED));
    const text = paras.join('');
    const { doc } = duplicates(text);
    const line = (p: string) => text.slice(0, text.indexOf(p)).split('\n').length;
    assert.deepEqual(marked(doc), [
      [line(GARBLED), line(ORIGINAL)],
      [line(NEXT_GARBLED), line(NEXT)],
    ]);
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

/**
 * The comparison as it was written before the trigram index of typed arrays: words as strings, each block's trigrams
 * in a Set, a Map of holders, a Map of shared counts. The pass must mark exactly what this marks.
 */
function duplicatePairsByMaps(blocks: Block[], maxIndexWork: number): { dup: number; original: number }[] {
  const candidate = (b: Block) => b.kind === 'p' || b.kind === 'postscript';
  const grams = blocks.map((b) => {
    const out = new Set<string>();
    if (!candidate(b)) return out;
    const ws = comparedWords(plainText(b));
    for (let i = 0; i + 2 < ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
    return out;
  });
  const holders = new Map<string, number[]>();
  grams.forEach((set, i) => {
    for (const g of set) holders.set(g, [...(holders.get(g) ?? []), i]);
  });
  let work = 0;
  for (const list of holders.values()) work += list.length * list.length;
  const nearest = work > maxIndexWork ? 64 : Infinity;
  const around = (list: number[], j: number, size: number): [number, number] => {
    const lo = list.filter((x) => x < j).length;
    const from = Math.max(0, Math.min(lo - (size >> 1), list.length - size));
    return [from, from + size];
  };
  const interrupts = (i: number) => {
    const isText = (b: Block) => candidate(b) && !b.duplicateOf;
    let before = i - 1;
    while (before >= 0 && !isText(blocks[before]!)) before--;
    let after = i + 1;
    while (after < blocks.length && !isText(blocks[after]!)) after++;
    if (before < 0 || after >= blocks.length) return false;
    const prevText = plainText(blocks[before]!);
    return !/[.!?:"”’)]$/.test(prevText) || /\/$/.test(prevText);
  };
  const found: { dup: number; original: number }[] = [];
  for (let j = 0; j < blocks.length; j++) {
    if (grams[j]!.size + 2 < 12 || blocks[j]!.duplicateOf) continue;
    const shared = new Map<number, number>();
    let covered = 0;
    for (const g of grams[j]!) {
      let elsewhere = false;
      const list = holders.get(g)!;
      const [from, to] = list.length > nearest ? around(list, j, nearest) : [0, list.length];
      const first = from > 0 ? Math.min(8, from) : 0;
      for (let n = 0, k = 0; k < to; n++, k = n < first ? n : from + n - first) {
        const i = list[k]!;
        if (i === j || blocks[i]!.duplicateOf) continue;
        shared.set(i, (shared.get(i) ?? 0) + 1);
        elsewhere = true;
      }
      if (elsewhere) covered++;
    }
    let best = -1;
    let bestScore = 0;
    for (const [i, n] of shared) if (n > bestScore) [best, bestScore] = [i, n];
    if (best < 0 || covered / grams[j]!.size < 0.5 || bestScore / grams[j]!.size < 0.4) continue;
    let dup = j;
    let original = best;
    if (best > j && !interrupts(j) && interrupts(best)) [dup, original] = [best, j];
    else if (best > j && !interrupts(j)) continue;
    blocks[dup]!.duplicateOf = blocks[original]!;
    found.push({ dup, original });
  }
  return found;
}

describe('duplicates: the trigram index marks what the comparison by maps marked (property)', () => {
  const words = ['the', 'The', 'marshal', 'toast', 'of', 'health', 'wealth', 'president', 'and', 'spoke', 'Ж', 'été', '1941', 'a', 'to'];
  const paragraph = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 30, size: 'max' }).map((ws) => ws.join(' '));
  const ending = fc.constantFrom('', '.', ',', '/');
  // A document: paragraphs, some of them copies of an earlier one with a few words changed (a second OCR pass).
  const documents = fc.array(fc.tuple(paragraph, ending, fc.constantFrom('p', 'p', 'p', 'postscript', 'closing'), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...words)), { maxLength: 3 })), {
    maxLength: 14,
    size: 'max',
  });
  const blocksOf = (spec: [string, string, string, number, [number, string][]][]): Block[] => {
    const texts: string[] = [];
    return spec.map(([text, end, kind, copy, changes], k) => {
      let t = text;
      if (k > 0 && copy % 3 === 0) {
        const ws = texts[copy % k]!.split(' ');
        for (const [at, w] of changes) if (ws.length > 0) ws[at % ws.length] = w;
        t = ws.join(' ');
      }
      texts.push(t);
      const line = `${t}${end}`.trim() || 'x';
      return { kind: kind as Block['kind'], line: 2 * k + 1, endLine: 2 * k + 1, lines: [line], column: 1, inlines: [] };
    });
  };
  it('in short documents (the whole index read)', () => {
    let withDuplicates = 0;
    fc.assert(
      fc.property(documents, (spec) => {
        const expected = duplicatePairsByMaps(blocksOf(spec), MAX_INDEX_WORK);
        if (expected.length > 0) withDuplicates++;
        assert.deepEqual(findDuplicatePassages(blocksOf(spec), MAX_INDEX_WORK), expected);
      }),
      { numRuns: 1500 },
    );
    assert.ok(withDuplicates > 100, `only ${withDuplicates} documents with a duplicate`);
  });

  it('in long documents of few words, past the budget (the nearest and first holders read)', () => {
    const few = fc.array(fc.constantFrom('the', 'toast'), { minLength: 8, maxLength: 16, size: 'max' }).map((ws) => ws.join(' '));
    const long = fc.array(fc.tuple(few, ending, fc.constantFrom('p', 'p', 'postscript'), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...words)), { maxLength: 2 })), {
      minLength: 70,
      maxLength: 110,
      size: 'max',
    });
    let withDuplicates = 0;
    fc.assert(
      fc.property(long, (spec) => {
        const expected = duplicatePairsByMaps(blocksOf(spec), 40);
        if (expected.length > 0) withDuplicates++;
        assert.deepEqual(findDuplicatePassages(blocksOf(spec), 40), expected);
      }),
      { numRuns: 60 },
    );
    assert.ok(withDuplicates > 10, `only ${withDuplicates} documents with a duplicate`);
  });
});
