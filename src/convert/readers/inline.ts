/**
 * The source's inline syntax, read once: a block's lines become inline nodes — text (with its line and
 * column), emphasis from `*italic*` and `**bold**`, footnote references (`[footnoteRef:1]`, superscript
 * digits, `<sup>59</sup>` and its mangled forms), `[…]` omissions, line breaks. A note body printed inside a
 * line (`[1: …]`, as word processors export it) becomes a note-body block of its own. Reading does not depend
 * on what the block is: once the structure pass knows, it takes a note's printed marker or a paragraph's
 * printed number out of the text with {@link takeNoteMarker} and {@link takeParagraphNumber}. Later passes
 * work on these nodes and never look at the raw characters again.
 */
import type { Block, Inline, NoteRefInline, TextInline } from '../../model/document.js';
import { foldSpaces } from './blocks.js';
import { fromSuperscript, toSuperscript } from './superscript.js';

interface Token {
  kind: 'text' | 'bold' | 'italic' | 'noteRef' | 'gap' | 'lb' | 'noteBody' | 'pageBreak';
  text: string;
  line: number;
  column: number;
  n?: string;
  form?: NoteRefInline['form'];
  breakNo?: boolean;
  body?: Block;
}

/**
 * Source syntax, tried left to right at each position. Order matters only where one pattern is a prefix
 * of another (`**` before `*`).
 */
