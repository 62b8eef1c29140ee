/**
 * Second scans and formulas: of the repeats the duplicates pass finds, which are second OCR passes of a page?
 *
 * A page scanned twice repeats a stretch of the text: the repeat runs on across a paragraph break of what it
 * repeats (two paragraphs repeated one after the other, or one repeated block holding the end of a paragraph and
 * the next), and nothing but the page's own text and furniture lies between the two copies. A formula repeats one
 * passage on its own ("Correct copy." with the signatories under each annex of a protocol, a list of powers under
 * each power, two articles of a treaty worded alike), often under a new heading or enclosure. So a repeat is kept
 * as a second scan only when
 * - no heading, section number or enclosure opens between the two copies, and
 * - it is part of a run: the text block next to it repeats the text block next to its original, on the same side,
 *   or its own words run on into the original's neighbour (at least `SPAN_WORDS` words of it).
 */
import type { Block } from '../../model/document.js';
import { plainText } from '../readers/blocks.js';
import { comparedWords } from '../readers/letter-class.js';

const TEXT_KINDS = new Set(['p', 'postscript']);
/** Words of a repeat that must run on into the neighbour of what it repeats, beyond the original's own. */
const SPAN_WORDS = 12;
/** Share of a block's trigrams found in its neighbour's original for the two to be the same passage. */
const NEIGHBOUR_CONTAINMENT = 0.5;

export interface RepeatPair {
  dup: number;
  original: number;
}

/**
 * Keeps, of the repeats found (each `dup` already marked `duplicateOf` its `original`), those that read as second
 * scans; the others are formulas, and lose their mark. Returns the pairs kept, in their order.
 */
export function keepSecondScans(blocks: Block[], pairs: RepeatPair[]): RepeatPair[] {
  const trigrams = new TrigramCache(blocks);
  const kept: RepeatPair[] = [];
  const rejected: RepeatPair[] = [];
  const originalOf = new Map(pairs.map((p) => [p.dup, p.original]));
  for (const pair of pairs) (isSecondScan(blocks, pair, originalOf, trigrams) ? kept : rejected).push(pair);
  for (const { dup } of rejected) delete blocks[dup]!.duplicateOf;
  return kept;
}

function isSecondScan(blocks: Block[], { dup, original }: RepeatPair, originalOf: ReadonlyMap<number, number>, trigrams: TrigramCache): boolean {
  if (opensDivisionBetween(blocks, dup, original)) return false;
  for (const step of [-1, 1]) {
    const nextToDup = textNeighbour(blocks, dup, step, original);
    const nextToOriginal = textNeighbour(blocks, original, step, dup);
    if (nextToOriginal < 0) continue;
    // Two blocks of the page repeated one after the other.
    if (nextToDup >= 0 && (originalOf.get(nextToDup) === nextToOriginal || trigrams.containment(nextToDup, nextToOriginal) >= NEIGHBOUR_CONTAINMENT)) return true;
    // One repeated block over a paragraph break of the original.
    if (trigrams.sharedBeyond(dup, nextToOriginal, original) >= SPAN_WORDS - 2) return true;
  }
  return false;
}

/** A heading, a section number or an enclosure's opening between blocks a and b (either order). */
function opensDivisionBetween(blocks: Block[], a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) {
    const block = blocks[k]!;
    if (block.kind === 'head' || block.kind === 'section' || block.opensEnclosure || block.divisionHead !== undefined) return true;
  }
  return false;
}

/** The nearest text block before (step -1) or after (step 1) block i, other than `other`; -1 when there is none. */
function textNeighbour(blocks: Block[], i: number, step: number, other: number): number {
  for (let k = i + step; k >= 0 && k < blocks.length; k += step) {
    if (k === other) return -1;
    if (TEXT_KINDS.has(blocks[k]!.kind)) return k;
  }
  return -1;
}

/** The word trigrams of blocks, computed when first asked for. */
class TrigramCache {
  private readonly sets = new Map<number, Set<string>>();

  constructor(private readonly blocks: Block[]) {}

  of(i: number): Set<string> {
    let set = this.sets.get(i);
    if (!set) {
      // The words the duplicates pass compares.
      const words = comparedWords(plainText(this.blocks[i]!));
      set = new Set();
      for (let k = 0; k + 2 < words.length; k++) set.add(`${words[k]} ${words[k + 1]} ${words[k + 2]}`);
      this.sets.set(i, set);
    }
    return set;
  }

  /** Share of block a's trigrams found in block b. */
  containment(a: number, b: number): number {
    const mine = this.of(a);
    if (mine.size === 0) return 0;
    const theirs = this.of(b);
    let n = 0;
    for (const g of mine) if (theirs.has(g)) n++;
    return n / mine.size;
  }

  /** Trigrams of block a found in block b and not in block `besides`. */
  sharedBeyond(a: number, b: number, besides: number): number {
    const theirs = this.of(b);
    const known = this.of(besides);
    let n = 0;
    for (const g of this.of(a)) if (theirs.has(g) && !known.has(g)) n++;
    return n;
  }
}
