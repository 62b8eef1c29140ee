/**
 * What counts as the reading text, decided once for every derivative: the HTML reading view, the plain
 * text, the search index and the mention contexts all leave out the same debris.
 */
import type { TeiElement, TeiNode } from './tei-tree.js';

/**
 * Debris: a second (garbled) OCR pass, forme work (catchwords, page numbers, file numbers) and handwritten
 * marginalia. Encoded so that nothing is lost, shown only in the diplomatic view.
 */
export function isDebris(el: TeiElement): boolean {
  if (el.name === 'fw') return true;
  if (el.name !== 'note') return false;
  const type = el.attrs.type;
  return type === 'duplicate' || type === 'marginal';
}

/** A footnote (numbered or not) that derivatives move to the foot or the end. */
export function isFootnote(el: TeiElement): boolean {
  return el.name === 'note' && el.attrs.place === 'foot';
}

/**
 * The printed marker of a footnote (`<note n="1"><label>¹</label>…`): derivatives number notes
 * themselves, so the label is left out of the note's text.
 */
export function isNoteLabel(el: TeiElement): boolean {
  return el.name === 'label' && el.parent?.name === 'note';
}

/**
 * Whether a paragraph's printed number (`@n`) still stands at the start of its text (`<p n="3">3. It is…`):
 * then derivatives must not print it a second time.
 */
export function numberInText(el: TeiElement): boolean {
  const n = el.attrs.n;
  if (!n) return false;
  const first = el.children.find((c) => c.type === 'text' ? c.text.trim() !== '' : true);
  return first?.type === 'text' && first.text.trimStart().startsWith(n);
}

/**
 * A line-end hyphen before `<lb break="no"/>` is a printer's hyphen when the word goes on in lower case
 * (`neces-<lb break="no"/>sary`), a real one otherwise (`Anglo-<lb break="no"/>Soviet`). Derivatives
 * mark the break with this character and resolve it with {@link joinBrokenWords} once the text is out.
 */
export const WORD_BREAK = '\u0001';

/** Resolves {@link WORD_BREAK} marks: drops a printer's hyphen before a lower-case continuation. */
export function joinBrokenWords(s: string, hyphen: (h: string) => string = () => ''): string {
  return s.replace(/-\u0001(\s*)(?=\p{Ll})/gu, (_m) => hyphen('-')).replace(/\u0001\s*/g, '');
}

/**
 * {@link joinBrokenWords} of a text that comes in pieces, with the same result as over the pieces joined: a break
 * followed by nothing but white space so far, or a hyphen at the end, waits for what follows.
 */
export class BrokenWordJoiner {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(
    private readonly out: (s: string) => void,
    private readonly hyphen: (h: string) => string = () => '',
    private readonly batch = JOIN_BATCH,
  ) {}

  push(piece: string): void {
    this.pending.push(piece);
    this.pendingChars += piece.length;
    if (this.pendingChars >= this.batch) this.cut();
  }

  end(): void {
    const s = this.pending.join('');
    if (s) this.out(joinBrokenWords(s, this.hyphen));
    this.pending = [];
    this.pendingChars = 0;
  }

  private cut(): void {
    const s = this.pending.join('');
    let cut = s.length;
    const k = s.lastIndexOf(WORD_BREAK);
    if (k >= 0 && /^\s*$/.test(s.slice(k + 1))) cut = k > 0 && s[k - 1] === '-' ? k - 1 : k;
    else if (s.endsWith('-')) cut = s.length - 1;
    const held = s.slice(cut);
    this.pending = held ? [held] : [];
    this.pendingChars = held.length;
    if (cut > 0) this.out(joinBrokenWords(s.slice(0, cut), this.hyphen));
  }
}

/** Text gathered before broken words are joined (characters): one regular expression over a batch, not a piece. */
const JOIN_BATCH = 1 << 16;

/** Elements that begin a new line of reading text (for plain-text extraction and contexts). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'head', 'p', 'div', 'opener', 'closer', 'dateline', 'salute', 'signed', 'byline', 'postscript', 'note',
  'address', 'addrLine', 'list', 'item', 'lg', 'l', 'table', 'row', 'cell', 'quote', 'ab', 'label', 'trailer',
  'docAuthor', 'docTitle', 'titlePart', 'titlePage', 'docImprint', 'argument', 'epigraph', 'floatingText',
]);

/**
 * The plain reading text of an element (normally `text`): debris left out, footnotes kept after the
 * passage they annotate, blocks separated by newlines, whitespace collapsed within lines.
 */
export function readingText(el: TeiElement): string {
  const lines: string[] = [];
  const reader = new ReadingLines((line) => lines.push(line));
  reader.node(el);
  reader.end();
  return lines.join('\n');
}

/**
 * {@link readingText} given in pieces: whole nodes, and the elements around them (`open`, `close`) whose children
 * come one by one (text events, src/transform/text-events.ts). Each line is handed over as soon as it ends.
 */
export class ReadingLines {
  private current = '';

  constructor(private readonly line: (line: string) => void) {}

  /** An element whose children follow one by one. */
  open(el: TeiElement): void {
    if (BLOCK_ELEMENTS.has(el.name)) this.flush();
  }

  /** A whole node. */
  node(n: TeiNode): void {
    if (n.type === 'text') {
      this.current += n.text;
      return;
    }
    if (isDebris(n) || isNoteLabel(n)) return;
    if (n.name === 'lb') {
      this.current += n.attrs.break === 'no' ? WORD_BREAK : ' ';
      return;
    }
    const block = BLOCK_ELEMENTS.has(n.name);
    if (block) this.flush();
    for (const c of n.children) this.node(c);
    if (block) this.flush();
  }

  /** A whole node of an element whose children come one by one. */
  child(n: TeiNode): void {
    this.node(n);
  }

  close(el: TeiElement): void {
    this.open(el);
  }

  /** The end of the text: its last line. */
  end(): void {
    this.flush();
  }

  private flush(): void {
    const t = joinBrokenWords(this.current).replace(/\s+/g, ' ').trim();
    if (t) this.line(t);
    this.current = '';
  }
}