const SYNTAX: { kind: Token['kind'] | 'escape' | 'inlineNote'; re: RegExp }[] = [
  { kind: 'noteRef', re: /\[footnoteRef:(\d+)\]/y },
  { kind: 'inlineNote', re: /\[(\d+):\s/y },
  { kind: 'gap', re: /\[(?:…|\.\s?\.\s?\.)\]/y },
  { kind: 'noteRef', re: /(?:<sup>&<\/sup>)?(?:&lt;|lt;|<)sup(?:&gt;|>)(\d{1,4})<\/sup>/y },
  { kind: 'noteRef', re: /[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ᵃᵇᶜᵈᵉᶠᵍ]?/y },
  { kind: 'bold', re: /\*\*/y },
  { kind: 'italic', re: /\*/y },
  { kind: 'escape', re: /\\([$*_[\]#\\])/y },
];

/** Characters at which some entry of SYNTAX can start. */
const SYNTAX_START = /[[<&*\\⁰¹²³⁴⁵⁶⁷⁸⁹]|lt;sup/g;

/** Tokens of the block's lines `from` to `to` (exclusive). */
function tokenizeBlock(block: Block, extracted: Block[], from = 0, to = block.lines.length): Token[] {
  const tokens: Token[] = [];
  for (let i = from; i < to; i++) {
    const rawLine = block.lines[i]!;
    const lineStart = tokens.length;
    // Trailing spaces are the source's hard-break syntax ("line  "), not text.
    const lineText = rawLine.trimEnd();
    const line = block.line + i;
    const base = i === 0 ? block.column : 1;
    if (i > 0) {
      const prev = block.lines[i - 1]!.trimEnd();
      tokens.push({ kind: 'lb', text: '', line, column: 1, breakNo: /[\p{L}]-$/u.test(prev) && /^\s*\p{Ll}/u.test(lineText) });
    }
    let textStart = 0;
    const flushText = (end: number) => {
      if (end > textStart) tokens.push({ kind: 'text', text: lineText.slice(textStart, end), line, column: base + textStart });
    };
    let pos = 0;
    while (pos < lineText.length) {
      // Jump to the next character that can open source syntax; everything before it is text.
      SYNTAX_START.lastIndex = pos;
      const next = SYNTAX_START.exec(lineText);
      if (!next) break;
      pos = next.index;
      let matched = false;
      for (const { kind, re } of SYNTAX) {
        re.lastIndex = pos;
        const m = re.exec(lineText);
        if (!m) continue;
        flushText(pos);
        if (kind === 'escape') {
          tokens.push({ kind: 'text', text: m[1]!, line, column: base + pos + 1 });
          pos += m[0].length;
        } else if (kind === 'inlineNote') {
          const close = matchingBracket(lineText, pos);
          const body: Block = {
            kind: 'noteBody',
            n: m[1],
            marker: m[1],
            line,
            endLine: line,
            lines: [lineText.slice(pos + m[0].length, close)],
            column: base + pos + m[0].length,
            inlines: [],
          };
          extracted.push(body);
          tokens.push({ kind: 'noteBody', text: '', line, column: base + pos, body });
          pos = close < lineText.length ? close + 1 : close;
        } else {
          if (kind === 'noteRef') {
            const form: NoteRefInline['form'] = m[0].startsWith('[') ? 'footnoteRef' : /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(m[0]) ? 'superscript' : 'sup';
            tokens.push({ kind, text: m[0], line, column: base + pos, n: form === 'superscript' ? fromSuperscript(m[0]) : m[1], form });
          } else {
            tokens.push({ kind: kind as Token['kind'], text: m[0], line, column: base + pos });
          }
          pos += m[0].length;
        }
        textStart = pos;
        matched = true;
        break;
      }
      if (!matched) pos++;
    }
    flushText(lineText.length);
    if (block.pieces) placeOnPrintedLines(tokens, lineStart, block.pieces[i]!, block.pageBreaks?.filter((p) => p.at === i) ?? []);
  }
  return tokens;
}

/**
 * A line of a print extraction is several printed lines joined: its tokens get the source line and column of
 * the printed line they stand on (text is cut where one printed line ends), and a running head printed inside
 * it becomes a token at its place.
 */
function placeOnPrintedLines(tokens: Token[], from: number, pieces: NonNullable<Block['pieces']>[number], breaks: NonNullable<Block['pageBreaks']>): void {
  const cuts = [...new Set([...pieces.map((p) => p.offset), ...breaks.map((b) => b.offset)])].filter((o) => o > 0).sort((a, b) => a - b);
  const placed: Token[] = [];
  for (const t of tokens.splice(from)) {
    if (t.kind === 'lb') {
      placed.push({ ...t, line: pieces[0]!.line, column: pieces[0]!.column });
      continue;
    }
    const offset = t.column - 1;
    const inside = t.kind === 'text' ? cuts.filter((c) => c > offset && c < offset + t.text.length) : [];
    let at = offset;
    for (const end of [...inside, offset + t.text.length]) {
      placed.push({ ...t, text: t.kind === 'text' ? t.text.slice(at - offset, end - offset) : t.text, column: at + 1 });
      at = end;
    }
  }
  const offsets = placed.map((t) => t.column - 1);
  placed.forEach((t, k) => {
    if (t.kind === 'lb') return;
    let piece = pieces[0]!;
    for (const p of pieces) if (p.offset <= offsets[k]!) piece = p;
    t.line = piece.line;
    t.column = piece.column + offsets[k]! - piece.offset;
  });
  // Each running head goes before the first token at or after its offset.
  for (const b of [...breaks].sort((x, y) => y.offset - x.offset)) {
    let k = placed.findIndex((t, j) => t.kind !== 'lb' && offsets[j]! >= b.offset);
    if (k < 0) k = placed.length;
    placed.splice(k, 0, { kind: 'pageBreak', text: '', line: b.head.line, column: 1, body: b.head });
    offsets.splice(k, 0, b.offset);
  }
  tokens.push(...placed);
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return text.length;
}

/**
 * Emphasis markers pair up in order; a marker without a partner is printed text, not syntax, so nothing of
 * the source is lost when the OCR dropped one.
 */
function buildInlines(tokens: Token[], root: Inline[] = []): Inline[] {
  const paired = new Set<number>();
  for (const kind of ['bold', 'italic'] as const) {
    const open: number[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== kind) return;
      if (open.length > 0) {
        paired.add(open.pop()!);
        paired.add(i);
      } else open.push(i);
    });
  }
  const stack: { kind: 'bold' | 'italic'; children: Inline[] }[] = [];
  const out = () => (stack.length > 0 ? stack[stack.length - 1]!.children : root);
  const read: (Token | undefined)[] = tokens;
  for (let i = 0; i < read.length; i++) {
    const t = read[i]!;
    // Each token is let go once its node is made: a block of a million lines held two million tokens and their
    // nodes at once.
    read[i] = undefined;
    switch (t.kind) {
      case 'text':
        pushText(out(), t.text, t.line, t.column);
        break;
      case 'bold':
      case 'italic':
        if (!paired.has(i)) {
          pushText(out(), t.text, t.line, t.column);
        } else if (stack.length > 0 && stack[stack.length - 1]!.kind === t.kind) {
          const done = stack.pop()!;
          out().push({ type: 'hi', rend: done.kind, children: done.children });
        } else {
          stack.push({ kind: t.kind, children: [] });
        }
        break;
      case 'noteRef':
        out().push({ type: 'noteRef', n: t.n!, form: t.form!, line: t.line, column: t.column });
        break;
      case 'gap':
        out().push({ type: 'gap', reason: 'omitted', text: t.text });
        break;
      case 'lb':
        out().push({ type: 'lb', breakNo: t.breakNo });
        break;
      case 'noteBody':
        out().push({ type: 'note', n: t.body!.n!, place: 'foot', parts: [t.body!] });
        break;
      case 'pageBreak':
        out().push({ type: 'interruption', blocks: [t.body!] });
        break;
    }
  }
  // Emphasis left open by a marker whose partner sat inside another emphasis: keep its text flat.
  while (stack.length > 0) {
    const open = stack.pop()!;
    out().push({ type: 'hi', rend: open.kind, children: open.children });
  }
  return root;
}

function pushText(into: Inline[], text: string, line: number, column: number): void {
  const last = into[into.length - 1];
  if (last?.type === 'text' && last.line === line) last.text += text;
  else into.push({ type: 'text', text, line, column });
}

const LINES_AT_A_TIME = 256;

/** Parses one block (and the note bodies printed inside it). */
export function parseBlock(block: Block): void {
  const extracted: Block[] = [];
  if (block.lines.some((l) => l.includes('*'))) block.inlines = buildInlines(tokenizeBlock(block, extracted));
  else {
    // Without an emphasis marker nothing pairs across lines: the block is read a stretch of lines at a time, so
    // that its tokens never all wait beside its nodes (a block of a million lines).
    block.inlines = [];
    for (let from = 0; from < block.lines.length; from += LINES_AT_A_TIME) {
      buildInlines(tokenizeBlock(block, extracted, from, Math.min(block.lines.length, from + LINES_AT_A_TIME)), block.inlines);
    }
  }
  for (const b of block.pageBreaks ?? []) parseBlock(b.head);
  for (const body of extracted) {
    parseBlock(body);
    takeNoteMarker(body);
  }
}

/** The printed marker that opens a note text: "1.", "47a.", "a.", "*.", "†" followed by a space; spaces before it. */
const NUMBERED_MARKER = /^\s*(\d{1,3}[a-z]?\.|[a-z]\.|[*†‡§ǁ‖¶]{1,3}\.?)(?=\s)/;

/**
 * A note text's printed marker ("¹", "<sup>59</sup>", "1.") is its `<label>`, not its text: moved from the
 * start of the inlines to `block.marker`, with the spaces after it. What follows the marker is text even when
 * it looks like a reference (a `[footnoteRef:n]` right after the marker is the word processor's own mark).
 */
export function takeNoteMarker(block: Block): void {
  const nodes = block.inlines;
  const lead = isBlank(nodes[0]) ? 1 : 0;
  const first = nodes[lead];
  const ref = openingNoteRef(block);
  let taken = false;
  if (ref) {
    block.marker = ref.form === 'superscript' ? toSuperscript(ref.n) : ref.n;
    nodes.splice(0, lead + 1);
    taken = true;
  } else if (lead === 0 && first?.type === 'text' && first.line === block.line) {
    const m = NUMBERED_MARKER.exec(first.text);
    if (m) {
      block.marker = m[1];
      cutStart(nodes, 0, m[0].length);
      taken = true;
    }
  }
  if (taken) trimStartOfLine(nodes, block.line);
  const next = nodes[0];
  if (next?.type === 'noteRef' && next.form === 'footnoteRef' && next.line === block.line) {
    const asText: TextInline = { type: 'text', text: `[footnoteRef:${next.n}]`, line: next.line, column: next.column };
    const after = nodes[1];
    if (after?.type === 'text' && after.line === next.line) nodes.splice(0, 2, { ...asText, text: asText.text + after.text });
    else nodes.splice(0, 1, asText);
  }
}

/** The reference printed first in a block (after spaces), as a note text's marker is: superscript digits or a `<sup>`. */
export function openingNoteRef(block: Block): NoteRefInline | undefined {
  const first = block.inlines[isBlank(block.inlines[0]) ? 1 : 0];
  return first?.type === 'noteRef' && first.form !== 'footnoteRef' && first.line === block.line ? first : undefined;
}

/** "3. It is our policy …": the printed number of a paragraph (`block.n`) is its `@n`, not its text. */
export function takeParagraphNumber(block: Block): void {
  const first = block.inlines[0];
  if (!block.n || first?.type !== 'text' || first.line !== block.line) return;
  const number = new RegExp(String.raw`^\s*${block.n}\.\s+`).exec(first.text);
  if (number) cutStart(block.inlines, 0, number[0].length);
}

function isBlank(node: Inline | undefined): boolean {
  return node?.type === 'text' && node.text.trim() === '';
}

/** Removes the first `length` characters of the text node at `index`, and the node when nothing is left. */
function cutStart(nodes: Inline[], index: number, length: number): void {
  const node = nodes[index];
  if (node?.type !== 'text') return;
  if (length >= node.text.length) nodes.splice(index, 1);
  else nodes[index] = { ...node, text: node.text.slice(length), column: node.column + length };
}

/** Spaces after a marker, on its line. */
function trimStartOfLine(nodes: Inline[], line: number): void {
  const node = nodes[0];
  if (node?.type !== 'text' || node.line !== line) return;
  cutStart(nodes, 0, node.text.length - node.text.trimStart().length);
}

/**
 * The words of a list of inline nodes: text and emphasis, with line breaks as spaces; without note references
 * (a reference whose note text is missing, kept as a superscript, included), note texts, page-foot matter or
 * page breaks. Spaces collapsed, ends trimmed. `line`, when given, keeps only the text printed on that line.
 */
export function textWithoutNotes(inlines: readonly Inline[], line?: number | { from: number; to: number }): string {
  let out = '';
  const from = typeof line === 'number' ? line : line?.from;
  const to = typeof line === 'number' ? line : line?.to;
  const walk = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          if (from === undefined || (node.line >= from && node.line <= to!)) out += node.text;
          break;
        case 'hi':
          if (node.rend !== 'superscript') walk(node.children);
          break;
        case 'entity':
          walk(node.children);
          break;
        case 'gap':
          out += node.text;
          break;
        case 'lb':
          out += ' ';
          break;
        default:
          break;
      }
    }
  };
  walk(inlines);
  return collapseSpaces(out);
}

