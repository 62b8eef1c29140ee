/**
 * Where the documents of a documentary edition begin and end, read from the layout alone. A document
 * opens with its archive reference printed above the head ("File No. 861.51/131", "710.G Peace/22:
 * Telegram") or, where the edition prints none, with its head ("Mr. Conger to Mr. Hay."); it runs to the
 * next document's first line, its footnote block included. Between two documents the volume may print the
 * heads of its own divisions (parts, chapters, subchapters), which belong to no document. A head printed
 * under an enclosure marker ("[Enclosure]") opens an enclosure inside its covering document, not a new one.
 *
 * Works on blocks (what blank lines separate), before any pass has classified them.
 */
import type { Block } from '../../model/document.js';
import { blockText } from '../readers/blocks.js';
import { findFullDate, parseDateline } from './dateline.js';
import { divisionHeadStrength, isNameLike } from './division-head.js';
import { isDocumentHeadShape } from './document-head.js';
import { isFootnoteBlock, noteLineMarker, superscriptMarkers } from './footnote-block.js';
import { isBracketedLine, isEnclosureMarker, isFileNumberLine, readSourceLine } from './source-note.js';
import { readMemoHeader } from './memo-header.js';
import { isSalutationLine, opensWithSalutation, startsWithSalutation } from './salutation.js';

/** One stretch of the volume: a document, or the heads of the volume's divisions between two documents. */
export interface VolumeUnit {
  kind: 'document' | 'divisions';
  /** Index of the first block and one past the last. */
  from: number;
  to: number;
  /** Index of the document's head block, when it has one. */
  head?: number;
}

/** What each block looks like on its own, computed once. */
interface BlockShape {
  text: string;
  oneLine: boolean;
  fileNumber: boolean;
  head: boolean;
  enclosure: boolean;
  bracketed: boolean;
  dateline: boolean;
  /** A telegram form's header: "TELEGRAM No. 418" / "From: …" / "To: …" / "Date: …". */
  memo: boolean;
  /**
   * Asked when a head looks back over the document before it, and kept: every head of a volume looks back over the
   * blocks since the last document's head, so that a long stretch of heads taken for enclosures read the same
   * paragraphs again for each (see {@link announces}, {@link stemsOf}).
   */
  announces: boolean | undefined;
  stems: string[] | undefined;
}

function shapeOf(block: Block): BlockShape {
  const raw = blockText(block);
  const text = raw.includes('*') ? raw.replace(/\*+/g, '').trim() : raw;
  const oneLine = block.lines.length === 1;
  // Paragraphs are most blocks and none of these: test the cheap bound first.
  const short = text.length <= 480;
  return {
    text,
    oneLine,
    fileNumber: short && oneLine && isFileNumberLine(text),
    head: short && oneLine && isDocumentHeadShape(text),
    enclosure: short && oneLine && isEnclosureMarker(text),
    bracketed: short && isBracketedLine(text),
    dateline: short && block.lines.length <= 3 && block.lines.some((l) => parseDateline(l) !== undefined),
    memo: block.lines.length >= 2 && block.lines.length <= 8 && /^\W*[A-Z]/.test(block.lines[0]!) && isMemoHeader(block.lines),
    announces: undefined,
    stems: undefined,
  };
}

/** A telegram form's header with a sender or an addressee, the whole block. */
function isMemoHeader(lines: readonly string[]): boolean {
  const memo = readMemoHeader(lines);
  return memo !== undefined && memo.lines.length === lines.length && memo.lines.some((l) => l.field === 'from' || l.field === 'to');
}

/** Fewer document openings than this, and the file is not read as a documentary volume. */
const MIN_DOCUMENTS = 2;

/**
 * The documents and division heads of a documentary volume, in order, covering every block; undefined when
 * the file shows fewer than two document openings, unless it opens with one document's file number and head (a
 * despatch whose enclosures have heads of their own is one document).
 */
export function segmentDocumentaryVolume(blocks: readonly Block[]): VolumeUnit[] | undefined {
  const shapes = blocks.map(shapeOf);
  const starts = documentStarts(shapes, blocks);
  // One document under its file number is still read here: its enclosures' heads must not split it.
  const single = starts.length === 1 && starts[0]!.start === 0 && starts[0]!.head !== undefined && shapes[0]!.fileNumber;
  if (starts.length < MIN_DOCUMENTS && !single) return undefined;
  const divisionsFrom = starts.map(({ start }, k) => (k === 0 ? 0 : divisionHeadsBefore(blocks, shapes, start, (starts[k - 1]!.head ?? starts[k - 1]!.start) + 1)));
  const units: VolumeUnit[] = [];
  for (let k = 0; k < starts.length; k++) {
    const { start, head } = starts[k]!;
    units.push({ kind: 'divisions', from: divisionsFrom[k]!, to: start });
    units.push({ kind: 'document', from: start, to: k + 1 < starts.length ? divisionsFrom[k + 1]! : blocks.length, head });
  }
  return units.filter((u) => u.to > u.from);
}

