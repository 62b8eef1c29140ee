/**
 * Page breaks: a paragraph that a page break cut in two is joined again. What the page foot held between
 * the two halves — catchword, page number, registry numbers, marginalia, an address block, footnote
 * texts, a duplicate pass — stays inside the paragraph at the break, followed by `<pb/>`, so the reading
 * text runs on and the page is still described.
 *
 * The second half continues the first when it starts in lower case, when the first ends in a hyphen, or
 * when a catchword ("Russian/", "that/") announces its first word. A catchword printed at the end of the
 * first half's last line leaves its text for the page foot. A lower-case block that heads a page foot's note
 * texts, after a note the page before left unfinished, is that note's end, not the paragraph's.
 *
 * Each page turn the pass finds is numbered from the page numbers printed around it (rules/page-numbers.ts).
 */
import type { Block, BlockKind, Inline, PageBreakInline, TeiDocument } from '../../model/document.js';
import type { DocumentPass } from '../pass.js';
import { plainText } from '../readers/blocks.js';
import { textEndWithoutNotes } from '../readers/inline.js';
import { numberPageTurns } from '../rules/page-numbers.js';

/** Blocks that can stand between the halves of a paragraph. */
const PAGE_FOOT: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'turnOver', 'reference', 'marginal', 'address', 'noteBody', 'sourceNote']);
/** Blocks that show a page ended there. */
const PAGE_EVIDENCE: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'turnOver', 'noteBody', 'address']);
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

/** A page turn the pass found: the page number printed there, if any, and the breaks written for it. */
interface PageTurn {
  line: number;
  pageNum?: Block;
  /** `<pb/>` in the re-joined paragraph, and in a footnote that runs on across the same turn. */
  breaks: PageBreakInline[];
}

export const joinPass: DocumentPass = {
  name: 'join',
  scope: 'document',
  requires: ['structure', 'inline', 'duplicates'],
  run(doc: TeiDocument) {
    const blocks = doc.blocks;
    const turns: PageTurn[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const a = blocks[i]!;
      if (a.kind !== 'p' || a.duplicateOf) continue;
      // First allow unnumbered paragraphs among the page-foot matter; if that finds no continuation, back off
      // to page-foot blocks alone.
      for (let found = continuation(blocks, i) ?? continuation(blocks, i, 0); found; found = continuation(blocks, i) ?? continuation(blocks, i, 0)) {
        const { between, b, end } = found;
        const turn: PageTurn = { line: between[0]?.line ?? b.line, breaks: [] };
        for (const x of between.filter((y) => y.kind === 'p' && !y.duplicateOf)) {
          x.kind = 'noteBody'; // unnumbered foot note, or the end of a note the previous page began
          const unfinished = lastNoteBefore(blocks, i, between, x);
          if (unfinished && !isTerminated(endText(unfinished))) {
            const pb: PageBreakInline = { type: 'pb' };
            turn.breaks.push(pb);
            unfinished.inlines.push(pb, { type: 'text', text: ' ', line: x.line, column: 1 }, ...x.inlines);
            unfinished.lines = [...unfinished.lines, ...x.lines];
            unfinished.endLine = x.endLine;
            between.splice(between.indexOf(x), 1);
          }
        }
        merge(a, between, b, turn);
        if (turn.pageNum || turn.breaks.length > 0) turns.push(turn);
        blocks.splice(i + 1, end - i);
      }
    }
    numberTurns(blocks, turns);
  },
};

/**
 * Gives every page turn of the document the number of the page it begins: the turns of re-joined paragraphs,
 * and page numbers printed between paragraphs (once text has begun: a number above the first paragraph heads
 * the first page).
 */