/** Runs of white space made one space, ends trimmed. */
function collapseSpaces(text: string): string {
  return foldSpaces(text).trim();
}

/**
 * More than `limit` characters of {@link textWithoutNotes} (of the lines `from`–`to`, when given) are printable ASCII
 * other than digits: its words stay longer than `limit` with digits taken off their end and spaces trimmed. Counted
 * in the text nodes alone, up to the limit: a paragraph is answered without its words being put together.
 *
 * Digits are left out because a signature may carry its note's number glued on ("HARRIMAN59"), which the measure it
 * bounds drops. Its neighbour over a raw line, `nonStarCharsExceed` (rules/signature.ts), leaves out stars instead:
 * a raw line still holds emphasis marks, which the nodes read here have already lost.
 */
export function nonDigitCharsExceed(inlines: readonly Inline[], limit: number, lines?: { from: number; to: number }): boolean {
  let count = 0;
  const walk = (nodes: readonly Inline[]): boolean => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (lines && (node.line < lines.from || node.line > lines.to)) continue;
        const text = node.text;
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          if (code > 32 && code < 127 && (code < 48 || code > 57) && ++count > limit) return true;
        }
      } else if ((node.type === 'hi' && node.rend !== 'superscript') || node.type === 'entity') {
        if (walk(node.children)) return true;
      }
    }
    return false;
  };
  return walk(inlines);
}

