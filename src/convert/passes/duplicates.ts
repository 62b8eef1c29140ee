/**
 * Duplicates: a second OCR pass of a passage (the same paragraph typed or scanned twice, with other
 * misreadings: "actual bandage" for "awful banquet") is kept word for word but marked as a witness of the
 * passage it repeats, so that derivatives can leave it out of the reading text.
 *
 * Two passages are the same when most of the word trigrams of the shorter one occur in the other. Of the
 * two, the duplicate is the one that interrupts running text (it stands between a paragraph and that
 * paragraph's continuation), or else the later one. Of the repeats found, only those that repeat a stretch of the
 * page are kept as second passes (rules/second-scans.ts): a passage repeated alone is a formula.
 */
import type { Block, TeiDocument } from '../../model/document.js';
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { DocumentPass } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { charWidth, comparedWords, isComparedWordCharAt } from '../readers/letter-class.js';
import { WordTable } from '../readers/word-table.js';
import { editDistance } from '../readers/edit-distance.js';
import { keepSecondScans } from '../rules/second-scans.js';

const MIN_WORDS = 12;
/** Share of a passage's trigrams found elsewhere in the document, and in the one block most like it. */
const CONTAINMENT = 0.5;
const SINGLE_CONTAINMENT = 0.4;
const CANDIDATE_KINDS = new Set(['p', 'postscript']);

/**
 * The distinct word trigrams of each block, as numbers in one table of the document: a trigram is its three words'
 * numbers (words are numbered as first met), found again by an open-addressing hash on those three numbers. A block's
 * trigrams are listed in the order they first appear in it; `holders` lists, for each trigram, the blocks holding it
 * in ascending order. Typed arrays throughout: a document of 10,000 words makes no object per trigram.
 */
interface TrigramIndex {
  /** Trigrams of block j: `blockGrams[blockStart[j]]` to `blockGrams[blockStart[j + 1]]` (exclusive). */
  blockStart: Int32Array;
  blockGrams: Int32Array;
  /** Blocks holding trigram g: `holders[holderStart[g]]` to `holders[holderStart[g + 1]]` (exclusive). */
  holderStart: Int32Array;
  holders: Int32Array;
}