interface Start {
  start: number;
  head?: number;
}

/**
 * The blocks that open a document: a file number (with the head under it), or a head with none above.
 *
 * A head-shaped line opens a document only where the layout agrees: it is not under an enclosure marker or
 * directly above a file number or another head (then it titles an enclosure or a division), the document
 * before it already has text of its own ("Memorandum" under "No. 980" is a second title of the same note),
 * and text follows it rather than a signature or the footnote block ("Repeated to Buenos Aires." closes a
 * telegram). In an edition that prints file numbers above its heads, every document has one: a head without
 * one opens a document only after the previous document's end (its footnotes, its signature).
 */
function documentStarts(shapes: BlockShape[], blocks: readonly Block[]): Start[] {
  const byFileNumber: Start[] = [];
  const memoStarts: Start[] = [];
  const headCandidates: number[] = [];
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i]!;
    const prev = shapes[i - 1];
    if (s.fileNumber) {
      if (prev && (prev.fileNumber || prev.enclosure)) continue;
      let h = i + 1;
      while (h < shapes.length && shapes[h]!.fileNumber) h++;
      byFileNumber.push({ start: i, head: h < shapes.length && shapes[h]!.head ? h : undefined });
      continue;
    }
    // A telegram form opens its document with its header block, as a head does.
    if (s.memo && !(prev && prev.enclosure)) {
      memoStarts.push({ start: i });
      continue;
    }
    if (!s.head || (prev && (prev.fileNumber || prev.enclosure || (prev.bracketed && /closure/i.test(prev.text))))) continue;
    // "Annex No. 8." / "IMPERIAL EDICT of the 19th August, 1901." / "Edict received by …": a second title of the annex.
    if (prev?.oneLine && shapes[i - 2]?.enclosure) continue;
    const next = shapes[i + 1];
    // "Imperial Edict." over "[Inclosure.—Translated from the Peking Gazette …]": the enclosure's head, printed above its marker.
    if (!next || next.fileNumber || next.head || next.enclosure || isNameLike(next.text) || isFootnoteBlock(blocks[i + 1]!.lines)) continue;
    headCandidates.push(i);
  }
  const fileNumbered = byFileNumber.length >= headCandidates.length;
  // A head opens a document when a document's opening follows it (a date line, a bracketed source note, a
  // salutation); in a file with few such heads, only those: an article's section title "From Munich to Prague"
  // has the shape of a head, not its company.
  const confirmed = headCandidates.filter((i) => opensDocument(shapes, i));
  const isVolume = confirmed.length >= MIN_CONFIRMED_HEADS;
  const candidates = isVolume ? headCandidates : confirmed;
  const starts: Start[] = [...byFileNumber, ...memoStarts];
  let lastStart = -1;
  // The starts the other rules found, in order: the nearest before each candidate is read off as the loop goes.
  const found = starts.map((x) => x.start).sort((a, b) => a - b);
  let f = 0;
  for (const i of candidates) {
    // The previous document: the nearest start before i, whichever rule found it.
    while (f < found.length && found[f]! < i) lastStart = Math.max(lastStart, found[f++]!);
    if (lastStart >= 0 && !hasText(shapes, lastStart, i)) continue;
    if (fileNumbered && !endsDocument(shapes, blocks, Math.max(lastStart, 0), i - 1)) continue;
    // In a file of a few documents, heads after a letter that encloses papers are its enclosures unless they
    // name one of its parties; a volume's many correspondents make that test useless there: in a volume, a head is
    // an enclosure only where the letter announces it and it is not dated after the letter.
    if (lastStart >= 0 && (isVolume ? isAnnouncedEnclosure(shapes, blocks, lastStart, i) : isEnclosureOf(shapes, lastStart, i))) continue;
    // "[Translation.]" printed above the head, after the previous document's end, is this document's source line.
    const above = shapes[i - 1];
    const start = above && above.oneLine && above.bracketed && !above.enclosure && i - 1 > lastStart && (readSourceLine(above.text)?.kinds.length ?? 0) > 0 ? i - 1 : i;
    starts.push({ start, head: i });
    lastStart = i;
  }
  starts.sort((a, b) => a.start - b.start);
  // An edition that prints file numbers gives every document one; without them, some documents have no head.
  return isVolume && !fileNumbered ? withHeadless(shapes, blocks, starts) : starts;
}

