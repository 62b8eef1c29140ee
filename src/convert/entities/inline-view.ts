/**
 * A block's inline nodes seen as one string, so that the string rules of ./dates and ./persons can run on it,
 * and the way back: a span of that string becomes an `EntityInline` wrapped around the same characters of the
 * one text node it falls in. Text content is never changed, only split.
 */
import type { Block, EntityInline, Inference, Inline, TextInline } from '../../model/document.js';

/** One text node and where its text starts in the view's string. */
export interface ViewPiece {
  node: TextInline;
  offset: number;
  /** Inside `hi rend="italic"`: in these texts, titles of works and foreign phrases. */
  italic: boolean;
  /** The list of inlines that holds the node, and the node's index in it when the view was made. */
  parent: Inline[];
  parentIndex: number;
}

/** A block's running text with a map back to its text nodes. */
export interface InlineView {
  text: string;
  pieces: ViewPiece[];
  /** Blocks nested in this one (note parts, page-foot matter of an interruption), to be viewed on their own. */
  nested: { block: Block; inNote: boolean }[];
  /** The notes referenced in the text: where the reference stands in `text`, and the note's parts. */
  notes: { offset: number; parts: Block[] }[];
}

/**
 * Builds the view of a list of inlines. Markup that separates words (line and page breaks, note references)
 * becomes a space or line break; italic boundaries become `*`, which lets the rules see "Shirer, *Diary*"
 * as an author before a title. Existing entities are opaque.
 */
export function viewOf(inlines: Inline[]): InlineView {
  const view: InlineView = { text: '', pieces: [], nested: [], notes: [] };
  const walk = (nodes: Inline[], italic: boolean): void => {
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!;
      switch (node.type) {
        case 'text':
          view.pieces.push({ node, offset: view.text.length, italic, parent: nodes, parentIndex: index });
          view.text += node.text;
          break;
        case 'hi': {
          const mark = node.rend === 'italic' ? '*' : node.rend === 'superscript' ? ' ' : '';
          view.text += mark;
          walk(node.children, italic || node.rend === 'italic');
          view.text += mark;
          break;
        }
        case 'lb':
          view.text += node.breakNo ? '' : '\n';
          break;
        case 'note':
          view.notes.push({ offset: view.text.length, parts: node.parts });
          view.text += ' ';
          for (const part of node.parts) view.nested.push({ block: part, inNote: true });
          break;
        case 'interruption':
          view.text += '\n\n';
          for (const b of node.blocks) view.nested.push({ block: b, inNote: false });
          break;
        case 'entity':
          view.text += ' ';
          break;
        default:
          view.text += ' ';
      }
    }
  };
  walk(inlines, false);
  return view;
}

/** A span of a view to wrap. */
export interface EntitySpan {
  start: number;
  end: number;
  tag: EntityInline['tag'];
  attrs: Record<string, string>;
  /** Part of what the attributes say is inferred (a year the text does not print). */
  inferred?: Inference;
}

function entityOf(s: EntitySpan, children: Inline[]): EntityInline {
  const entity: EntityInline = { type: 'entity', tag: s.tag, attrs: s.attrs, children };
  if (s.inferred) entity.inferred = s.inferred;
  return entity;
}

