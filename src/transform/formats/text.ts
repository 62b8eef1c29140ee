/**
 * Plain text: one file per document (`text/<id>.txt`), a heading, metadata lines, the reading text
 * wrapped at 72 columns, footnotes as numbered endnotes. Debris (duplicate OCR passes, forme work,
 * marginalia) is left out, as from the HTML reading text.
 */
import type { Edition, EditionDocument } from '../edition.js';
import { displayName, formatDate } from '../format.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { isNoteLabel, joinBrokenWords, numberInText, WORD_BREAK } from '../reading.js';
import type { TeiElement } from '../tei-tree.js';
import { readText } from '../text-events.js';
import type { RuleTable } from '../walker.js';
import { Walker } from '../walker.js';

/** Column at which lines wrap. */
export const TEXT_WIDTH = 72;

/** Paragraph separator and hard line break inside the rendered string, resolved by {@link layout}. */
const PARA = '\n\n';
const HARD = '\u2028';

interface TextContext {
  notes: string[];
  /** Blocks printed inside a sentence (an address at a page foot): written after the paragraph. */
  deferred: string[];
}

function blockRule(prefix = '') {
  return (el: TeiElement, _ctx: TextContext, inner: () => string): string => {
    const n = prefix === 'n' ? (el.attrs.n && !numberInText(el) ? `${el.attrs.n}. ` : '') : prefix;
    return PARA + n + inner() + PARA;
  };
}

function inRunningText(el: TeiElement): boolean {
  for (let a = el.parent; a; a = a.parent) {
    if (a.name === 'p' || a.name === 'ab') return true;
    if (a.name === 'l' || a.name === 'addrLine' || a.name === 'note' || a.name === 'div' || a.name === 'body') return false;
  }
  return false;
}

/** A paragraph, with the blocks printed inside it written after it. */
function paragraph(el: TeiElement, ctx: TextContext, inner: () => string): string {
  const outer = ctx.deferred;
  ctx.deferred = [];
  const body = blockRule('n')(el, ctx, inner);
  const after = ctx.deferred.join('');
  ctx.deferred = outer;
  return body + after;
}

/** A block inside a paragraph waits for the paragraph's end; elsewhere it stands where it is. */
function outOfLine(el: TeiElement, ctx: TextContext, inner: () => string): string {
  const rendered = PARA + inner() + PARA;
  for (let a = el.parent; a; a = a.parent) {
    if (a.name === 'note') break;
    if (a.name === 'p' || a.name === 'ab') {
      ctx.deferred.push(rendered);
      return ' ';
    }
  }
  return rendered;
}

function endnote(_el: TeiElement, ctx: TextContext, inner: () => string): string {
  const number = ctx.notes.length + 1;
  ctx.notes.push('');
  ctx.notes[number - 1] = inner();
  return `[${number}]`;
}

/** TEI element → plain text rule. */
export const textRules: RuleTable<TextContext> = {
  teiHeader: null,
  'note[type=duplicate]': null,
  'note[type=marginal]': null,
  fw: null,
  head: blockRule(),
  p: paragraph,
  ab: blockRule(),
  dateline: blockRule(),
  salute: blockRule(),
  signed: blockRule(),
  byline: blockRule(),
  docAuthor: blockRule(),
  opener: blockRule(),
  closer: blockRule(),
  postscript: blockRule(),
  // a pair, not a function: a division's text is its children's in order, so it is rendered as they are read
  div: [PARA, PARA],
  'note[type=address]': outOfLine,
  'note[type=source]': blockRule(),
  'note[type=unnumbered]': outOfLine,
  'note[place=foot]': endnote,
  note: endnote,
  address: blockRule(),
  addrLine: (_el, _ctx, inner) => inner() + HARD,
  'lb[break=no]': () => WORD_BREAK,
  // a typewriter's line end inside running text is a space (the text is wrapped anew); elsewhere (address
  // lines, a signature) a line break
  lb: (el) => (inRunningText(el) ? ' ' : HARD),
  label: (el, _ctx, inner) => (isNoteLabel(el) ? '' : inner()),
  l: (_el, _ctx, inner) => inner() + HARD,
  lg: blockRule(),
  list: blockRule(),
  item: (_el, _ctx, inner) => `${HARD}- ${inner()}`,
  quote: blockRule(),
  table: blockRule(),
  row: (_el, _ctx, inner) => inner() + HARD,
  cell: (_el, _ctx, inner) => `${inner()} `,
  gap: () => '[…]',
  // the printed page number, so that a reader of the text can cite the print page
  pb: (el) => (el.attrs.n ? ` [p. ${el.attrs.n.replace(/[\u2028\n\r\t]/g, ' ')}] ` : ' '),
  choice: (el, ctx) => {
    const pick = el.children.find((c): c is TeiElement => c.type === 'element' && ['corr', 'reg', 'expan'].includes(c.name))
      ?? el.children.find((c): c is TeiElement => c.type === 'element');
    return pick ? textWalker.renderChildren(pick, ctx) : '';
  },
  figure: blockRule(),
  graphic: null,
};

/** The walker over {@link textRules}; our two separators cannot come from the source. */
export const textWalker = new Walker<TextContext>(textRules, (t) => t.replace(/[\u2028\n\r\t]/g, ' '));

