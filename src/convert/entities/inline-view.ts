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
  /** The list of inlines that holds the node. */
  parent: Inline[];
}

/** A block's running text with a map back to its text nodes. */
export interface InlineView {
  text: string;
  pieces: ViewPiece[];
  /** Blocks nested in this one (note parts, page-foot matter of an interruption), to be viewed on their own. */
  nested: { block: Block; inNote: boolean }[];
}

/**
 * Builds the view of a list of inlines. Markup that separates words (line and page breaks, note references)
 * becomes a space or line break; italic boundaries become `*`, which lets the rules see "Shirer, *Diary*"
 * as an author before a title. Existing entities are opaque.
 */
export function viewOf(inlines: Inline[]): InlineView {
  const view: InlineView = { text: '', pieces: [], nested: [] };
  const walk = (nodes: Inline[], italic: boolean): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          view.pieces.push({ node, offset: view.text.length, italic, parent: nodes });
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

/** The piece that holds the whole span, if one does (spans across two text nodes are left untagged). */
export function pieceFor(view: InlineView, start: number, end: number): ViewPiece | undefined {
  return view.pieces.find((p) => p.offset <= start && end <= p.offset + p.node.text.length);
}

/**
 * Wraps spans of the view in entity nodes, in place: each text node that holds spans is replaced, in its
 * parent list, by text / entity / text nodes whose texts concatenate to the original. Overlapping spans: the
 * first given wins. Returns how many spans were applied.
 */
export function applySpans(inlines: Inline[], view: InlineView, spans: EntitySpan[]): number {
  const byNode = new Map<TextInline, EntitySpan[]>();
  const taken: EntitySpan[] = [];
  const crossing: Array<{ span: EntitySpan; first: ViewPiece; last: ViewPiece }> = [];
  const inCrossing = new Set<TextInline>();
  for (const s of spans) {
    if (s.end <= s.start || taken.some((t) => s.start < t.end && t.start < s.end)) continue;
    const piece = pieceFor(view, s.start, s.end);
    if (!piece) {
      const across = crossingPieces(view, s);
      // One rewrite per text node: a node already split by another span is left to that span.
      const busy = (n: TextInline): boolean => byNode.has(n) || inCrossing.has(n);
      if (!across || busy(across.first.node) || busy(across.last.node)) continue;
      taken.push(s);
      crossing.push({ span: s, ...across });
      inCrossing.add(across.first.node).add(across.last.node);
      continue;
    }
    if (inCrossing.has(piece.node)) continue;
    taken.push(s);
    const local = { ...s, start: s.start - piece.offset, end: s.end - piece.offset };
    byNode.set(piece.node, [...(byNode.get(piece.node) ?? []), local]);
  }
  for (const c of crossing) wrapAcross(c.span, c.first, c.last);
  if (byNode.size === 0) return taken.length;
  const rewrite = (nodes: Inline[]): void => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'hi') rewrite(node.children);
      if (node.type !== 'text') continue;
      const local = byNode.get(node);
      if (!local) continue;
      const parts = splitText(node, local.sort((a, b) => a.start - b.start));
      nodes.splice(i, 1, ...parts);
      i += parts.length - 1;
    }
  };
  rewrite(inlines);
  return taken.length;
}

/**
 * A span over two text nodes of one list with only line or page breaks between them ("December<lb/>28th",
 * "Mr.<lb/>Eden" in a hard-wrapped letter): its first and last pieces, or undefined when it crosses other markup.
 */
function crossingPieces(view: InlineView, s: EntitySpan): { first: ViewPiece; last: ViewPiece } | undefined {
  const first = view.pieces.find((p) => p.offset <= s.start && s.start < p.offset + p.node.text.length);
  const last = view.pieces.find((p) => p.offset < s.end && s.end <= p.offset + p.node.text.length);
  if (!first || !last || first === last || first.parent !== last.parent) return undefined;
  const i = first.parent.indexOf(first.node);
  const j = first.parent.indexOf(last.node);
  if (i < 0 || j <= i) return undefined;
  for (const between of first.parent.slice(i + 1, j)) if (between.type !== 'lb' && between.type !== 'pb') return undefined;
  return { first, last };
}

/** Wraps the end of one text node, the breaks after it and the start of a later one in one entity. */
function wrapAcross(s: EntitySpan, first: ViewPiece, last: ViewPiece): void {
  const nodes = first.parent;
  const i = nodes.indexOf(first.node);
  const j = nodes.indexOf(last.node);
  const a = s.start - first.offset;
  const b = s.end - last.offset;
  const cut = (node: TextInline, from: number, to: number): TextInline => ({ type: 'text', text: node.text.slice(from, to), ...position(node, from) });
  const children: Inline[] = [cut(first.node, a, first.node.text.length), ...nodes.slice(i + 1, j), cut(last.node, 0, b)];
  const out: Inline[] = [];
  if (a > 0) out.push(cut(first.node, 0, a));
  out.push(entityOf(s, children));
  if (b < last.node.text.length) out.push(cut(last.node, b, last.node.text.length));
  nodes.splice(i, j - i + 1, ...out);
}

/** Column of a character offset inside a text node that may span lines. */
function position(node: TextInline, offset: number): { line: number; column: number } {
  const before = node.text.slice(0, offset);
  const breaks = before.split('\n');
  if (breaks.length === 1) return { line: node.line, column: node.column + offset };
  return { line: node.line + breaks.length - 1, column: breaks[breaks.length - 1]!.length + 1 };
}

function splitText(node: TextInline, spans: EntitySpan[]): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  const text = (from: number, to: number): TextInline => ({ type: 'text', text: node.text.slice(from, to), ...position(node, from) });
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
