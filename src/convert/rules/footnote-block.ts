/**
 * Footnote blocks of documentary editions: note texts printed after the document, one line per note ("1. Oscar T.
 * Crosby …" / "2. Albert Rathbone …"), with markers that may be numbers, numbers with a letter ("47a."), letters ("a.")
 * or symbols ("*.", "†.", "‡."), numbers that restart per page (a document may print 1, 2, 1), hard-wrapped lines in
 * print extractions, and an unnumbered source note above them. And the references in the text: superscripts with
 * letters ("⁴⁷ᵃ") and symbols glued to a word.
 */
import type { Block } from '../../model/document.js';
import { sliceLines } from '../readers/blocks.js';
import { fromSuperscript } from '../readers/superscript.js';

/** A run of superscript digits, optionally with superscript letters after them: "¹", "⁴⁷ᵃ". */
export const SUPERSCRIPT_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ᵃᵇᶜᵈᵉᶠᵍ]?|[ᵃᵇᶜᵈ](?![\p{L}])/u;

/** "⁴⁷ᵃ" → "47a", "¹²" → "12", "ᵃ" → "a". */
export const fromSuperscriptMarker = fromSuperscript;

/** Symbols editions use as note markers, in their usual order. */
export const NOTE_SYMBOLS = ['*', '†', '‡', '§', 'ǁ', '‖', '¶'];

/** A note text's first line: its marker and where its text starts. */
export interface NoteLine {
  /** The note's number as the reference prints it: "1", "47a", "a", "*", "†". */
  n: string;
  /** The marker as printed before the text: "1.", "47a.", "¹", "†.". */
  marker: string;
  /** Offset of the note's text in the line (after the marker and its spaces). */
  textStart: number;
}

const NOTE_LINE_PATTERNS: readonly { re: RegExp; n: (m: RegExpExecArray) => string }[] = [
  // "1. text", "47a. text", "a. text" (a single letter, so that "Mr. Lansing" is not a note)
  { re: /^(\d{1,3}[a-z]?|[a-z])\.\s+(?=\S)/, n: (m) => m[1]! },
  // "*. text", "†. text", "‡ text"
  { re: /^([*†‡§ǁ‖¶]{1,3})\.?\s+(?=[^\s*†‡§ǁ‖¶])/, n: (m) => m[1]! },
  // "¹ text", "⁴⁷ᵃ text"
  { re: /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+[ᵃᵇᶜᵈᵉᶠᵍ]?)\s*(?=\S)/, n: (m) => fromSuperscriptMarker(m[1]!) },
];

/** Reads the marker at the start of a note text; undefined when the line does not start with one. */
export function parseNoteLine(line: string): NoteLine | undefined {
  for (const p of NOTE_LINE_PATTERNS) {
    const m = p.re.exec(line);
    if (m) return { n: p.n(m), marker: m[0].trimEnd(), textStart: m[0].length };
  }
  return undefined;
}

/** One note text inside a footnote block: its lines (0-based, inclusive) and number. */
export interface NoteSpan {
  n: string;
  first: number;
  last: number;
}

/** A footnote block cut into its parts. */
export interface FootnoteBlock {
  /** Lines above the first note text without a marker: a source note (0-based, inclusive), if any. */
  sourceNote?: { first: number; last: number };
  notes: NoteSpan[];
}

/**
 * Cuts a block of lines into note texts: each line that starts with a marker starts a note, other lines continue the
 * note before them (hard-wrapped text). `expected` (the numbers the document refers to) keeps a wrapped line that
 * happens to start with "1934. " inside its note: a marker not referred to starts a note only at the top of the block
 * or when no references are known. Lines above the first marker are a source note when there are at most two of
 * them. Undefined when the block holds no note text.
 */
