/**
 * Print extractions (what PDF-to-text gives for a printed book): lines hard-wrapped at a fixed width, and
 * page furniture — a running head with the page number between blank lines — wherever a page ended, in the
 * middle of a paragraph too. This reader finds the wrap width and the running heads, and gives back the
 * text as logical lines (the physical lines a wrap cut, joined again) with each running head at its place,
 * so that the rest of the converter reads a printed volume as it reads the same volume set as running text.
 *
 * Nothing is dropped: every physical line's text is in a logical line or is a running head, and each logical
 * line keeps where its pieces came from (1-based line and column).
 */
import type { Block, LineList, SourceText } from '../../model/document.js';
import { readBlocks } from './blocks.js';

/** A running head: "2  FOREIGN RELATIONS, 1918, RUSSIA, VOLUME III", "RUSSIA  3". */
export interface RunningHead {
  /** The page number it prints. */
  page: string;
  /** The whole line as printed. */
  text: string;
}

const PAGE_FIRST = /^(\d{1,4})\s{2,}(\S.*)$/u;
const PAGE_LAST = /^(\S.*?)\s{2,}(\d{1,4})$/u;

/**
 * A running head: a page number and a title in capitals, two spaces or more apart, the number at the outer
 * edge (first on even pages, last on odd ones).
 */
export function runningHead(line: string): RunningHead | undefined {
  const text = line.trim();
  const m = PAGE_FIRST.exec(text) ?? PAGE_LAST.exec(text);
  if (!m) return undefined;
  const pageFirst = /^\d/.test(m[1]!);
  const title = pageFirst ? m[2]! : m[1]!;
  const letters = title.match(/\p{L}/gu) ?? [];
  if (letters.length < 3 || letters.filter((c) => /\p{Lu}/u.test(c)).length < 0.9 * letters.length) return undefined;
  return { page: pageFirst ? m[1]! : m[2]!, text };
}

/** One piece of a logical line: where a physical line's text begins in it. */
export interface LinePiece {
  /** Offset in the logical line's text. */
  offset: number;
  /** Source line and column (1-based) of that text. */
  line: number;
  column: number;
}

/** A running head inside the text: before `offset` of logical line `at` (a page turned there). */
export interface PageBreak extends RunningHead {
  /** The running head's own source line. */
  line: number;
  /** Index of the logical line the page break falls in, and the offset in it; offset 0 means before its text. */
  at: number;
  offset: number;
}

/** What {@link reflowPrint} gives back: logical lines ('' for a blank line, as in the source) and the page breaks. */
export interface PrintText {
  width: number;
  lines: string[];
  /** For each logical line, its pieces in order (none for a blank line). */
  pieces: LinePiece[][];
  pageBreaks: PageBreak[];
}

/** Fewer running heads than this, and a text is not read as a print extraction. */
const MIN_RUNNING_HEADS = 2;

/**
 * The wrap width of a hard-wrapped text: the length of its longest line, when lines that long or nearly so
 * are common (a third of the lines of four words or more end within 12 columns of it) and it is a printed
 * line's width (40–100 columns). Undefined for running text, whose paragraphs are lines of any length.
 */
export function wrapWidth(lines: LineList): number | undefined {
  let max = 0;
  // Every source is asked, and running text answers at its first long line: the rest need not be decoded.
  for (const l of lines) {
    if (l.length > MAX_WRAP_WIDTH) return undefined;
    if (l.length > max) max = l.length;
  }
  if (max < 40) return undefined;
  let long = 0;
  let wordy = 0;
  for (const l of lines) {
    if (!holdsSpaces(l, 3)) continue;
    wordy++;
    if (l.length >= max - 12) long++;
  }
  return wordy > 0 && long >= wordy / 3 ? max : undefined;
}

/** The widest a printed line is: a longer line is running text's. */
const MAX_WRAP_WIDTH = 100;

