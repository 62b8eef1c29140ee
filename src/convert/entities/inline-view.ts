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

/** How one list of inlines changes: text nodes replaced by what they split into, runs of nodes by one entity. */
interface ListEdit {
  /** Index of the first node replaced, and how many. */
  at: number;
  count: number;
  replacement: Inline[];
}

/**
 * Wraps spans of the view in entity nodes, in place: each text node that holds spans is replaced, in its
 * parent list, by text / entity / text nodes whose texts concatenate to the original. Overlapping spans: the
 * first given wins. Returns how many spans were applied.
 *
 * Linear in the view and the spans (a paragraph of megabytes with thousands of names is one view): taken
 * characters are marked in a bitmap instead of comparing each span with every earlier one, pieces are found by
 * binary search, and each list of inlines is rebuilt once, never spliced span by span.
 */
export function applySpans(_inlines: Inline[], view: InlineView, spans: EntitySpan[]): number {
  const byNode = new Map<TextInline, { piece: ViewPiece; spans: EntitySpan[] }>();
  const taken = new Uint8Array(view.text.length + 1);
  const overlapsTaken = (s: EntitySpan): boolean => {
    for (let k = s.start; k < s.end; k++) if (taken[k]) return true;
    return false;
  };
  const take = (s: EntitySpan): void => {
    taken.fill(1, s.start, s.end);
  };
  const crossing: Array<{ span: EntitySpan; first: ViewPiece; last: ViewPiece }> = [];
  const inCrossing = new Set<TextInline>();
  let applied = 0;
  for (const s of spans) {
    if (s.end <= s.start || s.start < 0 || s.end > view.text.length || overlapsTaken(s)) continue;
    const piece = pieceFor(view, s.start, s.end);
    if (!piece) {
      const across = crossingPieces(view, s);
      // One rewrite per text node: a node already split by another span is left to that span.
      const busy = (n: TextInline): boolean => byNode.has(n) || inCrossing.has(n);
      if (!across || busy(across.first.node) || busy(across.last.node)) continue;
      take(s);
      applied++;
      crossing.push({ span: s, ...across });
      inCrossing.add(across.first.node).add(across.last.node);
      continue;
    }
    if (inCrossing.has(piece.node)) continue;
    take(s);
    applied++;
    const local = { ...s, start: s.start - piece.offset, end: s.end - piece.offset };
    const entry = byNode.get(piece.node);
    if (entry) entry.spans.push(local);
    else byNode.set(piece.node, { piece, spans: [local] });
  }
  if (applied === 0) return 0;
  const edits = new Map<Inline[], ListEdit[]>();
  const indexIn = new Map<Inline[], Map<Inline, number>>();
  const indexOf = (list: Inline[], node: Inline): number => {
    let index = indexIn.get(list);
    if (!index) {
      index = new Map();
      for (let k = 0; k < list.length; k++) index.set(list[k]!, k);
      indexIn.set(list, index);
    }
    return index.get(node) ?? -1;
  };
  const edit = (list: Inline[], e: ListEdit): void => {
    const list_ = edits.get(list);
    if (list_) list_.push(e);
    else edits.set(list, [e]);
  };
  for (const c of crossing) {
    const i = indexOf(c.first.parent, c.first.node);
    const j = indexOf(c.first.parent, c.last.node);
    edit(c.first.parent, { at: i, count: j - i + 1, replacement: wrapAcross(c.span, c.first, c.last, c.first.parent.slice(i + 1, j)) });
  }
  for (const { piece, spans: local } of byNode.values()) {
    edit(piece.parent, { at: indexOf(piece.parent, piece.node), count: 1, replacement: splitText(piece.node, local.sort((a, b) => a.start - b.start)) });
  }
  for (const [list, changes] of edits) rebuild(list, changes);
  return applied;
}

/** Applies non-overlapping edits to a list in one pass. */
function rebuild(list: Inline[], changes: ListEdit[]): void {
  changes.sort((a, b) => a.at - b.at);
  const out: Inline[] = [];
  let k = 0;
  for (const c of changes) {
    for (; k < c.at; k++) out.push(list[k]!);
    for (const r of c.replacement) out.push(r);
    k = c.at + c.count;
  }
  for (; k < list.length; k++) out.push(list[k]!);
  list.length = 0;
  for (const node of out) list.push(node);
}

/**
 * A span over two text nodes of one list with only line or page breaks between them ("December<lb/>28th",
 * "Mr.<lb/>Eden" in a hard-wrapped letter): its first and last pieces, or undefined when it crosses other markup.
 */
function crossingPieces(view: InlineView, s: EntitySpan): { first: ViewPiece; last: ViewPiece } | undefined {
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
    if (between === last.node) return { first, last };
    if (between.type !== 'lb' && between.type !== 'pb') return undefined;
  }
  return undefined;
}

/** The end of one text node, the breaks after it and the start of a later one, wrapped in one entity. */
function wrapAcross(s: EntitySpan, first: ViewPiece, last: ViewPiece, between: Inline[]): Inline[] {
  const a = s.start - first.offset;
  const b = s.end - last.offset;
  const cut = (node: TextInline, from: number, to: number): TextInline => ({ type: 'text', text: node.text.slice(from, to), ...positionIn(node, from) });
  const children: Inline[] = [cut(first.node, a, first.node.text.length)];
  for (const n of between) children.push(n);
  children.push(cut(last.node, 0, b));
  const out: Inline[] = [];
  if (a > 0) out.push(cut(first.node, 0, a));
  out.push(entityOf(s, children));
  if (b < last.node.text.length) out.push(cut(last.node, b, last.node.text.length));
  return out;
}

/** Line and column of a character offset inside a text node that may span lines. */
function positionIn(node: TextInline, offset: number): { line: number; column: number } {
  const breakBefore = node.text.lastIndexOf('\n', offset - 1);
  if (offset === 0 || breakBefore < 0) return { line: node.line, column: node.column + offset };
  let breaks = 0;
  for (let k = node.text.indexOf('\n'); k >= 0 && k < offset; k = node.text.indexOf('\n', k + 1)) breaks++;
  return { line: node.line + breaks, column: offset - breakBefore };
}

/** Splits a text node around its spans (sorted, not overlapping); positions counted in one walk of the text. */
function splitText(node: TextInline, spans: EntitySpan[]): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  // Where the walk has counted line breaks up to, and the line and start of line it reached.
  let counted = 0;
  let line = node.line;
  let lineStart = -1; // -1: still on the node's first line, whose column starts at node.column
  const positionAt = (offset: number): { line: number; column: number } => {
    for (let k = node.text.indexOf('\n', counted); k >= 0 && k < offset; k = node.text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k;
    }
    counted = Math.max(counted, offset);
    return lineStart < 0 ? { line, column: node.column + offset } : { line, column: offset - lineStart };
  };
  const text = (from: number, to: number): TextInline => ({ type: 'text', text: node.text.slice(from, to), ...positionAt(from) });
  for (const s of spans) {
    if (s.start > at) out.push(text(at, s.start));
    out.push(entityOf(s, [text(s.start, s.end)]));
    at = s.end;
  }
  if (at < node.text.length) out.push(text(at, node.text.length));
  return out;
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