/** Greedy word wrap at `width` columns; a word longer than a line stands alone, never split. */
export function wrap(text: string, width = TEXT_WIDTH, indent = '', firstIndent = indent): string[] {
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else {
      line += (empty ? '' : ' ') + w;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/** Resolves the rendered string into wrapped paragraphs. */
export function layout(rendered: string, width = TEXT_WIDTH): string[] {
  const paras: string[] = [];
  for (const chunk of joinBrokenWords(rendered).split(/\n{2,}/)) {
    const lines = chunk
      .split(HARD)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    paras.push(lines.flatMap((l) => wrap(l, width)).join('\n'));
  }
  return paras;
}

function metadata(doc: EditionDocument, edition: Edition): string[] {
  const lines: string[] = [];
  const side = (s: EditionDocument['sent']): string => {
    if (!s) return '';
    const who = s.persons.map((p) => displayName(p, edition.persons)).join(', ') || 'unknown';
    const where = s.places.map((p) => p.name).join(', ');
    return `${who}${where ? `, ${where}` : ''}${s.cert && s.cert !== 'high' ? ' (inferred)' : ''}`;
  };
  if (doc.sent) lines.push(`From: ${side(doc.sent)}`);
  if (doc.received) lines.push(`To: ${side(doc.received)}`);
  lines.push(`Date: ${formatDate(doc.date) || 'undated'}`);
  lines.push(`Kind: ${doc.kind}`);
  if (doc.classification) lines.push(`Classification: ${doc.classification}`);
  if (doc.source.title) lines.push(`Source: ${doc.source.title}${doc.source.type ? ` (${doc.source.type})` : ''}`);
  if (doc.source.idno) lines.push(`Source trace: ${doc.source.idno}`);
  return lines.flatMap((l) => wrap(l, TEXT_WIDTH, '  ', ''));
}

/** Rendered text gathered before a cut is looked for (characters). */
const LAYOUT_BATCH = 1 << 16;

/**
 * {@link layout} of a rendered text that comes in pieces: each paragraph is given out as soon as nothing that
 * follows can change it. The text is cut after a run of white space that holds a paragraph break and does not
 * follow a {@link WORD_BREAK} (which would join across it): both sides then lay out as they would together.
 */
export class LayoutStream {
  private pending = '';

  constructor(
    private readonly paragraph: (p: string) => void,
    private readonly width = TEXT_WIDTH,
    private readonly batch = LAYOUT_BATCH,
  ) {}

  push(piece: string): void {
    this.pending += piece;
    if (this.pending.length >= this.batch) this.cut();
  }

  end(): void {
    for (const p of layout(this.pending, this.width)) this.paragraph(p);
    this.pending = '';
  }

  private cut(): void {
    const text = this.pending;
    for (let k = text.lastIndexOf(PARA); k >= 0; k = k > 0 ? text.lastIndexOf(PARA, k - 1) : -1) {
      let start = k;
      while (start > 0 && /\s/.test(text[start - 1]!)) start--;
      if (start > 0 && text[start - 1] === WORD_BREAK) {
        k = start;
        continue;
      }
      let end = k + PARA.length;
      while (end < text.length && /\s/.test(text[end]!)) end++;
      for (const p of layout(text.slice(0, end), this.width)) this.paragraph(p);
      this.pending = text.slice(end);
      return;
    }
  }
}

/** A container whose rule is a pair of strings (or none) is rendered as its children are read. */
function pairOf(el: TeiElement): readonly [string, string] | undefined {
  const rule = textWalker.ruleFor(el);
  return rule === undefined ? ['', ''] : Array.isArray(rule) ? (rule as readonly [string, string]) : undefined;
}

/**
 * Renders the reading text of a TEI file (its first `text`) to `push` while reading the file: divisions and the
 * body are passed through as their children complete, every other element is rendered whole at its end tag and
 * let go, so a file the size of a volume is never held as a tree.
 */
function renderTextOf(file: string, ctx: TextContext, push: (piece: string) => void): void {
  readText(file, (el) => pairOf(el) !== undefined, {
    open: (el) => push(pairOf(el)![0]),
    child: (node) => push(textWalker.render(node, ctx)),
    close: (el) => push(pairOf(el)![1]),
  });
}

/** Writes one document as plain text, piece by piece, reading its file as it goes. */
export function writeDocumentText(edition: Edition, doc: EditionDocument, write: (piece: string) => void): void {
  const ctx: TextContext = { notes: [], deferred: [] };
  const title = wrap(doc.title);
  const rule = '='.repeat(Math.max(...title.map((l) => l.length)));
  write([...title, rule].join('\n') + '\n\n' + metadata(doc, edition).join('\n'));
  const body = new LayoutStream((p) => write('\n\n' + p));
  renderTextOf(doc.file, ctx, (piece) => body.push(piece));
  body.end();
  if (ctx.notes.length) {
    write('\n\nNotes\n-----');
    ctx.notes.forEach((n, i) => {
      const marker = `[${i + 1}] `;
      const pad = ' '.repeat(marker.length);
      const note = layout(n, TEXT_WIDTH)
        .map((p, j) => wrap(p.replace(/\n/g, ' '), TEXT_WIDTH, pad, j === 0 ? marker : pad).join('\n'))
        .join('\n\n');
      write('\n\n' + note);
    });
  }
  write('\n');
}

/** One document as plain text. */
export function documentText(edition: Edition, doc: EditionDocument): string {
  const pieces: string[] = [];
  writeDocumentText(edition, doc, (p) => pieces.push(p));
  return pieces.join('');
}

/** The plain-text export. */
export const textTransform: TransformModule = {
  name: 'text',
  describe: 'plain text, one file per document, wrapped at 72 columns, notes as endnotes',
  *render(edition: Edition, _ctx: TransformContext): Iterable<OutputFile> {
    for (const doc of edition.documents) yield { path: `text/${doc.permalink}.txt`, content: (write) => writeDocumentText(edition, doc, write) };
  },
};