/** `line.split(' ').length > count`, without the array: the line holds `count` spaces at least. */
function holdsSpaces(line: string, count: number): boolean {
  let at = -1;
  for (let k = 0; k < count; k++) {
    at = line.indexOf(' ', at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** A line that starts an item of its own: a note or list number, a bracketed number, an opening quote. */
const ITEM_START = /^(?:\d{1,3}[a-z]?\.\s|[*†‡§ǁ‖¶]{1,3}\.\s|\(\d{1,3}\)|[IVXL]+\.\s|Art\.\s|[“"]|\[)/u;

/**
 * True when the break after physical line `a` is a wrap, not a line break of the text: the next line's first
 * word would not have fitted on `a`. A line ending a sentence before a numbered item or a quotation, or a colon
 * before a capital, is a real break even when long (a footnote block: "… p. 135." / "2. Albert Rathbone …").
 */
export function isWrap(a: string, b: string, width: number): boolean {
  const next = /^\S+/.exec(b.trimStart())?.[0] ?? '';
  if (a.trimEnd().length + 1 + next.length <= width) return false;
  const end = a.trimEnd();
  const start = b.trimStart();
  // "… as follows:" over a capitalised line is a quotation or list set on its own lines.
  return !((/[.:—]\]?$/.test(end) && ITEM_START.test(start)) || (end.endsWith(':') && /^\p{Lu}/u.test(start)));
}

/**
 * How a word cut by a hyphen at a line end is joined: without the hyphen when the text elsewhere writes it
 * as one word, or when its second part is no word of the text on its own ("ac-" + "ceptable"); with the
 * hyphen when the text writes it hyphenated or both parts are its words ("well-" + "known").
 */
export function joinHyphenated(first: string, second: string, vocabulary: ReadonlySet<string>): string {
  const head = first.replace(/-$/, '');
  const joined = (head + second).toLowerCase();
  if (vocabulary.has(joined)) return head + second;
  if (vocabulary.has(`${head}-${second}`.toLowerCase())) return `${head}-${second}`;
  const parts = [head, second].map((w) => w.toLowerCase().replace(/[^\p{L}]/gu, ''));
  return parts.every((w) => w.length > 1 && vocabulary.has(w)) ? `${head}-${second}` : head + second;
}

/** Words of a text in lower case, hyphenated compounds both whole and in parts, for {@link joinHyphenated}. */
export function vocabularyOf(lines: LineList): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    // A word cut at the line's end is not a word of the text.
    for (const m of line.replace(/\S+-$/, '').matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const w = m[0].toLowerCase();
      words.add(w);
      if (w.includes('-')) for (const part of w.split('-')) words.add(part);
    }
  }
  return words;
}

/**
 * Reads a print extraction: undefined when the text has no wrap width or fewer than two running heads;
 * otherwise its logical lines and page breaks. A running head stands between blank lines; the blank
 * lines around it belong to it, so a paragraph it interrupts runs on (one blank line on each side) and
 * one it does not interrupt still ends (a second blank line beside it).
 */
export function reflowPrint(source: LineList): PrintText | undefined {
  const width = wrapWidth(source);
  if (width === undefined) return undefined;
  const isHead = (i: number) => i > 0 && (source.at(i - 1) ?? '') === '' && (source.at(i + 1) ?? '') === '' && runningHead(source.at(i)!) !== undefined;
  const heads: number[] = [];
  for (let i = 0; i < source.length; i++) if (isHead(i)) heads.push(i);
  if (heads.length < MIN_RUNNING_HEADS) return undefined;
  let vocabulary: Set<string> | undefined; // read only when a line ends in a cut word
  const out: PrintText = { width, lines: [], pieces: [], pageBreaks: [] };
  const headSet = new Set(heads);
  let open = false; // the last logical line may take the next physical line
  let pending: (RunningHead & { line: number }) | undefined;
  for (let i = 0; i < source.length; i++) {
    const text = source.at(i)!;
    // The blank lines on each side of a running head are its own: a paragraph it interrupts runs on (one
    // blank line on each side), one it does not interrupt has ended (a further blank line beside it).
    if (text.trim() === '' && headSet.has(i + 1)) continue;
    if (headSet.has(i)) {
      pending = { ...runningHead(text)!, line: i + 1 };
      i++;
      continue;
    }
    if (text.trim() === '') {
      out.lines.push('');
      out.pieces.push([]);
      open = false;
      continue;
    }
    const k = out.lines.length - 1;
    const prev = open ? lastPhysical(source, out.pieces[k]!) : '';
    if (open && isWrap(prev, text, width)) {
      const cut = prev.endsWith('-') ? /\p{L}+-$/u.exec(prev) : null;
      const firstWord = cut ? /^\p{Ll}\p{L}*/u.exec(text)?.[0] : undefined;
      vocabulary ??= cut && firstWord ? vocabularyOf(source) : undefined;
      const keepsHyphen = !cut || !firstWord || joinHyphenated(cut[0], firstWord, vocabulary!).includes('-', cut[0].length - 1);
      const before = cut && firstWord ? (keepsHyphen ? out.lines[k]! : out.lines[k]!.slice(0, -1)) : `${out.lines[k]!} `;
      if (pending) out.pageBreaks.push({ ...pending, at: k, offset: before.length });
      pending = undefined;
      out.lines[k] = before + text;
      out.pieces[k]!.push({ offset: before.length, line: i + 1, column: 1 });
      continue;
    }
    if (pending) out.pageBreaks.push({ ...pending, at: out.lines.length, offset: 0 });
    pending = undefined;
    out.lines.push(text);
    out.pieces.push([{ offset: 0, line: i + 1, column: 1 }]);
    open = true;
  }
  if (pending) out.pageBreaks.push({ ...pending, at: out.lines.length, offset: 0 });
  return out;
}

/** The source text of the last physical line of a logical line. */
function lastPhysical(source: LineList, pieces: LinePiece[]): string {
  return source.at(pieces[pieces.length - 1]!.line - 1)!;
}

/**
 * The blocks of a print extraction, read from its logical lines as {@link readBlocks} reads running text, each
 * block's lines pointing back to their printed lines (`pieces`). A running head that falls inside a block is
 * kept in its `pageBreaks`; one that falls between blocks is a block of its own (kind `runningHead`), before
 * the block that follows it.
 */
export function readPrintBlocks(source: SourceText, text: PrintText): Block[] {
  const logical: SourceText = { ...source, lines: text.lines };
  const blocks = readBlocks(logical);
  const out: Block[] = [];
  const breaks = [...text.pageBreaks];
  let next = 0;
  const headBlock = (b: PageBreak): Block => ({ kind: 'runningHead', line: b.line, endLine: b.line, lines: [b.text], column: 1, inlines: [], n: b.page });
  for (const block of blocks) {
    const first = block.line - 1;
    const last = block.endLine - 1;
    while (next < breaks.length && (breaks[next]!.at < first || (breaks[next]!.at === first && breaks[next]!.offset === 0))) out.push(headBlock(breaks[next++]!));
    const inside: NonNullable<Block['pageBreaks']> = [];
    while (next < breaks.length && breaks[next]!.at <= last) {
      const b = breaks[next++]!;
      inside.push({ at: b.at - first, offset: b.offset, head: headBlock(b) });
    }
    const pieces = text.pieces.slice(first, last + 1);
    out.push({
      ...block,
      line: pieces[0]![0]!.line,
      endLine: pieces[pieces.length - 1]!.at(-1)!.line,
      pieces,
      ...(inside.length > 0 ? { pageBreaks: inside } : {}),
    });
  }
  while (next < breaks.length) out.push(headBlock(breaks[next++]!));
  return out;
}