/**
 * A salutation on a line of its own: a form of address ("Sir:", "My dear Mr. Hay:"), or any short capitalised line
 * that ends as one ("The President:", "His Majesty Kwang Hsu, Emperor of China, greeting:").
 */
function isSalutationShape(s: BlockShape): boolean {
  if (!s.oneLine || s.head || s.dateline) return false;
  return isSalutationLine(s.text) || (s.text.length <= 80 && /^\p{Lu}[^.!?;:]*[:,]$/u.test(s.text));
}

/** Running text: a block that is no title, note line, date line or name. */
function isText(s: BlockShape | undefined): boolean {
  return !!s && !s.head && !s.fileNumber && !s.bracketed && !s.dateline && !s.enclosure && !isNameLike(s.text);
}

/**
 * Documents printed without a head, in a volume without file numbers: after a document's end (its signature,
 * its closing date line), a salutation on a line of its own opens the next one ("The President:"), and so does an
 * editor's bracketed line over text ("[Handed to the President by Minister Wu, October 17, 1900.]"); after text,
 * a date line over a salutation ("Washington, October 18, 1900." / "[Communicated …]" / "His Majesty …, greeting:")
 * does. The volume's first salutation under its title opens its first document.
 */
function withHeadless(shapes: BlockShape[], blocks: readonly Block[], starts: Start[]): Start[] {
  const out: Start[] = [];
  let k = 0;
  let previous = -1;
  // What the blocks since the previous document's start hold, kept as the loop goes (linear in the volume).
  let textSince = false;
  let markerSince = false;
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i]!;
    if (k < starts.length && starts[k]!.start === i) {
      out.push(starts[k++]!);
      previous = i;
      textSince = markerSince = false;
      continue;
    }
    if (opensHeadless(shapes, blocks, i, previous, textSince, markerSince)) {
      out.push({ start: i });
      previous = i;
      textSince = markerSince = false;
      continue;
    }
    textSince ||= holdsText(s);
    markerSince ||= s.enclosure || (s.bracketed && /closure/i.test(s.text));
  }
  return out;
}

/** True when block i opens a document without a head (see {@link withHeadless}). */
function opensHeadless(shapes: BlockShape[], blocks: readonly Block[], i: number, previous: number, textSince: boolean, markerSince: boolean): boolean {
  const s = shapes[i]!;
  if (!s.dateline && !s.bracketed && !isSalutationShape(s)) return false;
  // Once a document prints an enclosure marker, what follows up to the next head is its enclosures'.
  if (markerSince) return false;
  const before = shapes[i - 1];
  const opensVolume = previous < 0 && i <= 2 && shapes.slice(0, i).every((x) => x.oneLine && !x.dateline);
  // The end of the document before: its signature, or a date line closing it (after its signature or its text).
  const signature = (x: BlockShape | undefined) => !!x && x.oneLine && isNameLike(x.text);
  const closes = !!before && (signature(before) || (before.dateline && (signature(shapes[i - 2]) || isText(shapes[i - 2]))));
  const afterEnd = previous >= 0 && closes && textSince && !isFootnoteBlock(blocks[i - 1]!.lines);
  if (isSalutationShape(s)) return isText(shapes[i + 1]) && (opensVolume || afterEnd);
  if (s.bracketed && s.oneLine && !s.enclosure) return afterEnd && !!before?.dateline && isText(shapes[i + 1]);
  if (!s.dateline) return false;
  if (previous >= 0 && isText(before) && textSince) {
    let j = i + 1;
    while (j < shapes.length && j <= i + 2 && shapes[j]!.bracketed) j++;
    const salute = shapes[j];
    return !!salute && (isSalutationShape(salute) || opensWithSalutation(salute.text));
  }
  // Two date lines: the first closes the document before, the second opens this one.
  const next = shapes[i + 1];
  return !!before?.dateline && afterEnd && !!next && (isSalutationShape(next) || opensWithSalutation(next.text));
}

/** "I inclose …", "the inclosed letter", "I transmit herewith …": a document that sends enclosures. */
const ENCLOSING = /\b(?:in|en)clos(?:e|ed|es|ing|ure|ures)\b|\bherewith\b/i;

/**
 * True when head i is an enclosure of the document that starts at `cover`, printed without an enclosure marker:
 * that document says it encloses something, and head i names none of the parties of its head (the
 * correspondence goes on between the same parties; an enclosure is another's letter).
 */
