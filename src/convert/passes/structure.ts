/**
 * Structure: what each block of a document is. Like chrono-node's parsers, a declared list of small
 * recognisers each looks at one block on its own (`BLOCK_RECOGNISERS`, first match wins); then refiners
 * that need the block's position (the heading of a single document, the signature after the last
 * paragraph, the notes printed after it) look at the document as a whole.
 */
import type { Block, BlockKind, TeiDocument } from '../../model/document.js';
import type { DocumentPass } from '../pass.js';
import { blockText, joinLines, lineFeature, linesPlainText, plainText, sliceLines } from '../readers/blocks.js';
import { isClassification } from '../rules/classification.js';
import { isTurnOver } from '../rules/turn-over.js';
import { parseDateline, stripLeadingDate } from '../rules/dateline.js';
import { partiesFromHeading } from '../rules/parties.js';
import { readDocumentOpening } from '../rules/document-opening.js';
import { readClosedSignatures, readDocumentEnd, type EndDecision } from '../rules/document-end.js';
import { ASCII_DIGIT, MARKER_CODE, gluedNoteNumbers, noteLineMarker, referencedMarkers, splitFootnoteBlock } from '../rules/footnote-block.js';
import { isBracketedLine, readSourceLine } from '../rules/source-note.js';
import { findEnclosures, isEnclosureTitle } from '../rules/enclosures.js';
import { isAddressOver } from '../rules/unmarked-enclosures.js';
import { isSalutation, isSalutationLine } from '../rules/salutation.js';
import { datelineBlockOf } from '../rules/dateline-block.js';
import { lineWithoutNotes, nonDigitCharsExceed, noteRefNumbers, openingNoteRef, parseBlock, takeNoteMarker, takeParagraphNumber, textWithoutNotes, wordsHold } from '../readers/inline.js';

interface Recognised {
  kind: BlockKind;
  n?: string;
}

type Recogniser = (block: Block, text: string) => Recognised | undefined;


/** The dateline the block's text is (`parseDateline` of its plain text), read once for the recognisers that ask. */
const datelineOfText = lineFeature((lines) => parseDateline(linesPlainText(lines)));

const ROMAN = /^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\.?$/;

