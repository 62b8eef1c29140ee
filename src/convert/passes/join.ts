/**
 * Page breaks: a paragraph that a page break cut in two is joined again. What the page foot held between
 * the two halves — catchword, page number, registry numbers, marginalia, an address block, footnote
 * texts, a duplicate pass — stays inside the paragraph at the break, followed by `<pb/>`, so the reading
 * text runs on and the page is still described.
 *
 * The second half continues the first when it starts in lower case, when the first ends in a hyphen, or
 * when a catchword ("Russian/", "that/") announces its first word.
 */
import type { Block, BlockKind, Inline, TeiDocument } from '../../model/document.js';
import type { DocumentPass } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { textEndWithoutNotes } from '../readers/inline.js';

/** Blocks that can stand between the halves of a paragraph. */
const PAGE_FOOT: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'reference', 'marginal', 'address', 'noteBody', 'sourceNote']);
/** Blocks that show a page ended there. */
const PAGE_EVIDENCE: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'noteBody', 'address']);
/** At most this many unnumbered paragraphs (an acknowledgement note) may sit among footnote texts. */
const MAX_LOOSE_FOOT_PARAGRAPHS = 2;

/** How the block's text ends, without the note references printed after its last word. */
function endText(block: Block): string {
  return textEndWithoutNotes(block.inlines);
}

function firstWord(block: Block): string {
  return (/^[\p{L}'’-]+/u.exec(plainText(block))?.[0] ?? '').toLowerCase();
}

/** Ends as a paragraph ends: with a full stop, question, exclamation, colon, or a closing quote or bracket. */
function isTerminated(end: string): boolean {
  // "… ‘Sir O." ends on an initial, not a sentence.
  return /[.!?:"”’')\]]$/.test(end) && !/\/$/.test(end) && !/(?:^|[\s‘'"(])\p{Lu}\.$/u.test(end);
}

function continues(a: Block, b: Block, between: Block[]): boolean {
  const end = endText(a);
  const startsLower = /^\p{Ll}/u.test(plainText(b));
  if (/\p{L}-$/u.test(end) && startsLower) return true;
  if (isTerminated(end)) {
    return false;
  }
  if (startsLower) return true;
  const word = firstWord(b);
  const slashed = /([\p{L}'’-]+)\/$/u.exec(end)?.[1]?.toLowerCase();
  if (slashed && slashed === word) return true;
  return between.some((x) => x.kind === 'catch' && plainText(x).replace(/\/$/, '').toLowerCase() === word);
}

export const joinPass: DocumentPass = {
  name: 'join',
  scope: 'document',
  requires: ['structure', 'inline', 'duplicates'],
  run(doc: TeiDocument) {
    const blocks = doc.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const a = blocks[i]!;
      if (a.kind !== 'p' || a.duplicateOf) continue;
      // First allow unnumbered paragraphs among the page-foot matter; if that finds no continuation, back off
      // to page-foot blocks alone.
      for (let found = continuation(blocks, i) ?? continuation(blocks, i, 0); found; found = continuation(blocks, i) ?? continuation(blocks, i, 0)) {
        const { between, b, end } = found;
        for (const x of between.filter((y) => y.kind === 'p' && !y.duplicateOf)) {
          x.kind = 'noteBody'; // unnumbered foot note, or the end of a note the previous page began
          const unfinished = lastNoteBefore(blocks, i, between, x);
          if (unfinished && !isTerminated(endText(unfinished))) {
            unfinished.inlines.push({ type: 'pb' }, { type: 'text', text: ' ', line: x.line, column: 1 }, ...x.inlines);
            unfinished.lines = [...unfinished.lines, ...x.lines];
            unfinished.endLine = x.endLine;
            between.splice(between.indexOf(x), 1);
          }
        }
        merge(a, between, b);
        blocks.splice(i + 1, end - i);
      }
    }
  },
};

/**
 * The block that continues paragraph i, past page-foot matter and at most `maxLoose` unnumbered paragraphs
 * (which must then stand among footnote texts), or undefined.
 */
function continuation(blocks: Block[], i: number, maxLoose = MAX_LOOSE_FOOT_PARAGRAPHS): { between: Block[]; b: Block; end: number } | undefined {
  let j = i + 1;
  let loose = 0;
  while (j < blocks.length) {
    const x = blocks[j]!;
    if (PAGE_FOOT.has(x.kind) || x.duplicateOf) j++;
    else if (x.kind === 'p' && loose < maxLoose && /^\p{Lu}/u.test(plainText(x))) {
      loose++;
      j++;
    } else break;
  }
  const between = blocks.slice(i + 1, j);
  const b = blocks[j];
  if (!b || b.kind !== 'p' || b.duplicateOf) return undefined;
  if (loose > 0 && !between.some((x) => x.kind === 'noteBody')) return undefined;
  return continues(blocks[i]!, b, between) ? { between, b, end: j } : undefined;
}

/**
 * The numbered note text printed last before block x: in the page-foot matter before x, or in the
 * interruptions of the paragraphs before it. A note cut by a page break continues at the next page foot.
 */
function lastNoteBefore(blocks: Block[], upTo: number, between: Block[], x: Block): Block | undefined {
  const before = between.slice(0, between.indexOf(x)).filter((b) => b.kind === 'noteBody' && b.n);
  if (before.length > 0) return undefined; // x follows a note of this page foot: a note of its own
  for (let i = upTo; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'noteBody' && b.n) return b;
    for (let k = b.inlines.length - 1; k >= 0; k--) {
      const node = b.inlines[k]!;
      if (node.type !== 'interruption') continue;
      const notes = node.blocks.filter((nb) => nb.kind === 'noteBody' && nb.n);
      if (notes.length > 0) return notes[notes.length - 1];
    }
  }
  return undefined;
}

function merge(a: Block, between: Block[], b: Block): void {
  const end = endText(a);
  const pageEnded = between.some((x) => PAGE_EVIDENCE.has(x.kind)) || /\/$/.test(end);
  if (between.length > 0) a.inlines.push({ type: 'interruption', blocks: between });
  // A printed page number is written as <fw> + <pb n> with the interruption; otherwise the break is bare.
  if (pageEnded && !between.some((x) => x.kind === 'pageNum')) a.inlines.push({ type: 'pb' });
  const hyphenated = /\p{L}-$/u.test(end) && /^\p{Ll}/u.test(plainText(b));
  const glue: Inline = hyphenated && between.length === 0 ? { type: 'lb', breakNo: true } : { type: 'text', text: ' ', line: b.line, column: 1 };
  a.inlines.push(glue, ...b.inlines);
  // The joined paragraph now ends where b ends: later continuation checks read its last line.
  a.lines = [...a.lines, ...b.lines];
  a.endLine = b.endLine;
}