function indexTrigrams(wordLists: ReadonlyArray<readonly number[] | undefined>): TrigramIndex {
  let total = 0;
  for (const ws of wordLists) if (ws && ws.length > 2) total += ws.length - 2;
  // Slots: a power of two at least twice the trigrams, each holding a trigram number + 1 (0: empty).
  let size = 16;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const first = new Int32Array(total);
  const second = new Int32Array(total);
  const third = new Int32Array(total);
  /** The last block a trigram was counted for, + 1: a block lists each of its trigrams once. */
  const lastBlock = new Int32Array(total);
  const holderCount = new Int32Array(total + 1);
  const blockStart = new Int32Array(wordLists.length + 1);
  const blockGrams = new Int32Array(total);
  let grams = 0;
  let listed = 0;
  for (let j = 0; j < wordLists.length; j++) {
    blockStart[j] = listed;
    const ws = wordLists[j];
    if (!ws) continue;
    for (let i = 0; i + 2 < ws.length; i++) {
      const a = ws[i]!;
      const b = ws[i + 1]!;
      const c = ws[i + 2]!;
      let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) & mask;
      let g = -1;
      for (;;) {
        const held = slots[slot]!;
        if (held === 0) {
          g = grams++;
          slots[slot] = g + 1;
          first[g] = a;
          second[g] = b;
          third[g] = c;
          break;
        }
        if (first[held - 1] === a && second[held - 1] === b && third[held - 1] === c) {
          g = held - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (lastBlock[g] === j + 1) continue;
      lastBlock[g] = j + 1;
      holderCount[g]!++;
      blockGrams[listed++] = g;
    }
  }
  blockStart[wordLists.length] = listed;
  const holderStart = new Int32Array(grams + 1);
  for (let g = 0; g < grams; g++) holderStart[g + 1] = holderStart[g]! + holderCount[g]!;
  const holders = new Int32Array(listed);
  const filled = holderStart.slice(0, grams);
  for (let j = 0; j < wordLists.length; j++) {
    for (let k = blockStart[j]!; k < blockStart[j + 1]!; k++) holders[filled[blockGrams[k]!]!++] = j;
  }
  return { blockStart, blockGrams, holderStart, holders };
}

/** Word numbers of a document, in the order words are first met. */
class WordNumbers {
  private readonly table = new WordTable();

  /** The numbers of the words `comparedWords` gives for `text`. */
  of(text: string): number[] {
    const lower = text.toLowerCase();
    const out: number[] = [];
    const n = lower.length;
    let i = 0;
    while (i < n) {
      if (!isComparedWordCharAt(lower, i)) {
        i += charWidth(lower, i);
        continue;
      }
      const start = i;
      do i += charWidth(lower, i);
      while (i < n && isComparedWordCharAt(lower, i));
      out.push(this.table.add(lower, start, i));
    }
    return out;
  }
}

/** Above this sum of squared holder counts, a document is compared only through each trigram's nearest holders. */
export const MAX_INDEX_WORK = 1 << 24;
const NEAREST_HOLDERS = 64;
const FIRST_HOLDERS = 8;

/** The stretch of `size` of the ascending block numbers `list[from..to)` centred on block j (which they hold). */
function around(list: Int32Array, from0: number, to0: number, j: number, size: number): [number, number] {
  let lo = from0;
  let hi = to0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < j) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(from0, Math.min(lo - (size >> 1), to0 - size));
  return [from, from + size];
}

/** What the pass needs to know of a block's kind, as a number: the hot loops read no `Block`. */
const OTHER = 0;
const CANDIDATE = 1;
const FURNITURE_KIND = 2;

/** Page furniture that may stand between a text and what it announces. */
const FURNITURE = new Set(['catch', 'pageNum', 'runningHead', 'marginal', 'turnOver']);

/**
 * A document's blocks as the comparison reads them: each block's kind as a number, whether it is already set aside
 * as a duplicate, and its plain text when it is a candidate.
 *
 * Why read once into arrays: blocks come in many hidden classes (the passes add optional fields in varying orders),
 * and every `b.kind` in the comparison's loops made V8 throw away and compile again the whole optimised pass on the
 * first documents of a run (eight compilations of `findDuplicatePassages` on 3 MB, more CPU than the pass itself).
 */
class PassageBlocks {
  readonly kinds: Uint8Array;
  readonly setAside: Uint8Array;