const recognisers: Record<string, Recogniser> = {
  sentLine: (b) => (b.lines.length === 1 && datelineOfText(b.lines)?.sent ? { kind: 'sent' } : undefined),
  classification: (_b, t) => (isClassification(t) ? { kind: 'classification' } : undefined),
  dateline: (b, t) => {
    if (b.lines.length <= 2 && datelineOfText(b.lines)) return { kind: 'dateline' };
    // "Moscow, December 23, 1941—noon." followed by "[Received December 24—2:10 p.m.]": two or three lines, asked
    // before every block's lines are copied.
    if (b.lines.length < 2 || b.lines.length > 3) return undefined;
    const [first, ...rest] = b.lines.map((l) => l.trim());
    return rest.length > 0 && rest.length <= 2 && parseDateline(first!) && rest.every((l) => /^\[.*\]?$/.test(l)) ? { kind: 'dateline' } : undefined;
  },
  decimalFile: (b, t) => (b.lines.length === 1 && /^\d{3}\.[\dA-Z]+[\w./–-]*(\s+[\w./–-]+)*(:\s*\p{L}+)?$/u.test(t) && t.length <= 80 ? { kind: 'reference' } : undefined),
  pageNumber: (_b, t) => {
    const m = /^[-–—]\s*(\d{1,4})\s*[-–—]$/.exec(t);
    return m ? { kind: 'pageNum', n: m[1] } : undefined;
  },
  sectionNumber: (b, t) => (b.lines.length === 1 && ROMAN.test(t) ? { kind: 'section', n: t.replace(/\.$/, '') } : undefined),
  noteBody: (b, t) => {
    // A note text opens with its marker: the reader found it as a reference (superscript digits, <sup>59</sup>);
    // printed forms of <sup> that the reader does not take for one are read here.
    const marker = openingNoteRef(b);
    if (marker) return { kind: 'noteBody', n: marker.n };
    // Both forms open with "<", "&" or "lt;" (the text is trimmed): any other block is answered before the whole of
    // its text is searched for "<sup>&</sup>".
    const opening = t.charCodeAt(0);
    if (opening !== 0x3c && opening !== 0x26 && opening !== 0x6c) return undefined;
    const html = /^(?:<sup>[^<]*<\/sup>|&lt;sup&gt;|&amp;lt;sup&amp;gt;|lt;sup>)+\s*(\d{1,4})\s*(?:<\/sup>)?/.exec(t.replace(/<sup>&<\/sup>/g, '<sup></sup>&'));
    const mangled = /^(?:<sup>[^<]*<\/sup>)?\s*(?:&)?(?:lt;|&lt;|<)sup(?:&gt;|>)\s*(\d{1,4})\s*<\/sup>/.exec(t);
    const m = mangled ?? html;
    return m ? { kind: 'noteBody', n: m[1] } : undefined;
  },
  // "[Telegram]", "[Enclosure—Translation]", "[Inclosure 2 with dispatch No. 69.]": an editor's line on the source.
  sourceLine: (b, t) => (b.lines.length === 1 && /^\[/.test(t) && readSourceLine(t) ? { kind: 'sourceNote' } : undefined),
  turnOver: (b, t) => (b.lines.length === 1 && isTurnOver(t) ? { kind: 'turnOver' } : undefined),
  postscript: (_b, t) => (/^P\.\s?S\.?(\s|$|\()/.test(t) ? { kind: 'postscript' } : undefined),
  salute: (b, t) => (b.lines.length === 1 && isSalutationLine(t) ? { kind: 'salute' } : undefined),
  closing: (_b, t) =>
    t.length <= 80 &&
    /^(Yours(\s+(very|most|ever|sincerely|truly|faithfully|respectfully|obediently|cordially))*|Your\s+(very\s+)?(sincere|obedient|humble)\b.*|Believe me\b.*|I\s+(am|remain),?\s+(Sir|yours|your)\b.*|With\s+(kind|best|warm)\w*\s+regards|Best regards|Kind regards|(?:Most|Very|Ever)\s+(?:sincerely|truly|faithfully|cordially)( yours)?|(?:Truly|Cordially|Respectfully)\s+yours|Sincerely( yours)?|Faithfully( yours)?)[,.]?(\s+\S.*)?$/i.test(t) &&
    !/^Yours\s+of\b/i.test(t)
      ? { kind: 'closing' }
      : undefined,
  catchword: (_b, t) => (/^[\p{L}'’-]{1,20}\/$/u.test(t) ? { kind: 'catch' } : undefined),
  reference: (b, t) =>
    b.lines.length === 1 && t.length <= 24 && !/\s/.test(t) && /[/:]/.test(t) && /\d|^[A-Z]+:[A-Z]+$/.test(t) && !/^https?:/.test(t)
      ? { kind: 'reference' }
      : undefined,
  marginalia: (b, t) => {
    if (t.length > 40 || b.lines.some((l) => l.trim().length > 20 && !/[{}]/.test(l))) return undefined;
    const visible = t.replace(/\s/g, '');
    const letters = (visible.match(/\p{L}/gu) ?? []).length;
    return letters / visible.length < 0.6 && /[\d{}/]/.test(visible) ? { kind: 'marginal' } : undefined;
  },
  addressBlock: (b) => {
    if (b.lines.length < 3 || b.lines.length > 8) return undefined;
    const lines = b.lines.map((l) => l.trim());
    if (lines.some((l) => l.length > 45 || l.split(/\s+/).length > 6)) return undefined;
    const commas = lines.filter((l) => /,$/.test(l)).length;
    const capitals = lines.filter((l) => /^\p{Lu}/u.test(l)).length;
    const innerStops = lines.slice(0, -1).filter((l) => /[.!?]$/.test(l) && !/\b[A-Z]\.$/.test(l)).length;
    return commas >= 0.4 * lines.length && capitals >= 0.6 * lines.length && innerStops === 0 ? { kind: 'address' } : undefined;
  },
};

/** The order in which recognisers are tried: the first that answers decides. */
const BLOCK_RECOGNISERS: Recogniser[] = [
  recognisers.sentLine!,
  recognisers.classification!,
  recognisers.dateline!,
  recognisers.decimalFile!,
  recognisers.pageNumber!,
  recognisers.sectionNumber!,
  recognisers.noteBody!,
  recognisers.sourceLine!,
  recognisers.turnOver!,
  recognisers.postscript!,
  recognisers.salute!,
  recognisers.closing!,
  recognisers.catchword!,
  recognisers.reference!,
  recognisers.marginalia!,
  recognisers.addressBlock!,
];

function recognise(block: Block): Recognised | undefined {
  const text = plainText(block);
  for (const r of BLOCK_RECOGNISERS) {
    const found = r(block, text);
    if (found) return found;
  }
  return undefined;
}

export const structurePass: DocumentPass = {
  name: 'structure',
  scope: 'document',
  requires: ['segment', 'inline'],
  run(doc) {
    classify(doc);
    // Now that each block's kind is known, a note's printed marker and a paragraph's printed number leave its text.
    for (const b of doc.blocks) {
      if (b.kind === 'noteBody') takeNoteMarker(b);
      else if (b.kind === 'p' && b.n) takeParagraphNumber(b);
    }
  },
};

/** What each block is: recognisers one block at a time, then the refiners that look at the whole document. */
function classify(doc: TeiDocument): void {
  const blocks: Block[] = [];
  // Most blocks are neither cut nor split: they are pushed as they are, not through an array of one.
  const cut: Block[] = [];
  for (const whole of doc.blocks) {
    const trailing = splitTrailingLine(whole);
    if (trailing === undefined) cut.push(whole);
    else cut.push(...trailing);
  }
  for (const block of cut) {
    if (block.kind === 'runningHead') {
      blocks.push(block);
      continue;
    }
    if (block.kind === 'head' || block.kind === 'classification') {
      const split = splitDatedHeading(block);
      if (split === undefined) blocks.push(block);
      else blocks.push(...split);
      continue;
    }
    const found = recognise(block);
    if (found) {
      block.kind = found.kind;
      if (found.n !== undefined) block.n = found.n;
    } else {
      block.kind = 'p';
      const numbered = /^\s*(\d{1,3})\.\s+\S/.exec(block.lines[0]!);
      if (numbered) block.n = numbered[1];
    }
    const closing = block.kind === 'closing' ? splitClosing(block) : undefined;
    if (closing === undefined) blocks.push(block);
    else blocks.push(...closing);
  }
  doc.blocks = blocks;
  if (doc.kind === 'front') {
    for (const b of doc.blocks) if (b.kind !== 'noteBody') b.kind = b.divisionHead === undefined ? 'p' : 'head';
    return;
  }
  keepParagraphNumbersInSequence(doc.blocks);
  const read = newReading();
  markEnclosures(doc.blocks);
  readOpening(doc);
  // A memo form's header stands where a heading would: its first paragraph is text.
  if (!doc.blocks.some((b) => b.kind === 'head' || b.kind === 'memoHeader')) findSingleHeading(doc, read);
  findAddressLines(doc);
  splitFootnoteBlocks(doc, read);
  readEnds(doc);
  findSignatures(doc, read);
  findTrailingNotes(doc, read);
  findEditorsRemarks(doc.blocks);
}

/** Closer matter a paper ends with: after it, a paragraph is no more of the paper's text. */
const CLOSER_KINDS: ReadonlySet<BlockKind> = new Set(['closing', 'signed', 'dateline']);
/** Blocks that stand anywhere on a page, passed over when looking for what a block follows. */
const PAGE_MATTER: ReadonlySet<BlockKind> = new Set(['catch', 'pageNum', 'turnOver', 'runningHead', 'marginal']);
/** "Note.—The foregoing reply … was telegraphed in full …": the editor's note under a paper, as the editions print it. */
const EDITORS_NOTE = /^Note\.?\s?[—–]\s?\p{Lu}/u;
/** "[Seal of Chinese Plenipotentiaries.]", "[L. S.]": the seal is the signer's, part of the closer. */
const SEAL = /^\[(?:seal|L\.\s?S\.)/i;

/**
 * "[A similar note, mutatis mutandis, was addressed on the same day …]", "[File copy not signed]", "Note.—The foregoing
 * reply …": a paragraph wholly in square brackets, or opening "Note.—", right after a paper's closer (closing formula,
 * signature, place and date) is the editor's remark on the paper, a note where it stands, not a second paper's text.
 */
function findEditorsRemarks(blocks: Block[]): void {
  let prev: Block | undefined;
  // A place and date is closer matter only after text: before it, it opens the paper.
  let text = false;
  for (const b of blocks) {
    if (PAGE_MATTER.has(b.kind)) continue;
    if (b.opensEnclosure) text = false;
    if (b.kind === 'p' && !b.opensEnclosure && prev && CLOSER_KINDS.has(prev.kind) && (prev.kind !== 'dateline' || text)) {
      const words = plainText(b).trim();
      if ((/^\[[^[\]]{12,}\]\.?$/.test(words) && !SEAL.test(words)) || EDITORS_NOTE.test(words)) b.kind = 'sourceNote';
    }
    if (b.kind === 'p') text = true;
    prev = b;
  }
}

/**
 * A number opening a paragraph is the paragraph's number when the paragraphs are numbered: 1 or 2 (a first
 * paragraph often goes unnumbered), or near another paragraph's number (an extract keeps 3, 4, 5, 9). A telegram's
 * own number opening its text ("312. The Norwegian Government …", or "203." before paragraphs 1 and 2) stays text.
 */
/** How far apart two paragraph numbers may be to count as one sequence. */
const NEAR_NUMBER = 5;

function keepParagraphNumbersInSequence(blocks: Block[]): void {
  const numbered = blocks.filter((b) => b.kind === 'p' && b.n !== undefined);
  if (numbered.length === 0) return;
  const numbers = numbered.map((b) => Number(b.n));
  // How many paragraphs print each number (1–3 digits, as classify reads them): "another number near this one" is
  // then a sum over eleven counts, not a look at every other paragraph.
  const counts = numbers.every((n) => Number.isInteger(n) && n >= 0 && n < 1000) ? new Uint32Array(1000 + 2 * NEAR_NUMBER) : undefined;
  if (counts) for (const n of numbers) counts[n + NEAR_NUMBER]!++;
  numbered.forEach((b, i) => {
    const n = numbers[i]!;
    if (n <= 2) return;
    let near = -1; // itself
    if (counts) for (let m = n; m <= n + 2 * NEAR_NUMBER; m++) near += counts[m]!;
    else near = numbers.filter((m, k) => k !== i && Math.abs(m - n) <= NEAR_NUMBER).length;
    if (near === 0) delete b.n;
  });
}

/**
 * The opening of a document (rules/document-opening.ts): file number and source lines, a head that names its
 * parties, a despatch number, the dateline block, a memo form's header.
 */
function readOpening(doc: TeiDocument): void {
  for (const d of readDocumentOpening(doc.blocks)) doc.blocks[d.index]!.kind = d.kind;
  // An enclosure opens as a document does, after its marker: its own head, source lines and dateline.
  doc.blocks.forEach((b, i) => {
    if (!b.opensEnclosure) return;
    if (b.opensEnclosure.unmarked === 'head') b.kind = 'head';
    // A marker opens the enclosure above its opening; a head or a dateline printed without one is part of it.
    const opening = readDocumentOpening(doc.blocks, b.kind === 'sourceNote' ? i + 1 : i).filter((d) => d.kind !== 'memoHeader');
    for (const d of opening) doc.blocks[d.index]!.kind = d.kind;
    findEnclosureAddress(doc.blocks, i);
    if (b.kind === 'head' || opening.some((d) => d.kind === 'head')) return;
    // A title over the enclosure that names no parties ("Report on Activities …") is its head all the same, where it
    // stands first, under the marker and the source lines, with more of the enclosure after it.
    let j = i + 1;
    while (j < doc.blocks.length && (doc.blocks[j]!.kind === 'sourceNote' || doc.blocks[j]!.kind === 'runningHead') && !doc.blocks[j]!.opensEnclosure) j++;
    const title = doc.blocks[j];
    const next = doc.blocks[j + 1];
    if (title?.kind !== 'p' || title.lines.length !== 1 || !next || next.opensEnclosure || next.kind === 'noteBody') return;
    // Or whatever its words, where the enclosure's dateline follows it: "To Prince Ching and Li Hung-chang. Copy of
    // note agreed upon by the Foreign Representatives." over "Peking, February 18, 1901.".
    if (isEnclosureTitle(plainText(title)) || (next.kind === 'dateline' && !isSalutation(title) && plainText(title).length <= MAX_HEAD_OVER_DATELINE)) title.kind = 'head';
  });
}

/** The most characters of a line between an enclosure's marker and its dateline that is its head. */
const MAX_HEAD_OVER_DATELINE = 200;

/** What an enclosure's opening holds before its address: head, source lines, a number, the dateline. */
const OPENER_KINDS: ReadonlySet<BlockKind> = new Set(['head', 'sourceNote', 'reference', 'dateline', 'runningHead', 'pageNum', 'catch']);

/**
 * "His Excellency the Minister of Spain, Peking." between an enclosure's dateline and its salutation: the address
 * of the letter enclosed, opener matter as the dateline is.
 */
function findEnclosureAddress(blocks: Block[], from: number): void {
  let after = from + 1;
  while (after < blocks.length && OPENER_KINDS.has(blocks[after]!.kind) && !blocks[after]!.opensEnclosure) after++;
  const b = blocks[after];
  const next = blocks[after + 1];
  if (b?.kind === 'p' && next && isSalutation(next) && isAddressOver(b)) b.kind = 'address';
}

/**
 * The markers that open enclosures (rules/enclosures.ts) are source lines that say so: the opening, the end and
 * the layout of each enclosure are read from them.
 */
function markEnclosures(blocks: Block[]): void {
  for (const span of findEnclosures(blocks)) {
    const first = blocks[span.from]!;
    // An enclosure printed without a marker opens with its head (made one once the document's own head is read), its
    // source line or its dateline.
    if (span.unmarked !== 'head') first.kind = span.unmarked === 'dateline' ? 'dateline' : 'sourceNote';
    first.opensEnclosure = { level: span.level, ...(span.n ? { n: span.n } : {}), ...(span.unmarked ? { unmarked: span.unmarked } : {}) };
  }
}

/**
 * The footnote block after a document (rules/footnote-block.ts): each note text on its own lines becomes a note
 * body of its own, whatever comes before it, when the text refers to its number.
 */
/** What a footnote block may have been taken for, one block at a time. */
const SPLIT_KINDS: ReadonlySet<BlockKind> = new Set(['p', 'noteBody', 'sourceNote', 'reference', 'marginal']);

function splitFootnoteBlocks(doc: TeiDocument, read: Reading): void {
  const blocks = doc.blocks;
  // Most documents end in no block that opens with a note's marker: then nothing splits, whatever the text refers to,
  // and the references of every block are not read for it.
  // A quoted paragraph may end the block, after the note that quotes it (see below).
  let lastAt = blocks.length - 1;
  while (lastAt > 0 && opensWithQuotation(blocks[lastAt]!)) lastAt--;
  const lastBlock = blocks[lastAt];
  if (!lastBlock || (lastBlock.kind === 'noteBody' && !lastBlock.n) || !SPLIT_KINDS.has(lastBlock.kind) || !opensWithNoteLine(lastBlock)) return;
  const referenced = new Set<string>();
  for (const b of blocks) {
    if (b.kind === 'noteBody') continue;
    for (const n of read.refs(b)) referenced.add(n);
    if (wordsHold(b.inlines, MARKER_CODE)) for (const n of referencedMarkers(read.words(b))) referenced.add(n);
  }
  if (referenced.size === 0) return;
  let start = blocks.length;
  const parts: Block[][] = [];
  // Quoted paragraphs after the block the walk stands at, waiting for the note that quotes them.
  let quoted: Block[] = [];
  while (start > 0) {
    const b = blocks[start - 1]!;
    if (b.kind === 'noteBody' && !b.n) break;
    // Short note lines ("61. Post, p. 210." / "62. Post, p. 216.") have the look of marginalia: their markers decide.
    const split = SPLIT_KINDS.has(b.kind) ? splitFootnoteBlock(b, referenced) : undefined;
    if (!split) {
      if (!opensWithQuotation(b)) break;
      quoted.unshift(b);
      start--;
      continue;
    }
    if (continuesNumberedParagraphs(split, blocks[start - 2], parts)) break;
    if (quoted.length > 0) {
      const note = split[split.length - 1]!;
      if (note.kind !== 'noteBody' || !introducesQuotation(note)) break;
      split[split.length - 1] = quoted.reduce<Block>((into, q) => ({ ...into, ...joinLines(into, q), inlines: [] }), note);
      quoted = [];
    }
    parts.unshift(split);
    start--;
  }
  // Quoted paragraphs no note introduced stay what they were.
  start += quoted.length;
  if (parts.length === 0) return;
  const notes = parts.flat();
  for (const n of notes) {
    parseBlock(n);
    if (n.kind === 'noteBody') takeNoteMarker(n);
  }
  doc.blocks = [...blocks.slice(0, start), ...notes];
}

/**
 * A note that quotes a letter ends its own text with a colon ("… under date of August 21, as follows:—"), and a
 * print extraction may set the quotation ("“Around August 10 the peso …") as a paragraph of its own: a paragraph that
 * opens with a quotation mark right after such a note, in the footnote block, is that note's text.
 */
function opensWithQuotation(b: Block): boolean {
  return SPLIT_KINDS.has(b.kind) && b.kind !== 'noteBody' && /^["“‘]/.test(b.lines[0]!.trim());
}

/** A note whose text ends with a colon, with or without a dash ("as follows:", "as follows:—"). */
function introducesQuotation(note: Block): boolean {
  return /:\s*[—–-]?$/.test(note.lines[note.lines.length - 1]!.trim());
}

/**
 * A block read as one note is the next numbered paragraph of the text when its number follows the paragraph before
 * it and the footnote block after it prints that number again: "13. In the spirit …" / "14. Within these general
 * lines …" / "15. The Government …" / "14. Undated memorandum …\n15. Sumner Welles …" (note numbers run through a
 * volume, and may meet the paragraphs' own).
 */
function continuesNumberedParagraphs(split: readonly Block[], before: Block | undefined, after: readonly Block[][]): boolean {
  const n = split.length === 1 ? split[0]!.n : undefined;
  if (!n || !/^\d+$/.test(n) || !followsParagraphNumbered(before, n)) return false;
  return after.some((part) => part.some((x) => x.n === n));
}

/**
 * True when `before` is the text's paragraph numbered one less than `n`: the first half of the test by which a
 * numbered block is the text's next paragraph rather than note `n` (the footnote block's split and the trailing notes
 * both ask it; the second half, where the note number is printed again, depends on how far each has cut the notes).
 */
function followsParagraphNumbered(before: Block | undefined, n: string): boolean {
  return before?.kind === 'p' && before.n === String(Number(n) - 1);
}

/**
 * How the covering document and each enclosure end (rules/document-end.ts): signatures after a closing formula
 * anywhere, then the last signature block, place-and-date line and address at the foot of each part.
 */
function readEnds(doc: TeiDocument): void {
  const blocks = doc.blocks;
  // The trailing footnote block is no part's end.
  let end = blocks.length;
  while (end > 0 && (blocks[end - 1]!.kind === 'noteBody' || blocks[end - 1]!.kind === 'sourceNote')) end--;
  if (!blocks.slice(end).some((b) => b.kind === 'noteBody')) end = blocks.length;
  const bounds = [0];
  blocks.forEach((b, i) => {
    if (i < end && b.opensEnclosure) bounds.push(i);
  });
  bounds.push(end);
  const decisions: EndDecision[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    decisions.push(...readClosedSignatures(blocks, bounds[k]!, bounds[k + 1]!), ...readDocumentEnd(blocks, bounds[k]!, bounds[k + 1]!));
  }
  const splits = new Map<number, number>();
  for (const d of decisions) {
    if ('split' in d) splits.set(d.index, d.split.closingLines);
    else blocks[d.index]!.kind = d.kind;
  }
  if (splits.size === 0) return;
  doc.blocks = blocks.flatMap((b, i) => {
    const k = splits.get(i);
    if (k === undefined) return [b];
    // "Yours very faithfully,\nCharles Lyell": the closing and the signature, each read from its own lines.
    return reread([
      { ...b, ...sliceLines(b, 0, k), kind: 'closing', inlines: [] },
      { ...b, ...sliceLines(b, k), kind: 'signed', inlines: [] },
    ]);
  });
}

/**
 * A date, or a page-foot catchword ("Russian/"), printed on the last line of a paragraph with no blank
 * line before it is still a block of its own: the two blocks, or undefined when the block stays whole.
 */
function splitTrailingLine(block: Block): Block[] | undefined {
  if (block.kind !== 'p' || block.lines.length < 2) return undefined;
  const last = block.lines[block.lines.length - 1]!;
  const parsed = parseDateline(last);
  const catchword = recognisers.catchword!(block, last.trim());
  if (!catchword && (!parsed || parsed.sent || parsed.place)) return undefined;
  // "53 Harley Street, London," over "March 14, 1859.": the address the date belongs to, one dateline.
  if (!catchword && datelineBlockOf(block.lines)?.dateline) return undefined;
  return reread([
    { ...block, ...sliceLines(block, 0, block.lines.length - 1) },
    { ...block, ...sliceLines(block, block.lines.length - 1), kind: 'p', inlines: [] },
  ]);
}

/** Blocks cut out of one block are read anew from their own lines: emphasis pairs up within each. */
function reread(blocks: Block[]): Block[] {
  for (const b of blocks) parseBlock(b);
  return blocks;
}

/** "May 4, 1943 **PERSONAL AND SECRET MESSAGE**": the date becomes a dateline block of its own (undefined: no date). */
function splitDatedHeading(block: Block): Block[] | undefined {
  const first = block.lines[0]!;
  const rest = stripLeadingDate(first);
  if (rest === first || block.kind !== 'head') return undefined;
  const cut = first.length - rest.length;
  const date: Block = { ...block, kind: 'dateline', endLine: block.line, lines: [first.slice(0, cut).trimEnd()], inlines: [] };
  const head: Block = { ...block, lines: [rest, ...block.lines.slice(1)], column: block.column + cut, inlines: [] };
  return reread([date, head]);
}

/**
 * "Yours very sincerely, (SGD) HALIFAX": the closing phrase and the signature on one line; undefined when the block
 * stays whole.
 */
function splitClosing(block: Block): Block[] | undefined {
  if (block.lines.length !== 1) {
    if (looksLikeSignature(lineWithoutNotes(block, block.lines.length - 1))) {
      const closing: Block = { ...block, ...sliceLines(block, 0, block.lines.length - 1) };
      const signed: Block = { ...block, ...sliceLines(block, block.lines.length - 1), kind: 'signed', inlines: [] };
      return reread([closing, signed]);
    }
    return undefined;
  }
  const signature = /^.*?,\s+(\S.*)$/.exec(textWithoutNotes(block.inlines))?.[1];
  const line = block.lines[0]!;
  const m = /^(\s*.*?,)\s+(\S.*)$/.exec(line);
  if (!m || !signature || !looksLikeSignature(signature)) return undefined;
  const at = line.indexOf(m[2]!, m[1]!.length);
  return reread([
    { ...block, lines: [m[1]!] },
    { ...block, kind: 'signed', lines: [line.slice(at)], column: block.column + at, inlines: [] },
  ]);
}

/**
 * "J. STALIN", "(CLIFFORD WEBSTER)59", "(SGD) HALIFAX", "H.", "HARRIMAN": a line's text as the reader left it
 * (no emphasis marks, no note references); digits glued to the end are a note number printed as plain text.
 */
export function looksLikeSignature(text: string): boolean {
  const t = text.replace(/\d+$/, '').trim();
  if (t.length === 0 || t.length > 45) return false;
  if (/^[A-Z]\.$/.test(t)) return true;
  const inner = t.replace(/^\((?:SGD\.?|S\.?|Signed)\)\s*/i, '').replace(/^\((.*)\)$/, '$1').trim();
  const words = inner.split(/\s+/);
  if (words.length > 5 || /\b(TO|FROM|FOR)\b/.test(inner) || isClassification(inner)) return false;
  return words.every((w) => /^[A-Z][A-Z.'’-]*,?$/.test(w)) && /[A-Z]{2}/.test(inner);
}

/** Single documents: the heading is the first short, unpunctuated block before the body. */
function findSingleHeading(doc: TeiDocument, read: Reading): void {
  // A line naming writer and addressee is the heading wherever it stands among the first blocks.
  // It is one short line, not a sentence, and stands before the first full paragraph.
  const firstParagraph = doc.blocks.findIndex((b) => b.kind === 'p' && plainText(b).length > 200);
  const named = doc.blocks.slice(0, Math.min(6, firstParagraph < 0 ? 6 : firstParagraph)).find((b) => {
    if (b.kind !== 'p' || b.lines.length > 2) return false;
    const text = plainText(b);
    if (text.length > 150 || /[.;!?]$/.test(text) || isBracketedLine(text) || /[.!?]\s+\p{Lu}/u.test(text) || noteRefNumbers(b.inlines).length > 0) return false;
    const parties = partiesFromHeading(text);
    return parties !== undefined && parties.sender.length + parties.addressees.length > 0 && (parties.sender.length > 0 || !!parties.senderRole);
  });
  if (named) {
    named.kind = 'head';
    return;
  }
  for (const block of doc.blocks.slice(0, 6)) {
    if (block.kind !== 'p') {
      if (block.kind === 'noteBody' || block.kind === 'salute') return;
      continue;
    }
    const text = read.words(block);
    // An editor's bracketed line is a remark on the paper, never its heading ("[Communicated to Minister Wu for
    // transmission, October 18, 1900.]"): its "to" names no addressee.
    if (isBracketedLine(text)) continue;
    // A sentence is not a heading, even one that names people ("I write to tell you …").
    const unpunctuated = !/[.!?;:]$/.test(text) || /^\*.*\*$/.test(blockText(block));
    if (text.length <= 260 && unpunctuated) {
      block.kind = 'head';
      const next = doc.blocks[doc.blocks.indexOf(block) + 1];
      if (next && next.kind === 'p' && next.lines.length === 1 && isByline(plainText(next))) next.kind = 'byline';
    }
    return;
  }
}

/**
 * The addressee's place printed under a heading ("Moscow", "\"Livadia,\" the Crimea", "The White House,
 * Washington"): one short line, not a sentence, before the salutation or the text.
 */
function findAddressLines(doc: TeiDocument): void {
  const blocks = doc.blocks;
  const head = blocks.findIndex((b) => b.kind === 'head');
  if (head < 0) return;
  let i = head + 1;
  while (i < blocks.length && (blocks[i]!.kind === 'head' || blocks[i]!.kind === 'classification')) i++;
  const b = blocks[i];
  const next = blocks[i + 1];
  if (!b || !next || b.kind !== 'p' || b.lines.length !== 1) return;
  const text = plainText(b);
  const words = text.split(/\s+/).length;
  if (text.length > 40 || words > 5 || /[.!?:;]$/.test(text) || !/^["“]?\p{Lu}/u.test(text) || /\d/.test(text)) return;
  if (next.kind === 'salute' || next.kind === 'dateline' || next.kind === 'p') b.kind = 'address';
}

function isByline(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && /^(by\s+)?[\p{Lu}][\p{Lu}.'’-]*(\s+[\p{Lu}][\p{Lu}.'’-]*)+$/iu.test(text) && text === text.toUpperCase();
}

/** A short name after the last paragraph (or after a closing phrase) is the signature. */
function findSignatures(doc: TeiDocument, read: Reading): void {
  const blocks = doc.blocks;
  // "1. See the telegram …" after the signature is a note text, not more body.
  // The references of every block are read only once a paragraph opens with a number.
  let refs: Set<string> | undefined;
  const isNoteText = (b: Block) => {
    const n = /^(\d{1,3})\.\s/.exec(plainText(b))?.[1];
    return n !== undefined && (refs ??= referencedNotes(blocks, read)).has(n);
  };
  // What lies before and after each block, computed once: the loop only ever changes blocks behind it.
  const lastText = blocks.findLastIndex((x) => x.kind === 'p' || x.kind === 'postscript');
  const firstClosing = blocks.findIndex((x) => x.kind === 'closing' || x.kind === 'dateline');
  const bodyAfter: boolean[] = new Array(blocks.length).fill(false);
  for (let i = blocks.length - 2; i >= 0; i--) {
    const x = blocks[i + 1]!;
    bodyAfter[i] = bodyAfter[i + 1]! || (x.kind === 'p' && !wordsLookLikeSignature(x, read) && !isNoteText(x));
  }
  let bodyBefore = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'p' && b.lines.length <= 3) classifySignature(b, i);
    if (b.kind === 'p' || b.kind === 'postscript') bodyBefore = true;
  }

  function classifySignature(b: Block, i: number): void {
    // "Army General ANTONOV," / "Chief of Staff of the Red Army": a name in capitals with its office, last.
    const last = lastText <= i;
    if (last && firstClosing >= 0 && firstClosing < i) {
      const first = lineWithoutNotes(b, 0);
      if (/\b\p{Lu}{3,}\b/u.test(first) && !/[.!?]$/.test(first) && read.words(b).length <= 120) {
        b.kind = 'signed';
        return;
      }
    }
    if (b.lines.length > 2) return;
    // An editor's source line ("[Translation.]", "[Telegram]") stands over a paper's title or text, never over the
    // signature that ends one: "[Translation.]" / "FINAL PROTOCOL." opens the translation.
    if (blocks[i - 1]?.kind === 'sourceNote') return;
    const afterClosing = blocks[i - 1]?.kind === 'closing';
    if ((afterClosing || bodyBefore) && linesLookLikeSignature(b)) {
      b.kind = 'signed';
    } else if (afterClosing || (bodyBefore && !bodyAfter[i])) {
      // A mixed-case name alone on the last line: "Winston S. Churchill", "Harriman".
      const text = read.words(b);
      if (/^\[?\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}\]?$/u.test(text) && !/[.!?]$/.test(text.replace(/\b\p{Lu}\.$/u, ''))) {
        b.kind = 'signed';
      }
    }
  }
}

/** The most characters {@link looksLikeSignature} takes, once digits at the end and spaces are left out. */
const MAX_SIGNATURE_CHARS = 45;

/** {@link looksLikeSignature} of the block's words; a paragraph is answered before its words are read. */
function wordsLookLikeSignature(b: Block, read: Reading): boolean {
  return !nonDigitCharsExceed(b.inlines, MAX_SIGNATURE_CHARS) && looksLikeSignature(read.words(b));
}

/** {@link looksLikeSignature} of every line of the block; a long line is answered before its words are read. */
function linesLookLikeSignature(b: Block): boolean {
  for (let k = 0; k < b.lines.length; k++) {
    const pieces = b.pieces?.[k];
    const lines = !pieces || pieces.length === 0 ? { from: b.line + k, to: b.line + k } : { from: pieces[0]!.line, to: pieces[pieces.length - 1]!.line };
    if (nonDigitCharsExceed(b.inlines, MAX_SIGNATURE_CHARS, lines) || !looksLikeSignature(lineWithoutNotes(b, k))) return false;
  }
  return true;
}

/** A block whose first three lines hold a note's marker ("1. …", "*. …", "¹ …"): it may open a footnote block. */
function opensWithNoteLine(b: Block): boolean {
  return b.lines.slice(0, 3).some((line) => noteLineMarker(line) !== undefined);
}

/**
 * Documentary editions print their footnotes after the signature as "1. …" lines. Such blocks become
 * note bodies when the text refers to that number with a superscript; an unnumbered block among them,
 * or one that begins "Source", is the source note.
 */
function findTrailingNotes(doc: TeiDocument, read: Reading): void {
  const blocks = doc.blocks;
  let lastEnd = -1;
  blocks.forEach((b, i) => {
    if (b.kind === 'signed' || b.kind === 'closing') lastEnd = i;
  });
  if (lastEnd < 0) return;
  let refs: Set<string> | undefined;
  let inNotes = false;
  // Volume messages carry no source notes of their own; nor does the text of an enclosure that opens after the last
  // signature ("Your Excellency: We have the honor …", "… received the following Edict:" are its paragraphs).
  const enclosureAfter = blocks.findLastIndex((b) => b.opensEnclosure) > lastEnd;
  const single = doc.kind !== 'telegram' && !enclosureAfter;
  let previous: Block | undefined = blocks[lastEnd];
  for (let i = lastEnd + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    const text = plainText(b);
    const m = /^(\d{1,3})\.\s+\S/.exec(text);
    const before = previous;
    if (!PAGE_MATTER.has(b.kind)) previous = b;
    if (m && (refs ??= referencedNotes(blocks.slice(0, lastEnd + 1), read)).has(m[1]!) && !isNextListItem(m[1]!, before, blocks, i)) {
      b.kind = 'noteBody';
      b.n = m[1];
      inNotes = true;
    } else if (b.kind === 'p' && (/^Sources?:/.test(text) || inNotes || (single && text.length <= 200 && /:/.test(text)))) {
      // "Source: …", "Roosevelt Papers: Telegram.": where the edition found the document.
      b.kind = 'sourceNote';
    }
  }
}

/**
 * "3. The conversion of the backlog …" right after "2. The restriction of …", with "3. Infra." in the footnote block
 * below: the next item of the text's numbered list, not note 3. A note after a signature follows closer matter, a
 * source line or another note, never the paragraph numbered one less, and the footnote block prints its number once.
 */
function isNextListItem(n: string, before: Block | undefined, blocks: readonly Block[], at: number): boolean {
  if (!followsParagraphNumbered(before, n)) return false;
  // A footnote block not yet cut into notes ("3. Infra.\n4. No copy …" in a print extraction) prints it as well.
  for (let k = at + 1; k < blocks.length; k++) if ((blocks[k]!.kind === 'noteBody' && blocks[k]!.n === n) || noteLineMarker(blocks[k]!.lines[0] ?? '') === n) return true;
  return false;
}

/**
 * What the refiners ask of a block, read once per run of the pass: they ask several times about the same block
 * before any block changes (the pieces a block is cut into are new blocks).
 */
interface Reading {
  /** The block's words without note references (textWithoutNotes). */
  words(b: Block): string;
  /** The note numbers the block refers to: its references, and digits glued to a word ("the message.1 He said"). */
  refs(b: Block): readonly string[];
}

function newReading(): Reading {
  const words = new Map<Block, string>();
  const refs = new Map<Block, string[]>();
  const reading: Reading = {
    words(b) {
      let text = words.get(b);
      if (text === undefined) {
        text = textWithoutNotes(b.inlines);
        words.set(b, text);
      }
      return text;
    },
    refs(b) {
      let found = refs.get(b);
      if (!found) {
        found = noteRefNumbers(b.inlines);
        // Glued numbers are digits: a block without any is not put together to be read for them.
        if (wordsHold(b.inlines, ASCII_DIGIT)) for (const n of gluedNoteNumbers(reading.words(b))) found.push(n);
        refs.set(b, found);
      }
      return found;
    },
  };
  return reading;
}

/** Note numbers the blocks refer to. */
function referencedNotes(blocks: Block[], read: Reading): Set<string> {
  const refs = new Set<string>();
  for (const b of blocks) for (const n of read.refs(b)) refs.add(n);
  return refs;
}
