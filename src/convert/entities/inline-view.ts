/**
 * A block's inline nodes seen as one string, so that the string rules of ./dates and ./persons can run on it,
 * and the way back: a span of that string becomes an `EntityInline` wrapped around the same characters of the
 * one text node it falls in. Text content is never changed, only split.
 */
import type { Block, EntityInline, Inline, TextInline } from '../../model/document.js';

/** One text node and where its text starts in the view's string. */
export interface ViewPiece {
  node: TextInline;
  offset: number;
  /** Inside `hi rend="italic"`: in these texts, titles of works and foreign phrases. */
  italic: boolean;
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
          view.pieces.push({ node, offset: view.text.length, italic });
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
  for (const s of spans) {
    if (s.end <= s.start || taken.some((t) => s.start < t.end && t.start < s.end)) continue;
    const piece = pieceFor(view, s.start, s.end);
    if (!piece) continue;
    taken.push(s);
    const local = { ...s, start: s.start - piece.offset, end: s.end - piece.offset };
    byNode.set(piece.node, [...(byNode.get(piece.node) ?? []), local]);
  }
  if (byNode.size === 0) return 0;
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
    out.push({ type: 'entity', tag: s.tag, attrs: s.attrs, children: [text(s.start, s.end)] });
    at = s.end;
  }
  if (at < node.text.length) out.push(text(at, node.text.length));
  return out;
}

/** The text a reader sees in a list of inlines (text nodes only, entities opened): for the no-change property. */
export function plainText(inlines: Inline[]): string {
  let s = '';
  for (const node of inlines) {
    if (node.type === 'text') s += node.text;
    else if (node.type === 'hi' || node.type === 'entity') s += plainText(node.children);
    else if (node.type === 'note') for (const p of node.parts) s += plainText(p.inlines);
    else if (node.type === 'interruption') for (const b of node.blocks) s += plainText(b.inlines);
  }
  return s;
}