  constructor(readonly blocks: Block[]) {
    const n = blocks.length;
    this.kinds = new Uint8Array(n);
    this.setAside = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const b = blocks[i]!;
      const kind = b.kind;
      this.kinds[i] = CANDIDATE_KINDS.has(kind) ? CANDIDATE : FURNITURE.has(kind) ? FURNITURE_KIND : OTHER;
      if (b.duplicateOf) this.setAside[i] = 1;
    }
  }

  /** A paragraph of running text not set aside. */
  isText(i: number): boolean {
    return this.kinds[i] === CANDIDATE && this.setAside[i] === 0;
  }

  /** Block `dup` repeats block `original`. */
  setAsideAs(dup: number, original: number): void {
    this.setAside[dup] = 1;
    this.blocks[dup]!.duplicateOf = this.blocks[original]!;
  }

  /** Does block i stand between an unfinished paragraph and its continuation? */
  interrupts(i: number): boolean {
    let before = i - 1;
    while (before >= 0 && !this.isText(before)) before--;
    let after = i + 1;
    while (after < this.kinds.length && !this.isText(after)) after++;
    if (before < 0 || after >= this.kinds.length) return false;
    const prevText = plainText(this.blocks[before]!);
    return !/[.!?:"”’)]$/.test(prevText) || /\/$/.test(prevText);
  }

  /** Block i follows a paragraph that ends by announcing it: "as follows:", "the following:", "proposed that—". */
  isAnnounced(i: number): boolean {
    let before = i - 1;
    while (before >= 0 && this.kinds[before] === FURNITURE_KIND) before--;
    if (before < 0 || !this.isText(before)) return false;
    // A note reference may follow the colon: "as follows:¹".
    return /[:—]$/.test(plainText(this.blocks[before]!).replace(/[\s\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+$/u, ''));
  }
}

export const duplicatesPass: DocumentPass = {
  name: 'duplicates',
  scope: 'document',
  requires: ['structure'],
  run(doc: TeiDocument, ctx) {
    const blocks = doc.blocks;
    for (const { dup, original } of keepSecondScans(blocks, findDuplicatePassages(blocks))) {
      const orig = blocks[original]!;
      ctx.report(
        diagnostic(
          ConvertCodes.duplicatePassage,
          { line: blocks[dup]!.line, endLine: blocks[dup]!.endLine, originalLine: orig.line, originalEndLine: orig.endLine },
          { file: doc.sourceFile, line: blocks[dup]!.line, column: 1 },
          { related: [{ file: doc.sourceFile, line: orig.line, column: 1 }] },
        ),
      );
    }
    markTrailingClosings(blocks);
  },
};

/**
 * Sets `duplicateOf` on each passage of `blocks` that repeats another, in block order, and says which (block
 * numbers). `maxIndexWork` is the budget past which common trigrams count only near each block (tests lower it).
 */
export function findDuplicatePassages(blocks: Block[], maxIndexWork = MAX_INDEX_WORK): { dup: number; original: number }[] {
  const found: { dup: number; original: number }[] = [];
  const passages = new PassageBlocks(blocks);
  const numbers = new WordNumbers();
  const words: (number[] | undefined)[] = [];
  for (let i = 0; i < blocks.length; i++) words.push(passages.kinds[i] === CANDIDATE ? numbers.of(plainText(blocks[i]!)) : undefined);
  const comparison = new TrigramComparison(indexTrigrams(words), passages.setAside, maxIndexWork);
  for (let j = 0; j < blocks.length; j++) {
    const best = comparison.bestMatch(j);
    if (best < 0) continue;
    // Which of the pair is the witness to set aside?
    let dup = j;
    let original = best;
    if (best > j && !passages.interrupts(j) && passages.interrupts(best)) [dup, original] = [best, j];
    else if (best > j && !passages.interrupts(j)) continue; // the later one will be judged on its turn
    // A passage the text announces ("… stamping thereon the following:") is a quotation of words the document
    // holds elsewhere, not a second pass of them.
    if (passages.isAnnounced(dup)) continue;
    passages.setAsideAs(dup, original);
    found.push({ dup, original });
  }
  return found;
}

/** The comparison of each block's trigrams with those of every other block not set aside. */
class TrigramComparison {
  private readonly nearest: number;
  /** Trigrams block j shares with each other block, and the blocks in the order they were first met. */
  private readonly shared: Int32Array;
  private readonly met: number[] = [];

  constructor(
    private readonly index: TrigramIndex,
    private readonly setAside: Uint8Array,
    maxIndexWork: number,
  ) {
    // Comparing through the index costs, for each trigram, the square of the number of blocks holding it: in a
    // long document of formulaic prose (or a runaway run of near-duplicates) the common trigrams make that
    // quadratic. Past a budget, a trigram held by many blocks counts only for the blocks nearest each one (a
    // second pass of a passage stands near the first) and for the first few that hold it.
    const { holderStart } = index;
    let work = 0;
    for (let g = 0; g + 1 < holderStart.length; g++) work += (holderStart[g + 1]! - holderStart[g]!) ** 2;
    this.nearest = work > maxIndexWork ? NEAREST_HOLDERS : Infinity;
    this.shared = new Int32Array(setAside.length);
  }

  /**
   * The block most of whose trigrams block j shares, when j is long enough, not set aside, and repeats enough of
   * the other blocks together and of that one; -1 otherwise.
   */
  bestMatch(j: number): number {
    const { blockStart, blockGrams, holderStart, holders } = this.index;
    const { setAside, shared, met, nearest } = this;
    const size = blockStart[j + 1]! - blockStart[j]!;
    if (size + 2 < MIN_WORDS || setAside[j] === 1) return -1;
    // Compare with the text of all other candidate blocks together: a duplicate may repeat the end of one
    // paragraph and the whole of the next.
    let covered = 0;
    for (let q = blockStart[j]!; q < blockStart[j + 1]!; q++) {
      const g = blockGrams[q]!;
      let elsewhere = false;
      const listFrom = holderStart[g]!;
      const listTo = holderStart[g + 1]!;
      const [from, to] = listTo - listFrom > nearest ? around(holders, listFrom, listTo, j, nearest) : [listFrom, listTo];
      // Past the budget, the first blocks holding the trigram as well as the nearest: where a passage is
      // repeated again and again, its first pass is the original of every repeat.
      const firstCount = from > listFrom ? Math.min(FIRST_HOLDERS, from - listFrom) : 0;
      for (let n = 0, k = listFrom; k < to; n++, k = n < firstCount ? listFrom + n : from + n - firstCount) {
        const i = holders[k]!;
        if (i === j || setAside[i] === 1) continue;
        if (shared[i] === 0) met.push(i);
        shared[i]!++;
        elsewhere = true;
      }
      if (elsewhere) covered++;
    }
    let best = -1;
    let bestScore = 0;
    for (const i of met) {
      if (shared[i]! > bestScore) {
        bestScore = shared[i]!;
        best = i;
      }
      shared[i] = 0;
    }
    met.length = 0;
    if (best < 0 || covered / size < CONTAINMENT || bestScore / size < SINGLE_CONTAINMENT) return -1;
    return best;
  }
}

/**
 * A closing right after a duplicate passage that repeats an earlier closing is part of that pass: the same formula
 * with a few letters misread ("Yours very sincerly,"), not another letter's ("Yours very truly," after "Very
 * sincerely yours,"), and the signature under it goes with it.
 */
function markTrailingClosings(blocks: Block[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if ((b.kind !== 'closing' && b.kind !== 'signed') || !blocks[i - 1]!.duplicateOf) continue;
    const same = b.kind === 'closing' ? sameFormula : similar;
    const twin = blocks.slice(0, i - 1).find((x) => x.kind === b.kind && same(plainText(x), plainText(b)));
    if (twin) {
      b.duplicateOf = twin;
      const next = blocks[i + 1];
      if (b.kind === 'closing' && next?.kind === 'signed') next.duplicateOf = blocks.slice(blocks.indexOf(twin)).find((x) => x.kind === 'signed') ?? twin;
    }
  }
}

function similar(a: string, b: string): boolean {
  const wa = new Set(comparedWords(a));
  const wb = comparedWords(b);
  return wb.length > 0 && wb.filter((w) => wa.has(w)).length / wb.length >= 0.5;
}

/** Letters of a closing formula, lower case, words one space apart. */
function formulaLetters(text: string): string {
  return comparedWords(text).join(' ');
}

/** Two closings that are one formula: at most one character in five differs (edit distance), in the same order. */
function sameFormula(a: string, b: string): boolean {
  const x = formulaLetters(a);
  const y = formulaLetters(b);
  if (x.length === 0 || y.length === 0) return false;
  const allowed = Math.floor(Math.max(x.length, y.length) / 5);
  return editDistance(x, y, allowed) <= allowed;
}