export function cutFootnoteBlock(lines: readonly string[], expected?: ReadonlySet<string>): FootnoteBlock | undefined {
  const notes: NoteSpan[] = [];
  let firstMarker = -1;
  lines.forEach((line, i) => {
    const parsed = parseNoteLine(line.trim());
    const starts = parsed && (firstMarker < 0 || !expected || expected.size === 0 || expected.has(parsed.n));
    if (parsed && starts) {
      if (firstMarker < 0) firstMarker = i;
      notes.push({ n: parsed.n, first: i, last: i });
    } else if (notes.length > 0) {
      notes[notes.length - 1]!.last = i;
    }
  });
  if (notes.length === 0 || firstMarker > 2) return undefined;
  return firstMarker > 0 ? { sourceNote: { first: 0, last: firstMarker - 1 }, notes } : { notes };
}

/**
 * Pairs references with note texts, both in document order: each reference takes the first unused note of its
 * number printed after it, or else the nearest unused one before it. Numbers that restart per page (1, 2, 1) thus
 * pair in order. Returns, for each reference, the index of its note or -1.
 */
export function pairNotes(refs: readonly { n: string; at: number }[], notes: readonly { n: string; at: number }[]): number[] {
  const used = new Set<number>();
  return refs.map((ref) => {
    let best = -1;
    for (let i = 0; i < notes.length; i++) {
      if (used.has(i) || notes[i]!.n !== ref.n) continue;
      if (notes[i]!.at >= ref.at) {
        best = i;
        break;
      }
      best = i; // the nearest before, unless one after turns up
    }
    if (best >= 0) used.add(best);
    return best;
  });
}

/**
 * Note numbers glued to the word or punctuation before them ("the message.1 He said", "Government,12 and"): what
 * `(?<=[\p{Ll}.,;:)’”'"])(\d{1,3})(?=[\s,;]|$)` matches, as numbers without leading zeros, found by a scan for runs
 * of digits (the look-behind made the regular expression try every character of every paragraph).
 */
export function gluedNoteNumbers(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  // The runs of digits are found by an expression (native code), not by a loop over every code unit.
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const start = m.index;
    const i = start + m[0].length;
    if (i - start > 3 || !gluesNumber(text, start) || (i < n && !endsNumber(text.charCodeAt(i)))) continue;
    out.push(String(Number(m[0])));
  }
  return out;
}

const DIGIT_RUN = /[0-9]+/g;

/** A digit of `\d`, the characters {@link gluedNoteNumbers} finds numbers by (a text without one holds none). */
export const ASCII_DIGIT = /[0-9]/;

const GLUE = /^[\p{Ll}.,;:)’”'"]$/u;

/** The character before `at` (a whole surrogate pair when it ends one) is a lower-case letter or closing punctuation. */
function gluesNumber(text: string, at: number): boolean {
  if (at === 0) return false;
  const code = text.charCodeAt(at - 1);
  if (code < 128) return (code >= 97 && code <= 122) || code === 46 || code === 44 || code === 59 || code === 58 || code === 41 || code === 39 || code === 34;
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const pair = code >= 0xdc00 && code <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return GLUE.test(text.slice(pair ? at - 2 : at - 1, at));
}

/** White space, a comma or a semicolon. */
function endsNumber(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13) || code === 44 || code === 59;
  return /^\s$/.test(String.fromCharCode(code));
}

/**
 * A symbol reference glued to the word or punctuation before it ("service*;", "market.†"): the offsets in `text` of
 * each occurrence of `symbol` used as a note marker (never "* * *" omission marks or a lone symbol between spaces).
 */
export function symbolReferences(text: string, symbol: string): number[] {
  const out: number[] = [];
  const esc = symbol.replace(/[*]/g, '\\*');
  const re = new RegExp(String.raw`(?<=[\p{L}\p{N}.,;:)’”"'])${esc}(?=[\s,;:.)]|$)(?!\s*\*\s)`, 'gu');
  for (const m of text.matchAll(re)) out.push(m.index);
  return out;
}