/**
 * True when {@link textWithoutNotes} of the nodes holds a character of `characters`, a class of single code units
 * other than white space (`/[0-9]/`, not global): asked of the nodes, so that a question about a few characters (a
 * digit, a note's symbol) does not put a paragraph's words together. The expression searches each text node where
 * a loop over its code units in JavaScript took five times as long before V8 optimised it.
 */
export function wordsHold(inlines: readonly Inline[], characters: RegExp): boolean {
  for (const node of inlines) {
    if (node.type === 'text' || node.type === 'gap') {
      if (characters.test(node.text)) return true;
    } else if ((node.type === 'hi' && node.rend !== 'superscript') || node.type === 'entity') {
      if (wordsHold(node.children, characters)) return true;
    }
  }
  return false;
}

/**
 * The words of line `k` of a block ({@link textWithoutNotes} of that line): in a print extraction a line of the
 * text may be several printed lines joined again, with a running head between them.
 */
export function lineWithoutNotes(block: Block, k: number): string {
  const pieces = block.pieces?.[k];
  if (!pieces || pieces.length === 0) return textWithoutNotes(block.inlines, block.line + k);
  return textWithoutNotes(block.inlines, { from: pieces[0]!.line, to: pieces[pieces.length - 1]!.line });
}

/**
 * The end of {@link textWithoutNotes}: its last `atLeast` characters or more, cut where a space was so that the
 * last words are whole. What a paragraph's ending says (a full stop, a hyphen, a catchword's slash) is there,
 * and a long paragraph re-joined across pages is not read whole each time its end is asked for.
 */