function numberTurns(blocks: readonly Block[], turns: PageTurn[]): void {
  const firstText = blocks.findIndex((b) => b.kind === 'p');
  if (firstText < 0) return;
  for (const b of blocks.slice(firstText)) if (b.kind === 'pageNum') turns.push({ line: b.line, pageNum: b, breaks: [] });
  if (!turns.some((t) => t.pageNum)) return;
  turns.sort((x, y) => x.line - y.line);
  const starts = numberPageTurns(turns.map((t) => (t.pageNum?.n !== undefined && /^\d+$/.test(t.pageNum.n) ? { printed: Number(t.pageNum.n) } : {})));
  turns.forEach((turn, k) => {
    const start = starts[k];
    if (!start) return;
    const n = String(start.n);
    const inferred = start.cert ? { cert: start.cert, evidence: 'internal' as const } : undefined;
    if (turn.pageNum && inferred) turn.pageNum.startsPage = { n, inferred };
    for (const pb of turn.breaks) {
      pb.n = n;
      if (inferred) pb.inferred = inferred;
    }
  });
}

/**
 * The block that continues paragraph i, past page-foot matter and at most `maxLoose` unnumbered paragraphs
 * (which must then stand among footnote texts), or undefined.
 */
function continuation(blocks: Block[], i: number, maxLoose = MAX_LOOSE_FOOT_PARAGRAPHS): { between: Block[]; b: Block; end: number } | undefined {
  let j = i + 1;
  let loose = 0;
  while (j < blocks.length) {
    const x = blocks[j]!;
    if (PAGE_FOOT.has(x.kind) || x.duplicateOf || endsNote(blocks, i, j)) j++;
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
 * Whether block j, a paragraph in lower case after paragraph i, is the end of a note the page before left
 * unfinished: it heads the note texts of a page foot (a numbered note text follows it) and the last note
 * printed before it stops mid-sentence.
 */
function endsNote(blocks: Block[], i: number, j: number): boolean {
  const x = blocks[j]!;
  const next = blocks[j + 1];
  if (x.kind !== 'p' || x.duplicateOf || !next || next.kind !== 'noteBody' || !next.n || !/^\p{Ll}/u.test(plainText(x))) return false;
  const unfinished = lastNoteBefore(blocks, i, blocks.slice(i + 1, j + 1), x);
  return unfinished !== undefined && !isTerminated(endText(unfinished));
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

function merge(a: Block, between: Block[], b: Block, turn: PageTurn): void {
  const end = endText(a);
  const catchword = takeCatchword(a);
  if (catchword) between.unshift(catchword);
  turn.pageNum = between.find((x) => x.kind === 'pageNum');
  const pageEnded = between.some((x) => PAGE_EVIDENCE.has(x.kind)) || /\/$/.test(end) || turn.breaks.length > 0;
  if (between.length > 0) a.inlines.push({ type: 'interruption', blocks: between });
  // A printed page number is written as <fw> + <pb n> with the interruption; otherwise the break is bare.
  if (pageEnded && !turn.pageNum) {
    const pb: PageBreakInline = { type: 'pb' };
    turn.breaks.unshift(pb);
    a.inlines.push(pb);
  }
  const hyphenated = /\p{L}-$/u.test(end) && /^\p{Ll}/u.test(plainText(b));
  const glue: Inline = hyphenated && between.length === 0 ? { type: 'lb', breakNo: true } : { type: 'text', text: ' ', line: b.line, column: 1 };
  a.inlines.push(glue, ...b.inlines);
  // The joined paragraph now ends where b ends: later continuation checks read its last line.
  a.lines = [...a.lines, ...b.lines];
  a.endLine = b.endLine;
}

/**
 * A catchword typed at the end of the last line ("… felt sure that/"): taken out of the paragraph's text into a
 * block of its own, the first of the page foot. Only a plain text node is cut; anything else is left as printed.
 */
function takeCatchword(a: Block): Block | undefined {
  const last = a.inlines[a.inlines.length - 1];
  if (last?.type !== 'text') return undefined;
  const m = /(\s*)([\p{L}'’-]{1,20}\/)\s*$/u.exec(last.text);
  if (!m || (m.index === 0 && a.inlines.length === 1)) return undefined;
  const word = m[2]!;
  const column = last.column + m.index + m[1]!.length;
  last.text = last.text.slice(0, m.index);
  if (last.text === '') a.inlines.pop();
  return { kind: 'catch', line: last.line, endLine: last.line, lines: [word], column, inlines: [{ type: 'text', text: word, line: last.line, column }] };
}