/**
 * A block of note texts as blocks of their own: one `noteBody` per note (its number in `n`, its printed marker in
 * `marker`), and a `sourceNote` for unmarked lines above the first note. Undefined when the block is not a footnote
 * block: it does not open with a note line, or its first marker is not among the numbers the text refers to.
 */
export function splitFootnoteBlock(block: Block, referenced: ReadonlySet<string>): Block[] | undefined {
  // The first note must start on one of the first three lines and be referred to: asked before every line of a long
  // paragraph is read for a marker.
  const opening = block.lines.slice(0, 3).find((line) => parseNoteLine(line.trim()));
  if (opening === undefined || !referenced.has(parseNoteLine(opening.trim())!.n)) return undefined;
  const cut = cutFootnoteBlock(block.lines, referenced);
  if (!cut || !referenced.has(cut.notes[0]!.n)) return undefined;
  const part = (first: number, last: number, kind: Block['kind']): Block => ({ ...block, ...sliceLines(block, first, last + 1), kind, inlines: [] });
  const out: Block[] = [];
  if (cut.sourceNote) out.push(part(cut.sourceNote.first, cut.sourceNote.last, 'sourceNote'));
  for (const note of cut.notes) {
    const b = part(note.first, note.last, 'noteBody');
    b.n = note.n;
    b.marker = parseNoteLine(b.lines[0]!.trim())!.marker;
    // A page that turned right before a note's first line turned between two notes: its running head stands
    // between them, not inside the note's text before its marker.
    const before = b.pageBreaks?.filter((x) => x.at === 0 && x.offset === 0) ?? [];
    if (before.length > 0) {
      out.push(...before.map((x) => x.head));
      const inside = b.pageBreaks!.filter((x) => !before.includes(x));
      b.pageBreaks = inside.length > 0 ? inside : undefined;
    }
    out.push(b);
  }
  return out;
}

/**
 * {@link SUPERSCRIPT_MARKER}, global, made once: a regular expression built per call is compiled again after each
 * full garbage collection (V8's cache of compiled expressions is cleared then), and this one is read for every block.
 */
const SUPERSCRIPT_MARKERS = new RegExp(SUPERSCRIPT_MARKER.source, 'gu');

/**
 * The code units {@link referencedMarkers} finds a marker by, superscript digits and letters and notes' symbols, as a
 * class of characters (a text without one refers to none; for `wordsHold`, readers/inline.ts).
 */
export const MARKER_CODE = new RegExp(`[${[...'⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍ', ...NOTE_SYMBOLS].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);

/** Every note number a text refers to: superscripts ("¹", "⁴⁷ᵃ") and symbols glued to a word ("service*;"). */
export function referencedMarkers(text: string): Set<string> {
  const found = new Set<string>();
  SUPERSCRIPT_MARKERS.lastIndex = 0;
  for (let m = SUPERSCRIPT_MARKERS.exec(text); m; m = SUPERSCRIPT_MARKERS.exec(text)) found.add(fromSuperscriptMarker(m[0]));
  for (const symbol of NOTE_SYMBOLS) if (text.includes(symbol) && symbolReferences(text, symbol).length > 0) found.add(symbol);
  return found;
}

/** The marker that opens a footnote line ("1", "47a", "a", "*"), or undefined. */
export function noteLineMarker(line: string): string | undefined {
  return parseNoteLine(line.trim())?.n;
}

/** The note markers a text refers to with superscripts ("¹", "⁴⁷ᵃ"), and the symbols *, †, ‡ glued to a word. */
export function superscriptMarkers(text: string): Set<string> {
  return referencedMarkers(text);
}

/**
 * True when every line of a block is a footnote line. With `markers`, the first line's marker must be one
 * the document refers to: a numbered paragraph ("1. The Government …") is not a footnote block.
 */
export function isFootnoteBlock(lines: readonly string[], markers?: ReadonlySet<string>): boolean {
  if (lines.length === 0) return false;
  for (const line of lines) if (noteLineMarker(line) === undefined) return false;
  return markers === undefined || markers.has(noteLineMarker(lines[0]!)!);
}