function isEnclosureOf(shapes: BlockShape[], cover: number, i: number): boolean {
  let coverHead = cover;
  while (coverHead < i && !shapes[coverHead]!.head) coverHead++;
  if (coverHead >= i) return false;
  let encloses = false;
  for (let j = coverHead + 1; j < i && !encloses; j++) encloses = announces(shapes[j]!);
  if (!encloses) return false;
  const ours = partyKeys(shapes[coverHead]!.text);
  return !partyKeys(shapes[i]!.text).some((k) => ours.includes(k));
}

/**
 * True when head i is an enclosure its covering document announces, printed without a marker ("I inclose for your
 * fuller information a copy of the telegram in question" … "Telegram sent to the representatives …"): a paragraph of
 * the document since its head says it encloses something, and names what head i names — a word of the head's first
 * ones (a kind of paper, "Memorandum", "Report"; a writer, "Field Marshal Count von Waldersee") that the covering
 * head does not hold (the correspondence going on between the same parties is no enclosure). A paper dated after
 * its covering document cannot be enclosed in it: the next document of the volume is.
 */
function isAnnouncedEnclosure(shapes: BlockShape[], blocks: readonly Block[], cover: number, i: number): boolean {
  let coverHead = cover;
  while (coverHead < i && !shapes[coverHead]!.head) coverHead++;
  if (coverHead >= i) return false;
  // The stems of the announcing paragraphs, each read once (a word never runs from one paragraph into the next).
  const announced = new Set<string>();
  let announcing = false;
  for (let j = coverHead + 1; j < i; j++) {
    if (!announces(shapes[j]!)) continue;
    announcing = true;
    for (const w of stemsOf(shapes[j]!)) announced.add(w);
  }
  if (!announcing) return false;
  const ofCover = new Set(stemsOf(shapes[coverHead]!));
  // The bracketed line under the head says what the paper is too ("[Translation.]": "I inclose translation of both these papers").
  const under = shapes[i + 1]?.bracketed && shapes[i + 1]!.oneLine ? shapes[i + 1]!.text : '';
  const named = [...contentStems(shapes[i]!.text).slice(0, 8), ...contentStems(under)];
  if (!named.some((w) => announced.has(w) && !ofCover.has(w))) return false;
  const coverDate = dateAfter(shapes, blocks, coverHead, i);
  // "Minutes of the third conference …, held September 7, 1901.": a head may print the paper's date.
  const ownDate = dateAfter(shapes, blocks, i, shapes.length) ?? findFullDate(shapes[i]!.text)?.when;
  return !(coverDate && ownDate && ownDate > coverDate);
}

/** The block says it encloses something ({@link ENCLOSING}), asked once per block. */
function announces(shape: BlockShape): boolean {
  return (shape.announces ??= ENCLOSING.test(shape.text));
}

/** {@link contentStems} of the block's text, read once per block. */
function stemsOf(shape: BlockShape): readonly string[] {
  return (shape.stems ??= contentStems(shape.text));
}

/** Words that name nothing in particular: they cannot tie a head to what a letter encloses. */
const FUNCTION_WORDS = new Set(
  'the of and to in on by for with from into upon this that these those which what said also other their there than have with copy copies inclosure enclosure inclosed enclosed herewith honor'.split(' '),
);

/** The words of four letters or more of a text, lower case, cut to six letters (so that "memoranda" is "Memorandum"). */
function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of text.match(/\p{L}[\p{L}’'-]{3,}/gu) ?? []) {
    const lower = w.toLowerCase();
    if (!FUNCTION_WORDS.has(lower)) out.push(lower.slice(0, 6));
  }
  return out;
}

/** The date (YYYY-MM-DD) of the first date line within three blocks after block `after`, before `limit`. */
function dateAfter(shapes: BlockShape[], blocks: readonly Block[], after: number, limit: number): string | undefined {
  for (let j = after + 1; j <= after + 3 && j < limit; j++) {
    const s = shapes[j]!;
    if (s.dateline) {
      for (const line of blocks[j]!.lines) {
        const when = parseDateline(line)?.date.when;
        if (when) return when;
      }
    }
    if (s.head || s.fileNumber) return undefined;
  }
  return undefined;
}

