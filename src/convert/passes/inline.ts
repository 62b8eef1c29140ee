/**
 * Inline: each block's lines are read once into inline nodes — text (with its line and column), emphasis
 * from the source's `*italic*` and `**bold**`, footnote references (`[footnoteRef:1]`, superscript
 * digits, `<sup>59</sup>` and its mangled forms), `[…]` omissions, line breaks. A note body printed inside a
 * line (`[1: …]`, as word processors export it) becomes a note-body block of its own. Later passes work
 * on these nodes and never look at the raw characters again.
 */
import type { Block, Inline, TeiDocument } from '../../model/document.js';
import type { DocumentPass } from '../pass.js';
import { fromSuperscript } from '../readers/superscript.js';

interface Token {
  kind: 'text' | 'bold' | 'italic' | 'noteRef' | 'gap' | 'lb' | 'noteBody';
  text: string;
  line: number;
  column: number;
  n?: string;
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
  { kind: 'noteRef', re: /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/y },
  { kind: 'bold', re: /\*\*/y },
  { kind: 'italic', re: /\*/y },
  { kind: 'escape', re: /\\([$*_[\]#\\])/y },
];

/** Characters at which some entry of SYNTAX can start. */
const SYNTAX_START = /[[<&*\\⁰¹²³⁴⁵⁶⁷⁸⁹]|lt;sup/g;

/** The printed marker that opens a note body: "¹ ", "<sup>&</sup>lt;sup>59</sup> ", "1. ". */
const NOTE_MARKER = /^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?:<sup>&<\/sup>)?(?:&lt;|lt;|<)sup(?:&gt;|>)\d{1,4}<\/sup>|\d{1,3}\.(?=\s))\s*/;

export function tokenizeBlock(block: Block, extracted: Block[]): Token[] {
  const tokens: Token[] = [];
  block.lines.forEach((rawLine, i) => {
    // Trailing spaces are the source's hard-break syntax ("line  "), not text.
    const lineText = rawLine.trimEnd();
    const line = block.line + i;
    const base = i === 0 ? block.column : 1;
    let start = 0;
    if (i === 0 && block.kind === 'p' && block.n) {
      // "3. It is our policy …": the printed number is the paragraph's @n, not its text.
      const number = new RegExp(String.raw`^\s*${block.n}\.\s+`).exec(lineText);
      if (number) start = number[0].length;
    }
    if (i === 0 && block.kind === 'noteBody') {
      const marker = NOTE_MARKER.exec(lineText);
      if (marker) {
        start = marker[0].length;
        block.marker = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d+\.?/.exec(marker[0].replace(/sup/g, ''))?.[0];
      }
    }
    if (i > 0) {
      const prev = block.lines[i - 1]!.trimEnd();
      tokens.push({ kind: 'lb', text: '', line, column: 1, breakNo: /[\p{L}]-$/u.test(prev) && /^\s*\p{Ll}/u.test(lineText) });
    }
    let textStart = start;
    const flushText = (end: number) => {
      if (end > textStart) tokens.push({ kind: 'text', text: lineText.slice(textStart, end), line, column: base + textStart });
    };
    let pos = start;
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
        if ((kind === 'noteRef' && m[0].startsWith('[') && block.kind === 'noteBody' && pos === start)) continue;
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
          const n = kind === 'noteRef' ? (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(m[0]) ? fromSuperscript(m[0]) : m[1]) : undefined;
          tokens.push({ kind: kind as Token['kind'], text: m[0], line, column: base + pos, n });
          pos += m[0].length;
        }
        textStart = pos;
        matched = true;
        break;
      }
      if (!matched) pos++;
    }
    flushText(lineText.length);
  });
  return tokens;
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
export function buildInlines(tokens: Token[]): Inline[] {
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
  const root: Inline[] = [];
  const stack: { kind: 'bold' | 'italic'; children: Inline[] }[] = [];
  const out = () => (stack.length > 0 ? stack[stack.length - 1]!.children : root);
  tokens.forEach((t, i) => {
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
        out().push({ type: 'noteRef', n: t.n!, line: t.line, column: t.column });
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
    }
  });
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

export const inlinePass: DocumentPass = {
  name: 'inline',
  scope: 'document',
  // The printed paragraph number and a note's marker are not text: the block's kind and number must be known.
  requires: ['structure'],
  run(doc: TeiDocument) {
    for (const block of doc.blocks) parseBlock(block);
  },
};

/** Parses one block (and the note bodies printed inside it). */
export function parseBlock(block: Block): void {
  const extracted: Block[] = [];
  block.inlines = buildInlines(tokenizeBlock(block, extracted));
  for (const body of extracted) parseBlock(body);
}
