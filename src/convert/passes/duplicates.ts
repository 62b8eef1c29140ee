/**
 * Duplicates: a second OCR pass of a passage (the same paragraph typed or scanned twice, with other
 * misreadings: "actual bandage" for "awful banquet") is kept word for word but marked as a witness of the
 * passage it repeats, so that derivatives can leave it out of the reading text.
 *
 * Two passages are the same when most of the word trigrams of the shorter one occur in the other. Of the
 * two, the duplicate is the one that interrupts running text (it stands between a paragraph and that
 * paragraph's continuation), or else the later one.
 */
import type { Block, TeiDocument } from '../../model/document.js';
import { ConvertCodes } from '../../diagnostics/codes.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { DocumentPass } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { LETTER, letterClassAt, scanRuns } from '../readers/letter-class.js';

const MIN_WORDS = 12;
/** Share of a passage's trigrams found elsewhere in the document, and in the one block most like it. */
const CONTAINMENT = 0.5;
const SINGLE_CONTAINMENT = 0.4;
const CANDIDATE_KINDS = new Set(['p', 'postscript']);

/** The words of `text` in lower case: what `[\p{L}\d]+` matches in it, found by a scan over character codes. */
export function comparedWords(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  scanRuns(lower, isWordCharAt, (start, end) => out.push(lower.slice(start, end)));
  return out;
}

function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 48 && code <= 57) || (letterClassAt(text, i) & LETTER) !== 0;
}

/**
 * The word trigrams of each block, each trigram as one number: its words' numbers in the document packed in base
 * 2^17. Numbers hash and compare far cheaper than the strings "a b c" did, and two trigrams are equal exactly when
 * their words are; a document of 2^17 different words or more keeps the strings.
 */
function trigramsOf(wordLists: ReadonlyArray<string[] | undefined>): Set<number | string>[] {
  const ids = new Map<string, number>();
  for (const ws of wordLists) for (const w of ws ?? []) if (!ids.has(w)) ids.set(w, ids.size);
  const numeric = ids.size < WORD_IDS;
  return wordLists.map((ws) => {
    const out = new Set<number | string>();
    if (!ws) return out;
    for (let i = 0; i + 2 < ws.length; i++) {
      out.add(numeric ? (ids.get(ws[i]!)! * WORD_IDS + ids.get(ws[i + 1]!)!) * WORD_IDS + ids.get(ws[i + 2]!)! : `${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
    }
    return out;
  });
}

/** Word numbers of one document fit in 17 bits: three of them make a number below 2^51, exact in a double. */
const WORD_IDS = 1 << 17;

/** Above this sum of squared holder counts, a document is compared only through each trigram's nearest holders. */
const MAX_INDEX_WORK = 1 << 24;
const NEAREST_HOLDERS = 64;
const FIRST_HOLDERS = 8;

/** The stretch of the sorted `list` of `size` block numbers centred on block j (which the list holds). */
function around(list: readonly number[], j: number, size: number): [number, number] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < j) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, Math.min(lo - (size >> 1), list.length - size));
  return [from, from + size];
}

/** Does block i stand between an unfinished paragraph and its continuation? */
function interrupts(blocks: Block[], i: number): boolean {
  const isText = (b: Block) => CANDIDATE_KINDS.has(b.kind) && !b.duplicateOf;
  let before = i - 1;
  while (before >= 0 && !isText(blocks[before]!)) before--;
  let after = i + 1;
  while (after < blocks.length && !isText(blocks[after]!)) after++;
  if (before < 0 || after >= blocks.length) return false;
  const prevText = plainText(blocks[before]!);
  return !/[.!?:"”’)]$/.test(prevText) || /\/$/.test(prevText);
}

export const duplicatesPass: DocumentPass = {
  name: 'duplicates',
  scope: 'document',
  requires: ['structure'],
  run(doc: TeiDocument, ctx) {
    const blocks = doc.blocks;
    const grams = trigramsOf(blocks.map((b) => (CANDIDATE_KINDS.has(b.kind) ? comparedWords(plainText(b)) : undefined)));
    // Which blocks hold each trigram: comparing through this index keeps the pass linear in practice.
    const holders = new Map<number | string, number[]>();
    grams.forEach((set, i) => {
      for (const g of set) {
        const list = holders.get(g);
        if (list) list.push(i);
        else holders.set(g, [i]);
      }
    });
    // Comparing through the index costs, for each trigram, the square of the number of blocks holding it: in a
    // long document of formulaic prose (or a runaway run of near-duplicates) the common trigrams make that
    // quadratic. Past a budget, a trigram held by many blocks counts only for the blocks nearest each one (a
    // second pass of a passage stands near the first) and for the first few that hold it.
    let work = 0;
    for (const list of holders.values()) work += list.length * list.length;
    const nearest = work > MAX_INDEX_WORK ? NEAREST_HOLDERS : Infinity;
    for (let j = 0; j < blocks.length; j++) {
      if (grams[j]!.size + 2 < MIN_WORDS || blocks[j]!.duplicateOf) continue;
      // Compare with the text of all other candidate blocks together: a duplicate may repeat the end of one
      // paragraph and the whole of the next.
      const shared = new Map<number, number>();
      let covered = 0;
      for (const g of grams[j]!) {
        let elsewhere = false;
        const list = holders.get(g)!;
        const [from, to] = list.length > nearest ? around(list, j, nearest) : [0, list.length];
        // Past the budget, the first blocks holding the trigram as well as the nearest: where a passage is
        // repeated again and again, its first pass is the original of every repeat.
        const first = from > 0 ? Math.min(FIRST_HOLDERS, from) : 0;
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
      for (const [i, n] of shared) {
        if (n > bestScore) {
          bestScore = n;
          best = i;
        }
      }
      if (best < 0 || covered / grams[j]!.size < CONTAINMENT || bestScore / grams[j]!.size < SINGLE_CONTAINMENT) continue;
      // Which of the pair is the witness to set aside?
      let dup = j;
      let original = best;
      if (best > j && !interrupts(blocks, j) && interrupts(blocks, best)) [dup, original] = [best, j];
      else if (best > j && !interrupts(blocks, j)) continue; // the later one will be judged on its turn
      const orig = blocks[original]!;
      blocks[dup]!.duplicateOf = orig;
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

/** A closing right after a duplicate passage that resembles an earlier closing is part of that pass. */
function markTrailingClosings(blocks: Block[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if ((b.kind !== 'closing' && b.kind !== 'signed') || !blocks[i - 1]!.duplicateOf) continue;
    const twin = blocks.slice(0, i - 1).find((x) => x.kind === b.kind && similar(plainText(x), plainText(b)));
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
