/**
 * How a letter, despatch or note ends, read backwards from the end of its text (the end of the document, or of the
 * covering letter before an enclosure): an address at the foot, a place-and-date line, the signature block, the
 * closing formula before it. Returns what each of those blocks is; the structure pass applies it.
 */
import type { Block, BlockKind } from '../../model/document.js';
import { blockText } from '../readers/blocks.js';
import { datelineBlockOf } from './dateline-block.js';
import { footAddressOf } from './letter-parties.js';
import { isClosingFormula, isClosingFormulaBlock, isCountersignature, isSignedName, MAX_CLOSING_CHARS, MAX_SIGNATURE_LINES, readSignatureBlock, signatureBlockOf } from './signature.js';

/** A decision about one block: its new kind, or its split into a closing and a signature. */
export type EndDecision = { index: number; kind: BlockKind } | { index: number; split: { closingLines: number } };

/** Kinds that may stand between the text and the signature, or after it, without ending the search. */
const PASSABLE: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'marginal', 'noteBody', 'sourceNote']);

/**
 * Reads the end of the blocks `from` (inclusive) to `to` (exclusive): returns the decisions, last block first. A
 * one-word signature that reads as a word of prose ("Approved.", "Repeated.") is not taken unless a closing formula
 * stands before it.
 */
export function readDocumentEnd(blocks: readonly Block[], from: number, to: number): EndDecision[] {
  const out: EndDecision[] = [];
  let i = to - 1;
  const skip = () => {
    while (i >= from && PASSABLE.has(blocks[i]!.kind)) i--;
  };
  skip();
  // An address at the foot ("His Excellency M. Ivan Maisky.") and a place-and-date line may follow the signature, and
  // a countersignature ("By the President:\nJohn Hay, Secretary of State.") the place and date.
  for (let guard = 0; guard < 3 && i >= from; guard++) {
    const b = blocks[i]!;
    if (b.kind === 'p' && isCountersignature(b.lines)) {
      out.push({ index: i, kind: 'signed' });
    } else if (b.kind === 'dateline' || (b.kind === 'p' && datelineBlockOf(b.lines)?.dateline)) {
      if (b.kind !== 'dateline') out.push({ index: i, kind: 'dateline' });
    } else if ((b.kind === 'p' || b.kind === 'address') && footAddressOf(b.lines)) {
      if (b.kind !== 'address') out.push({ index: i, kind: 'address' });
    } else break;
    i--;
    skip();
  }
  if (i < from) return out;
  const last = blocks[i]!;
  if (last.kind === 'signed') {
    markClosing(i - 1);
    return out;
  }
  if (last.kind === 'closing' || (last.kind === 'p' && last.lines.length >= 2)) {
    // "Yours very faithfully,\nCharles Lyell": the closing and the name in one block.
    const lines = last.lines.map((l) => l.trim());
    // Only as many splits as a signature block has lines: a block of thousands of lines (a runaway document, a
    // list) would otherwise join a growing prefix for every line, quadratic in its length.
    // Likewise a closing is tried only on the first lines that fit in the longest closing formula: joining the
    // lines of a block of a million lines for each try cost a gigabyte of garbage.
    const closingReach = linesWithin(lines, MAX_CLOSING_CHARS);
    let signatureLines = 0;
    for (let k = lines.length - 1; k >= 1; k--) {
      if (lines[k] !== '' && ++signatureLines > MAX_SIGNATURE_LINES) break;
      if (k <= closingReach && isClosingFormula(lines.slice(0, k).join(' ')) && readSignatureBlock(lines.slice(k))) {
        out.push({ index: i, split: { closingLines: k } });
        return out;
      }
    }
    if (last.kind === 'closing') return out;
  }
  if (last.kind !== 'p' && last.kind !== 'address') return out;
  const signature = signatureBlockOf(last.lines);
  if (!signature) return out;
  const before = i - 1 >= from ? blocks[i - 1] : undefined;
  const closingBefore = !!before && (before.kind === 'closing' || (before.kind === 'p' && isClosingFormulaBlock(before.lines)));
  if (!closingBefore && signature.length === 1 && looksLikeProseWord(last)) return out;
  // A signature needs a closing formula or text before it: a document that is only a name (or a salutation and
  // a word) is not signed.
  if (!closingBefore && !blocks.slice(from, i).some((b) => b.kind === 'p')) return out;
  out.push({ index: i, kind: 'signed' });
  markClosing(i - 1);
  return out;

  function markClosing(k: number): void {
    const b = blocks[k];
    if (b && k >= from && b.kind === 'p' && isClosingFormulaBlock(b.lines)) out.push({ index: k, kind: 'closing' });
  }
}

/**
 * How many lines, from the first, hold at most `max` characters other than white space and stars (which
 * {@link isClosingFormula} drops or folds): the lines after them cannot belong to a closing formula.
 */
function linesWithin(lines: readonly string[], max: number): number {
  let chars = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    for (let c = 0; c < line.length; c++) if (!FOLDED.test(line[c]!) && ++chars > max) return k;
  }
  return lines.length;
}

const FOLDED = /[\s*]/;

/** "Approved.", "Repeated.", "Accordingly.": one word of prose, not a surname. */
function looksLikeProseWord(block: Block): boolean {
  const t = blockText(block).replace(/[.,]$/, '');
  if (/\s/.test(t) || !isSignedName(t)) return false;
  return /(?:ly|tion|ment|ness)$/.test(t.toLowerCase()) || /^(?:Yes|No|Stop|End|Ends|Urgent|Correct|Agreed|Approved|Received|Noted|Repeated|Copy|Confidential|Secret|Continued|Concluded|Signed|Sent|Delivered)$/i.test(t);
}

/**
 * Signatures anywhere in the text, wherever a closing formula stands right before a signature block: the covering
 * letter of a despatch ends so before the papers it encloses, even when no "[Enclosure]" line announces them.
 */
export function readClosedSignatures(blocks: readonly Block[], from: number, to: number): EndDecision[] {
  const out: EndDecision[] = [];
  for (let i = from + 1; i < to; i++) {
    const b = blocks[i]!;
    const before = blocks[i - 1]!;
    if (b.kind !== 'p') continue;
    // The closing before is asked first: it is the cheaper question, and most paragraphs follow none.
    if (before.kind === 'closing') {
      if (signatureBlockOf(b.lines)) out.push({ index: i, kind: 'signed' });
    } else if (before.kind === 'p' && isClosingFormulaBlock(before.lines) && signatureBlockOf(b.lines)) {
      out.push({ index: i - 1, kind: 'closing' }, { index: i, kind: 'signed' });
    }
  }
  return out;
}