/** The names a head's parties go by: a name in brackets, else the last capitalised word of each side. */
function partyKeys(head: string): string[] {
  return head.split(/\s+to\s+/).map((side) => {
    const bracket = /\(([^)]+)\)/.exec(side);
    const words = (bracket ? bracket[1]! : side).match(/\p{Lu}[\p{L}'’-]+/gu) ?? [];
    return (words[words.length - 1] ?? side).toLowerCase();
  });
}

/** With this many heads followed by a document's opening, the file is a volume and its other heads count too. */
const MIN_CONFIRMED_HEADS = 10;

/** True when a date line, a bracketed note or a salutation follows head i within three blocks. */
function opensDocument(shapes: BlockShape[], i: number): boolean {
  for (let j = i + 1; j <= i + 3 && j < shapes.length; j++) {
    const s = shapes[j]!;
    if (s.dateline || s.bracketed || startsWithSalutation(s.text)) return true;
    if (s.head || s.fileNumber) return false;
  }
  return false;
}

/** True when blocks (from, to) hold running text. */
function hasText(shapes: BlockShape[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (holdsText(shapes[j]!)) return true;
  return false;
}

/** A block of running text: neither a title, a note line nor a date line ("No. 980" under a head is the note's number). */
function holdsText(s: BlockShape): boolean {
  return !s.head && !s.fileNumber && !s.bracketed && !s.dateline && !/^No\.\s/.test(s.text) && s.text.split(' ').length > 2;
}

const MARKER_CHARACTER = /[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§]/u;

/** The footnote markers that blocks [from, to) refer to. */
function markersIn(blocks: readonly Block[], from: number, to: number): Set<string> {
  const found = new Set<string>();
  for (let j = from; j < to; j++) {
    for (const line of blocks[j]!.lines) if (MARKER_CHARACTER.test(line)) for (const m of superscriptMarkers(line)) found.add(m);
  }
  return found;
}

/**
 * True when block i is a footnote block whose first marker blocks [from, to) refer to: the markers of those blocks
 * are read only once every line of block i is a note line (most blocks are not).
 */
function isReferredFootnoteBlock(blocks: readonly Block[], i: number, from: number, to: number): boolean {
  const lines = blocks[i]!.lines;
  return isFootnoteBlock(lines) && markersIn(blocks, from, to).has(noteLineMarker(lines[0]!)!);
}

/** True when block i closes a document: a footnote block, a signature, a closing date line. */
function endsDocument(shapes: BlockShape[], blocks: readonly Block[], from: number, i: number): boolean {
  const s = shapes[i];
  if (!s) return true;
  return isReferredFootnoteBlock(blocks, i, from, i) || s.dateline || (s.oneLine && isNameLike(s.text));
}

/**
 * The index of the first division head standing directly before the document that starts at `start`
 * (`start` itself when there is none), looking no further back than `floor` (the block after the previous
 * document's head).
 *
 * Division heads are one-line titles. Of the run of title-shaped lines before a document, the previous
 * document keeps those that do not follow an end of it: its signature ("Hanna") and anything before. The
 * divisions begin at the first line that is a numbered or introducing title ("Chapter II. …", "Argentina:")
 * or that follows the previous document's footnote block, a date line, or its signature.
 */
function divisionHeadsBefore(blocks: readonly Block[], shapes: BlockShape[], start: number, floor: number): number {
  let runStart = start;
  while (runStart - 1 >= floor) {
    const j = runStart - 1;
    const s = shapes[j]!;
    if (!s.oneLine || s.fileNumber || s.bracketed || s.dateline || !divisionHeadStrength(s.text) || isFootnoteBlock(blocks[j]!.lines)) break;
    runStart = j;
  }
  if (runStart === start) return start;
  const p0 = runStart - 1;
  // Nothing of the previous document follows its footnote block.
  if (p0 < 0 || isReferredFootnoteBlock(blocks, p0, Math.max(0, floor - 1), p0)) return runStart;
  // The previous document's signature is the last name in the run that no division head introduces.
  let from = runStart;
  for (let m = runStart; m < start; m++) {
    if (isNameLike(shapes[m]!.text) && !(m > runStart && divisionHeadStrength(shapes[m - 1]!.text) === 'strong')) from = m + 1;
  }
  for (let m = from; m < start; m++) {
    const text = shapes[m]!.text;
    if (divisionHeadStrength(text) === 'strong') return m;
    const p = m - 1;
    const ps = shapes[p]!;
    const afterClosingDate = m === runStart && ps.dateline && p - 1 >= 0 && !shapes[p - 1]!.head && !shapes[p - 1]!.bracketed && !shapes[p - 1]!.fileNumber;
    const afterSignature = m === from && m > runStart;
    const underDivision = m > runStart && divisionHeadStrength(ps.text) === 'strong';
    const sentence = /[.”"’…]$/.test(text);
    // A title ending as a sentence does ("Agreement between Germany and Great Britain …, October 16, 1900.") stands
    // alone before the document; several such lines are the previous document's last paragraphs.
    if ((afterClosingDate && (!sentence || m === start - 1)) || underDivision || (afterSignature && !sentence)) return m;
  }
  return start;
}