/** The piece whose text holds offset `at` of the view, by binary search (pieces are in offset order). */
export function pieceAt(view: InlineView, at: number): ViewPiece | undefined {
  const pieces = view.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (at < p.offset) hi = mid - 1;
    else if (at >= p.offset + p.node.text.length) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** The piece that holds the whole span, if one does (spans across two text nodes are left untagged). */
export function pieceFor(view: InlineView, start: number, end: number): ViewPiece | undefined {
  const p = pieceAt(view, start);
  return p && end <= p.offset + p.node.text.length ? p : undefined;
}

/** A span to wrap, placed in the one list of inlines that holds it: from offset `a` of `first` to offset `b` of `last`. */
interface PlacedSpan {
  span: EntitySpan;
  first: ViewPiece;
  last: ViewPiece;
}

/**
 * Wraps spans of the view in entity nodes, in place: the text nodes that hold spans are replaced, in their
 * parent list, by text / entity / text nodes whose texts concatenate to the original; a span across line or page
 * breaks ("Mr.<lb/>Eden", "December<lb/>28th") takes the breaks into its entity. A text node may hold any number
 * of spans, whole or begun or ended in it: a hard-wrapped line holds the end of one name and the start of the
 * next ("Greiner, George<lb/>Gibbs, W. L. Darling, … by Franklin<lb/>Reading"). Overlapping spans: the first given
 * wins. Returns how many spans were applied.
 *
 * Linear in the view and the spans (a paragraph of megabytes with thousands of names is one view): taken
 * characters are marked in a bitmap instead of comparing each span with every earlier one, pieces are found by
 * binary search, and each list of inlines is rebuilt once, never spliced span by span.
 */
export function applySpans(_inlines: Inline[], view: InlineView, spans: EntitySpan[]): number {
  // Most blocks have no span, and one span needs no bitmap: the entity pass calls this for every block.
  if (spans.length === 0) return 0;
  const taken = spans.length > 1 ? new Uint8Array(view.text.length + 1) : undefined;
  const overlapsTaken = (s: EntitySpan): boolean => {
    if (taken) for (let k = s.start; k < s.end; k++) if (taken[k]) return true;
    return false;
  };
  const byList = new Map<Inline[], PlacedSpan[]>();
  let applied = 0;
  for (const s of spans) {
    if (s.end <= s.start || s.start < 0 || s.end > view.text.length || overlapsTaken(s)) continue;
    const piece = pieceFor(view, s.start, s.end);
    const placed = piece ? { span: s, first: piece, last: piece } : crossingPieces(view, s);
    if (!placed) continue;
    taken?.fill(1, s.start, s.end);
    applied++;
    const list = byList.get(placed.first.parent);
    if (list) list.push(placed);
    else byList.set(placed.first.parent, [placed]);
  }
  for (const [list, placed] of byList) rebuild(list, placed);
  return applied;
}

/**
 * Rebuilds one list of inlines around its spans (not overlapping) in one pass: the nodes before a span as they
 * were, the rest of a text node a span ended in, the span's entity, and so on.
 */
function rebuild(list: Inline[], placed: PlacedSpan[]): void {
  placed.sort((x, y) => x.span.start - y.span.start);
  // A piece knows where its node stood in the list when the view was made; the list is rebuilt once, here.
  const index = (piece: ViewPiece): number => (list[piece.parentIndex] === piece.node ? piece.parentIndex : list.indexOf(piece.node));
  // The list's text nodes are cut in the order of the list and, within a node, of their offsets.
  const cutter = new TextCutter();
  const cut = (node: TextInline, from: number, to: number): TextInline => cutter.cut(node, from, to);
  const out: Inline[] = [];
  let k = 0; // the first node of the list not yet written out
  let from = 0; // how much of list[k] (a text node a span ended in) is already written out
  const finishCurrent = (): void => {
    const node = list[k] as TextInline;
    if (from < node.text.length) out.push(cut(node, from, node.text.length));
    k++;
    from = 0;
  };
  for (const { span, first, last } of placed) {
    const i = index(first);
    const j = index(last);
    if (i > k && from > 0) finishCurrent();
    for (; k < i; k++) out.push(list[k]!);
    const a = span.start - first.offset;
    const b = span.end - last.offset;
    if (a > from) out.push(cut(first.node, from, a));
    const children: Inline[] =
      i === j ? [cut(first.node, a, b)] : [cut(first.node, a, first.node.text.length), ...list.slice(i + 1, j), cut(last.node, 0, b)];
    out.push(entityOf(span, children));
    k = j;
    from = b;
  }
  if (from > 0) finishCurrent();
  for (; k < list.length; k++) out.push(list[k]!);
  list.length = 0;
  for (const node of out) list.push(node);
}

/**
 * A span over two text nodes of one list with only line or page breaks between them ("December<lb/>28th",
 * "Mr.<lb/>Eden" in a hard-wrapped letter): its first and last pieces, or undefined when it crosses other markup.
 */
function crossingPieces(view: InlineView, s: EntitySpan): PlacedSpan | undefined {
  const first = pieceAt(view, s.start);
  const last = pieceAt(view, s.end - 1);
  if (!first || !last || first === last || first.parent !== last.parent) return undefined;
  // Between the two, in the same list, only breaks: the pieces between them in the view are the list's text
  // nodes between them, so walking the list from the first is bounded by the span's own length.
  const nodes = first.parent;
  let i = first.parentIndex;
  if (nodes[i] !== first.node) i = nodes.indexOf(first.node);
  for (let k = i + 1; k < nodes.length; k++) {
    const between = nodes[k]!;
    if (between === last.node) return { span: s, first, last };
    if (between.type !== 'lb' && between.type !== 'pb') return undefined;
  }
  return undefined;
}

/**
 * Cuts of text nodes, asked for node after node and, within a node, in the order of their offsets, each with its
 * line and column: a node's line breaks are counted once, in one walk of its text, however many cuts it gives.
 */
class TextCutter {
  private node: TextInline | undefined = undefined;
  /** Where the walk has counted line breaks up to in the node, and the line and start of line it reached. */
  private counted = 0;
  private line = 0;
  /** -1: still on the node's first line, whose column starts at node.column. */
  private lineStart = -1;

  cut(node: TextInline, from: number, to: number): TextInline {
    if (node !== this.node) {
      this.node = node;
      this.counted = 0;
      this.line = node.line;
      this.lineStart = -1;
    }
    const text = node.text;
    for (let k = text.indexOf('\n', this.counted); k >= 0 && k < from; k = text.indexOf('\n', k + 1)) {
      this.line++;
      this.lineStart = k;
    }
    this.counted = Math.max(this.counted, from);
    const column = this.lineStart < 0 ? node.column + from : from - this.lineStart;
    return { type: 'text', text: text.slice(from, to), line: this.line, column };
  }
}

/** The text a reader sees in a list of inlines (text nodes only, entities opened): for the no-change property. */
export function inlineText(inlines: Inline[]): string {
  let s = '';
  for (const node of inlines) {
    if (node.type === 'text') s += node.text;
    else if (node.type === 'hi' || node.type === 'entity') s += inlineText(node.children);
    else if (node.type === 'note') for (const p of node.parts) s += inlineText(p.inlines);
    else if (node.type === 'interruption') for (const b of node.blocks) s += inlineText(b.inlines);
  }
  return s;
}