export function textEndWithoutNotes(inlines: readonly Inline[], atLeast = 80): string {
  const parts: string[] = [];
  let length = 0;
  let done = false;
  const walk = (nodes: readonly Inline[]): void => {
    for (let i = nodes.length - 1; i >= 0 && !done; i--) {
      const node = nodes[i]!;
      let piece = '';
      if (node.type === 'text') piece = node.text;
      else if (node.type === 'gap') piece = node.text;
      else if (node.type === 'lb') piece = ' ';
      else if ((node.type === 'hi' && node.rend !== 'superscript') || node.type === 'entity') {
        walk(node.children);
        continue;
      }
      if (!piece) continue;
      parts.push(piece);
      length += piece.length;
      if (length >= atLeast && /\s/.test(piece)) done = true;
    }
  };
  walk(inlines);
  const text = parts.reverse().join('');
  // Cut after the first space of the collected text: what comes before it may be part of a longer word.
  const cut = done ? text.search(/\s/) : -1;
  return collapseSpaces(cut >= 0 ? text.slice(cut) : text);
}

/** The numbers of the note references in inline nodes, note texts printed inside a line included. */
export function noteRefNumbers(inlines: readonly Inline[]): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'noteRef') out.push(node.n);
      else if (node.type === 'hi' || node.type === 'entity') walk(node.children);
      else if (node.type === 'note') for (const part of node.parts) walk(part.inlines);
    }
  };
  walk(inlines);
  return out;
}
