/**
 * How a document of a documentary edition or an office file opens, read forwards: the file number and the head,
 * the editors' source lines under it ("[Telegram]", "[Paraphrase]"), a despatch number ("No. 207"), the dateline
 * block (an office line, the place and date, "[Received …]"), or a memo form's "From: / To: / Date:" lines. Returns
 * what each block is; the structure pass applies it. Reading stops at the first block of running text.
 */
import type { Block, BlockKind } from '../../model/document.js';
import { blockText } from '../readers/blocks.js';
import { datelineBlockOf } from './dateline-block.js';
import { parseYearlessDateline } from './dateline.js';
import { runningHeadingOf } from './heading-parties.js';
import { readMemoHeader } from './memo-header.js';
import { readSourceLine } from './source-note.js';

export interface OpeningDecision {
  index: number;
  /** A block kind, or `memoHeader`: "TELEGRAM No. … / From: … / To: … / Date: …" lines, the document's header. */
  kind: BlockKind | 'memoHeader';
}

/** "No. 207", "No. 69.]", "No. 1873": a despatch's number, alone on its line. */
const DESPATCH_NUMBER = /^No\.\s*\d{1,5}[A-Z]?\.?\]?$/;
/** The most blocks an opening takes before its text: file number, head, two source lines, number, dateline, more. */
const OPENING_SPAN = 8;

/**
 * Reads the opening of the blocks from `from`: decisions in block order. A head is taken only where the heading rules
 * name parties or a kind of document, and only before any running text; blocks already known (a head the segmenter
 * found, a classification) keep their kind.
 */
export function readDocumentOpening(blocks: readonly Block[], from = 0): OpeningDecision[] {
  const out: OpeningDecision[] = [];
  let end = from + OPENING_SPAN;
  let head = blocks.findIndex((b, i) => i >= from && i < end && b.kind === 'head');
  for (let i = from; i < Math.min(blocks.length, end); i++) {
    const b = blocks[i]!;
    // A print extraction's running head may fall anywhere in the opening (page furniture, not the document's).
    if (b.kind === 'runningHead') {
      end++;
      continue;
    }
    if (b.kind === 'head' || b.kind === 'classification' || b.kind === 'sent') continue;
    // "[Telegram]" under the head, already read as a source line: "Petrograd, undated." may follow it.
    if (b.kind === 'sourceNote' && !b.opensEnclosure) continue;
    if (b.kind !== 'p' && b.kind !== 'reference' && b.kind !== 'marginal' && b.kind !== 'dateline' && b.kind !== 'address') break;
    const text = blockText(b);
    if (b.lines.length === 1 && readSourceLine(text)) {
      out.push({ index: i, kind: 'sourceNote' });
      continue;
    }
    if (b.lines.length === 1 && DESPATCH_NUMBER.test(text)) {
      out.push({ index: i, kind: 'reference' });
      continue;
    }
    const dateline = datelineBlockOf(b.lines);
    // "Washington, September 29.": a telegram's dateline that leaves the year to the volume's order.
    if ((dateline && (dateline.dateline || dateline.undated)) || (b.lines.length === 1 && parseYearlessDateline(text))) {
      if (b.kind !== 'dateline') out.push({ index: i, kind: 'dateline' });
      continue;
    }
    if (head < 0 && b.kind === 'p' && isHeading(b)) {
      head = i;
      out.push({ index: i, kind: 'head' });
      continue;
    }
    if (b.kind === 'p' && readMemoHeader(b.lines)) {
      out.push({ index: i, kind: 'memoHeader' });
      // A memo form's header stands where a heading would: no heading after it.
      head = i;
      continue;
    }
    if (b.kind === 'p') break;
  }
  return out;
}

/** A heading: one to three short lines that the heading rules read as naming parties or a kind of document. */
function isHeading(block: Block): boolean {
  if (block.lines.length > 3) return false;
  const text = blockText(block);
  if (text.length > 300 || /(?<!\b(?:Mr|Mrs|Dr|M|St|Messrs|Gen|Col|Capt|No|Jr|\p{Lu}))[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(text)) return false;
  const reading = runningHeadingOf(block.lines);
  return !!reading && (reading.sender.length > 0 || reading.addressees.length > 0 || !!reading.author || !!reading.kind);
}
